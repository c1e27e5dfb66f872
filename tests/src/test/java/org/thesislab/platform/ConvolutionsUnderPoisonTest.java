package org.thesislab.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thesislab.core.CpuKernels;

/**
 * With the project's pinned CPU kernels, no convolution reads memory it has not written: {@link ConvolutionGrid}
 * runs 480 shapes forward and backward in a fresh JVM whose heap is filled with NaN bytes when allocated and
 * freed, and none may give NaN. On an AMD EPYC with AVX-512 this fails with oneDNN capped at AVX2 (135 shapes) or
 * uncapped (136): the reason for the SSE4.1 pin ({@link CpuKernels}).
 */
class ConvolutionsUnderPoisonTest {
    @Test
    void pinnedConvolutionsReadOnlyWrittenMemory() throws Exception {
        assumeTrue(CpuKernels.pinnable(), "this CPU has no AVX2: nothing is pinned");
        Path dir = Path.of("target", "convolutions-under-poison");
        Files.createDirectories(dir);
        Jvms.Exit exit = Jvms.run(ConvolutionGrid.class, List.of(), Map.of("LD_PRELOAD", NanPoison.library().toString()),
                List.of(), dir.resolve("grid.log"), 600);
        assertTrue(exit.code() == 0 && exit.output().contains(ConvolutionGrid.RESULT + "0 of "),
                "a pinned convolution read unwritten memory (" + CpuKernels.describe() + "):\n" + exit.output());
    }
}
