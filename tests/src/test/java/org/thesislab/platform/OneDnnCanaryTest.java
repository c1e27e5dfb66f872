package org.thesislab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.thesislab.core.CpuKernels;

/**
 * Canary for the upstream bug behind the SSE4.1 pin of oneDNN ({@link CpuKernels}), run with the soak checks
 * ({@code environment/lab soak}), never in CI: {@link ConvolutionGrid} with the heap poisoned with NaN, with oneDNN
 * capped at AVX2 and with the CPU's own kernels. It fails while either reads unwritten memory, that is while
 * PyTorch's bundled oneDNN still has the bug on this CPU (on an AMD EPYC with AVX-512: 135 and 136 of 480 shapes);
 * once it passes on the CPUs the project runs on, with a newer PyTorch, the pin can be reconsidered.
 */
@Tag("soak")
class OneDnnCanaryTest {
    @Test
    void fasterOneDnnKernelsReadOnlyWrittenMemory() throws Exception {
        Path dir = Path.of("target", "canary");
        Files.createDirectories(dir);
        List<String> failures = new ArrayList<>();
        for (String isa : List.of("AVX2", "native")) {
            Map<String, String> env = new HashMap<>(Map.of("LD_PRELOAD", NanPoison.library().toString()));
            List<String> unset = new ArrayList<>();
            if (isa.equals("native")) {
                unset.add("ONEDNN_MAX_CPU_ISA");
            } else {
                env.put("ONEDNN_MAX_CPU_ISA", isa);
            }
            Jvms.Exit exit = Jvms.run(ConvolutionGrid.class, List.of(), env, unset, dir.resolve(isa + ".log"), 600);
            String result = exit.output().lines().filter(l -> l.startsWith(ConvolutionGrid.RESULT)).findFirst()
                    .orElse("exit " + exit.code() + ": " + exit.output());
            if (!result.startsWith(ConvolutionGrid.RESULT + "0 of ")) {
                failures.add("oneDNN " + isa + ": " + (result.length() > 300 ? result.substring(0, 300) + "..." : result));
            }
        }
        assertEquals(List.of(), failures, "oneDNN's faster kernels still read unwritten memory on "
                + CpuKernels.describe() + ": keep the SSE4.1 pin");
    }
}
