package org.thesislab.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.thesislab.core.CpuKernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Canary for the upstream bug behind the AVX2 pin ({@link CpuKernels}), run with the soak checks
 * ({@code environment/lab soak}), never in CI: on a CPU with AVX-512, the CPFS and ODGI smoke trainings run with
 * the CPU's own kernels ({@code THESISLAB_CPU_KERNELS=native}) and the heap poisoned with NaN, three times each. It
 * fails while any run dies of NaN, that is while PyTorch's bundled oneDNN still has the bug; once it passes on
 * such a CPU with a newer PyTorch, the pin can be reconsidered. On a CPU without AVX-512 it is skipped.
 */
@Tag("soak")
class OneDnnCanaryTest {
    @Test
    void unpinnedAvx512TrainingStaysFinite() throws Exception {
        assumeTrue(CpuKernels.describe().contains("avx512f"), "no AVX-512 here: the bug cannot show");
        Path dir = Path.of("target", "canary");
        Files.createDirectories(dir);
        List<String> unset = new ArrayList<>(CpuKernels.PINS.keySet());
        List<String> failures = new ArrayList<>();
        for (String chapter : List.of("cpfs", "odgi")) {
            for (int r = 1; r <= 3; r++) {
                Jvms.Exit exit = Jvms.run(TrainingFingerprint.class, List.of(),
                        Map.of(CpuKernels.ENV, "native", "LD_PRELOAD", NanPoison.library().toString()), unset,
                        dir.resolve(chapter + "." + r + ".log"), 900, chapter, dir.resolve(chapter + "." + r + ".txt").toString());
                if (exit.code() != 0) {
                    failures.add(chapter + " run " + r + ": " + exit.output().lines()
                            .filter(l -> l.contains("NaN") || l.contains("Exception")).findFirst().orElse("exit " + exit.code()));
                }
            }
        }
        assertEquals(List.of(), failures, "unpinned AVX-512 kernels still diverge: keep the AVX2 pin");
    }
}
