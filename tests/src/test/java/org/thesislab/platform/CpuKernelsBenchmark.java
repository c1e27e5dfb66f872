package org.thesislab.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.thesislab.core.CpuKernels;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the AVX2 pin of PyTorch's CPU kernels costs ({@code environment/lab bench}): wall time of the CPFS and ODGI
 * smoke trainings in fresh JVMs, pinned and with the CPU's own kernels, best of two each, and whether the numbers
 * are the same. On a CPU without AVX-512 the two are the same code; the comparison matters on AVX-512 CPUs.
 */
@Tag("benchmark")
class CpuKernelsBenchmark {
    @Test
    void pinnedVersusNativeKernels() throws Exception {
        Path dir = Path.of("target", "bench-cpu-kernels");
        Files.createDirectories(dir);
        System.out.println("CPU: " + CpuKernels.describe());
        for (String chapter : List.of("cpfs", "odgi")) {
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
            List<List<String>> prints = new java.util.ArrayList<>();
            for (int mode = 0; mode < 2; mode++) {
                Map<String, String> env = mode == 0 ? Map.of() : Map.of(CpuKernels.ENV, "native");
                List<String> unset = mode == 0 ? List.of() : List.copyOf(CpuKernels.PINS.keySet());
                for (int r = 0; r < 2; r++) {
                    Path out = dir.resolve(chapter + "." + mode + "." + r + ".txt");
                    long t0 = System.nanoTime();
                    Jvms.Exit exit = Jvms.run(TrainingFingerprint.class, List.of(), env, unset,
                            dir.resolve(chapter + "." + mode + "." + r + ".log"), 900, chapter, out.toString());
                    best[mode] = Math.min(best[mode], (System.nanoTime() - t0) / 1e9);
                    assertEquals(0, exit.code(), exit.output());
                    prints.add(Files.readAllLines(out));
                }
            }
            String same = DeterminismTest.firstDifference(prints.get(0), prints.get(2));
            System.out.printf("%s smoke training, fresh JVM: pinned %.1f s, native %.1f s (native/pinned %.2f); numbers %s%n",
                    chapter, best[0], best[1], best[1] / best[0], same == null ? "identical" : "differ " + same);
        }
    }
}
