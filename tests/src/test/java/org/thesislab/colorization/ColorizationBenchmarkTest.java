package org.thesislab.colorization;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.thesislab.core.Scale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Speed at 'quick' sizes (run with {@code mvn -Pbench}): PIC training images/second, and ancestral
 * sampling time per image with and without batching. Batching must pay: the per-image cost of a batch
 * of 32 must be well below the cost of sampling images one at a time.
 */
@Tag("benchmark")
class ColorizationBenchmarkTest {
    @Test
    void trainingThroughputAndBatchedSampling() {
        ColorizationExperiment.Config cfg = ColorizationExperiment.Config.forScale(Scale.QUICK)
                .withTrainImages(640).withTestImages(64).withEpochs(1).withSamples(8, 2);
        try (ColorizationExperiment exp = new ColorizationExperiment(cfg, 0).quiet()) {
            ColorizationExperiment.Trained pic = exp.train(ColorizationExperiment.Variant.PIC);
            double ips = pic.result().history().doubleColumn("examples_per_second").get(0);
            ColorizationExperiment.SamplingCost cost = exp.samplingCost(ColorizationExperiment.Variant.PIC, new int[] {8}, 32);
            System.out.printf("PIC training: %.0f images/s (batch %d, %dx%d images)%n", ips, cfg.batchSize(), cfg.side(), cfg.side());
            System.out.println(ColorizationTables.samplingCost(cost).printAll());
            double one = cost.points().get(0).msOneImage();
            double batched = cost.points().get(0).msPerImageBatched();
            assertTrue(batched < one / 4, "batched sampling " + batched + " ms/image vs one at a time " + one);
        }
    }
}
