package org.thesislab.odgi;

import ai.djl.ndarray.NDManager;
import org.thesislab.core.Threads;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Images per second of single-image inference on one thread (as the thesis times its CPU), ODGI
 * against the single-shot baselines. Speed does not depend on the weights, so the networks are
 * untrained; with τ_low = 0 every cell is a candidate, so ODGI always makes exactly γ crops. Caveat: untrained
 * heads give every cell c ≈ 0.5, so the final NMS sees all cells (1024 for single-shot 128, 64 per crop for
 * ODGI 64-32), which overstates NMS time; the notebook times the trained models.
 * Run with {@code environment/lab bench}.
 */
@Tag("benchmark")
class OdgiInferenceBenchmark {

    @Test
    void imagesPerSecond() {
        Threads.set(1);
        AerialData data = new AerialData(SparseClusters.aerial(128).generate(60, 5));
        int[] widths = {8, 16, 24, 32};
        try (NDManager m = NDManager.newBaseManager();
             GridDetector b128 = GridDetector.create("b128", 5, widths); GridDetector b64 = GridDetector.create("b64", 5, widths);
             GridDetector s1 = GridDetector.create("s1", 8, widths); GridDetector s2 = GridDetector.create("s2", 5, widths)) {
            b128.initialize(m, 128);
            b64.initialize(m, 64);
            s1.initialize(m, 64);
            s2.initialize(m, 32);
            SingleShotDetector hi = new SingleShotDetector(b128, 128), lo = new SingleShotDetector(b64, 64);
            OdgiDetector odgi = new OdgiDetector(s1, s2, 64, 32);
            double msHi = OdgiExperiment.medianMillis(60, 60, k -> hi.detect(m, data, new int[]{k}, 1));
            double msLo = OdgiExperiment.medianMillis(60, 60, k -> lo.detect(m, data, new int[]{k}, 1));
            StageTransition t = new StageTransition(0, 1, 0.25, 3, StageTransition.Offsets.LEARNED, true);
            double msOdgi3 = OdgiExperiment.medianMillis(60, 60, k -> odgi.detect(m, data, new int[]{k}, t, 1));
            double msOdgi7 = OdgiExperiment.medianMillis(60, 60, k -> odgi.detect(m, data, new int[]{k}, t.withGamma(7), 1));
            System.out.printf("images/s (1 thread, batch 1): single-shot 128 %.0f, single-shot 64 %.0f, ODGI 64-32 γ=3 %.0f, γ=7 %.0f%n",
                    1000 / msHi, 1000 / msLo, 1000 / msOdgi3, 1000 / msOdgi7);
            System.out.printf("counted M multiply-adds: %.1f, %.1f, %.1f, %.1f%n", hi.multiplyAddsPerImage() / 1e6,
                    lo.multiplyAddsPerImage() / 1e6, odgi.multiplyAdds(3) / 1e6, odgi.multiplyAdds(7) / 1e6);
            assertTrue(msOdgi3 < msHi, "ODGI 64-32 with 3 crops (44% of the multiply-adds) should be faster than single-shot 128");
            assertTrue(IntStream.of(3, 7).allMatch(g -> odgi.multiplyAdds(g) < hi.multiplyAddsPerImage()));
        }
    }
}
