package org.thesislab.platform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.thesislab.core.CpuKernels;

/** Starts {@link TrainingFingerprint} in a fresh JVM for tests outside this package. */
public final class TrainingFingerprintLauncher {
    private TrainingFingerprintLauncher() {}

    /** The result of one fresh JVM: exit code and everything it printed. */
    public record Exit(int code, String output) {}

    /** The tour's training in a JVM whose environment lacks the CPU-kernel pins. */
    public static Exit withoutPins(Path log, Path out) throws IOException, InterruptedException {
        List<String> unset = new java.util.ArrayList<>(CpuKernels.PINS.keySet());
        unset.add(CpuKernels.ENV);
        Jvms.Exit e = Jvms.run(TrainingFingerprint.class, List.of(), Map.of(), unset, log, 300, "tour", out.toString());
        return new Exit(e.code(), e.output());
    }
}
