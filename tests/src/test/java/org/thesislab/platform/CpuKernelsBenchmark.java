package org.thesislab.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.thesislab.core.CpuKernels;

/**
 * What the pin of PyTorch's CPU kernels costs ({@code environment/lab bench}): wall time of the ODGI and
 * colorization smoke trainings in fresh JVMs, best of two, pinned (oneDNN at SSE4.1), with oneDNN at AVX2 and with
 * the CPU's own kernels, and whether their numbers equal the pinned ones. A run that dies (NaN, on CPUs where the
 * faster oneDNN kernels read unwritten memory) is reported as such.
 */
@Tag("benchmark")
class CpuKernelsBenchmark {
    @Test
    void pinnedVersusFasterKernels() throws Exception {
        Path dir = Path.of("target", "bench-cpu-kernels");
        Files.createDirectories(dir);
        System.out.println("CPU: " + CpuKernels.describe());
        Map<String, Map<String, String>> modes = new LinkedHashMap<>();
        modes.put("pinned", Map.of());
        modes.put("oneDNN AVX2", Map.of(CpuKernels.ENV, "native", "ONEDNN_MAX_CPU_ISA", "AVX2"));
        modes.put("native", Map.of(CpuKernels.ENV, "native"));
        for (String chapter : List.of("odgi", "colorization")) {
            List<String> pinned = null;
            for (var mode : modes.entrySet()) {
                List<String> unset = mode.getKey().equals("pinned") ? List.of() : new ArrayList<>(CpuKernels.PINS.keySet());
                double best = Double.MAX_VALUE;
                List<String> numbers = null;
                String failure = null;
                for (int r = 0; r < 2 && failure == null; r++) {
                    String name = chapter + "." + mode.getKey().replace(' ', '-') + "." + r;
                    long t0 = System.nanoTime();
                    Jvms.Exit exit = Jvms.run(TrainingFingerprint.class, List.of(), mode.getValue(), unset,
                            dir.resolve(name + ".log"), 900, chapter, dir.resolve(name + ".txt").toString());
                    if (exit.code() != 0) {
                        failure = exit.output().lines().filter(l -> l.contains("NaN")).findFirst().orElse("exit " + exit.code());
                    } else {
                        best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                        numbers = Files.readAllLines(dir.resolve(name + ".txt"));
                    }
                }
                if (mode.getKey().equals("pinned")) {
                    pinned = numbers;
                }
                String same = failure != null || pinned == null ? "" : DeterminismTest.firstDifference(pinned, numbers) == null
                        ? "; numbers as pinned" : "; numbers differ from pinned";
                System.out.printf("%s smoke training, %s: %s%n", chapter, mode.getKey(),
                        failure != null ? "died: " + failure : String.format("%.1f s%s", best, same));
            }
        }
    }
}
