package org.thesislab.core;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thesislab.platform.TrainingFingerprintLauncher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The pin of PyTorch's CPU kernels ({@link CpuKernels}) is in force in every place that starts the engine: the
 * test JVMs Surefire forks, the scripts ({@code environment/cpu-pins.sh}, sourced by {@code environment/lab}), the
 * kernelspec setup writes; and a JVM started without it refuses to train, naming the fix. The notebook test checks
 * that each executed notebook's kernel recorded the pin in its summary.json.
 */
class CpuKernelsTest {
    @Test
    void pinsAreInForceInTheTestJvm() {
        assumeTrue(CpuKernels.pinnable(), "this CPU has no AVX2: nothing is pinned");
        assertEquals(Map.of(), CpuKernels.missingPins(), "tests/pom.xml must give the forked JVMs " + CpuKernels.PINS);
        assertTrue(CpuKernels.describe().startsWith("pinned ("), CpuKernels.describe());
    }

    @Test
    void scriptsPinTheSameValues() throws Exception {
        String script = Files.readString(Project.root().resolve("environment/cpu-pins.sh"));
        Matcher m = Pattern.compile("(?m)^CPU_PINS=\\((.*)\\)$").matcher(script);
        assertTrue(m.find(), "environment/cpu-pins.sh has no CPU_PINS=(...) line");
        Map<String, String> pins = new LinkedHashMap<>();
        for (String pair : m.group(1).trim().split("\\s+")) {
            String[] kv = pair.split("=", 2);
            pins.put(kv[0], kv[1]);
        }
        assertEquals(CpuKernels.PINS, pins);
        assertTrue(Files.readString(Project.root().resolve("environment/lab")).contains("source \"$ROOT/environment/cpu-pins.sh\""));
    }

    @Test
    void surefireForksWithThePins() throws Exception {
        String pom = Files.readString(Project.root().resolve("tests/pom.xml"));
        CpuKernels.PINS.forEach((k, v) -> assertTrue(pom.contains("<" + k + ">" + v + "</" + k + ">"),
                "tests/pom.xml's environmentVariables lack " + k + "=" + v));
    }

    @Test
    void kernelspecCarriesThePins() throws Exception {
        assumeTrue(CpuKernels.pinnable(), "this CPU has no AVX2: the kernelspec pins nothing");
        Path spec = Project.root().resolve("build/jupyter/kernels/thesislab/kernel.json");
        assertTrue(Files.isRegularFile(spec), spec + " is missing: run environment/lab setup");
        JsonObject env = JsonParser.parseString(Files.readString(spec)).getAsJsonObject().getAsJsonObject("env");
        CpuKernels.PINS.forEach((k, v) -> assertEquals(v, env.has(k) ? env.get(k).getAsString() : null,
                "the kernelspec's env lacks " + k + ": rerun environment/lab setup"));
    }

    @Test
    void aJvmWithoutThePinsRefusesToTrainAndNamesTheFix(@TempDir Path dir) throws Exception {
        assumeTrue(CpuKernels.pinnable(), "this CPU has no AVX2: nothing is pinned");
        var exit = TrainingFingerprintLauncher.withoutPins(dir.resolve("log.txt"), dir.resolve("out.txt"));
        assertNotEquals(0, exit.code(), exit.output());
        assertTrue(exit.output().contains("not pinned") && exit.output().contains("ONEDNN_MAX_CPU_ISA=SSE41"), exit.output());
        assertTrue(List.of(exit.output().split("\n")).stream().noneMatch(l -> l.startsWith("fingerprint of")), exit.output());
    }
}
