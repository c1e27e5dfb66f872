package org.thesislab.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts a class of the test classpath in a fresh JVM, with extra JVM options and environment. */
final class Jvms {
    private Jvms() {}

    /** The result of one fresh JVM: exit code and everything it printed. */
    record Exit(int code, String output) {}

    static Exit run(Class<?> main, List<String> jvmOptions, Map<String, String> env, List<String> unsetEnv,
            Path log, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        unsetEnv.forEach(pb.environment()::remove);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return new Exit(124, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log));
        }
        return new Exit(p.exitValue(), Files.readString(log));
    }
}
