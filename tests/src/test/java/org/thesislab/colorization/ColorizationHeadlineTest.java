package org.thesislab.colorization;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thesislab.colorization.ColorizationExperiment.Variant;
import org.thesislab.core.ClaimsOverSeeds;
import org.thesislab.core.Scale;
import tech.tablesaw.api.Table;

/**
 * The chapter's claims ({@link ColorizationClaims}) at a small size over seeds 0-2 (1500 training images, 12
 * epochs): PIC's joint model has a lower likelihood (bits/dim) than the per-pixel mixture, its samples are more
 * saturated than the per-pixel model's most likely colours and more coherent over an object, and on the
 * ambiguous objects more saturated than the L2 regression's. Each claim must hold in most seeds. On seed 0 the
 * samples also differ where the colour is ambiguous and stay put where it is determined.
 * <p>
 * Not asserted: the gating ablation (the thesis' gap is 0.06 bits/dim, within the last-epoch jitter of a run
 * without Polyak averaging).
 */
class ColorizationHeadlineTest {

    private static final long[] SEEDS = {0, 1, 2};

    @Test
    void picIsTheBetterLikelihoodAndVividWhereL2AveragesToGrey() {
        ColorizationExperiment.Config q = ColorizationExperiment.Config.forScale(Scale.QUICK);
        ColorizationExperiment.Config cfg = new ColorizationExperiment.Config(Scale.QUICK, q.side(), q.factor(), 1500, 200,
                12, q.batchSize(), q.learningRate(), q.decayPerStep(), q.polyakDecay(), q.embeddingWidth(), q.embeddingBlocks(),
                q.decoderWidth(), q.decoderBlocks(), q.components(), q.categoricalBins(), 24, 4);
        List<Map<String, Double>> summaries = new ArrayList<>();
        for (long seed : SEEDS) {
            try (ColorizationExperiment exp = new ColorizationExperiment(cfg, seed).quiet();
                 NDManager m = NDManager.newBaseManager()) {
                for (Variant v : List.of(Variant.PIC, Variant.PER_PIXEL, Variant.L2)) {
                    exp.train(v);
                }
                Table eval = exp.evaluate(exp.decodings(m));
                summaries.add(exp.headline(eval));
                if (seed == SEEDS[0]) {
                    double spreadAmb = ColorizationExperiment.value(eval, "PIC", "sample spread, ambiguous (Lab)");
                    double spreadDet = ColorizationExperiment.value(eval, "PIC", "sample spread, determined (Lab)");
                    assertTrue(spreadAmb > 20, "PIC samples differ on ambiguous objects: spread " + spreadAmb);
                    assertTrue(spreadDet < spreadAmb / 3, "and much less where colour is determined: " + spreadDet);
                }
            }
        }
        ClaimsOverSeeds.assertHoldInMajority(ClaimsOverSeeds.select(ColorizationClaims.ALL,
                "pic_joint_model_beats_per_pixel_likelihood", "pic_more_saturated_than_per_pixel_map",
                "pic_samples_coherent", "pic_vivid_where_regression_greys"), summaries);
    }
}
