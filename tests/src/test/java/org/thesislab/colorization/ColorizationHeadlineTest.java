package org.thesislab.colorization;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thesislab.colorization.ColorizationExperiment.Variant;
import org.thesislab.core.ClaimsOverSeeds;
import org.thesislab.core.Scale;
import org.thesislab.core.train.Checkpoints;

/**
 * The chapter's claims ({@link ColorizationClaims}) at a small size over seeds 0-2 (1500 training images, 12
 * epochs): PIC's joint model has a lower likelihood (bits/dim) than the per-pixel mixture, its samples are more
 * coherent over an object, and on the ambiguous objects more saturated than the L2 regression's. Each claim must
 * hold in most seeds. On seed 0 the samples also differ where the colour is ambiguous and stay put where they are
 * determined.
 * <p>
 * Not asserted: the gating ablation (a gap of the thesis' size needs more seeds than a test affords; the notebook
 * counts them with reproduce --seeds), and PIC's samples being more saturated than e_φ's MAP colorization, which
 * does not reproduce on these scenes: it held in none of seeds 0-2 at this size (saturation 51.6 / 51.4 / 51.3 %
 * against the MAP's 53.0 / 51.4 / 54.6 %); the claim's caveat says why.
 */
class ColorizationHeadlineTest {

    private static final long[] SEEDS = {0, 1, 2};

    @Test
    void picIsTheBetterLikelihoodAndVividWhereL2AveragesToGrey() {
        // the gating ablation is not asserted (see above): its ungated PIC is not trained
        ColorizationExperiment.Config cfg = ColorizationExperiment.Config.forScale(Scale.QUICK)
                .withTrainImages(1500).withTestImages(200).withEpochs(12).withSamples(24, 4)
                .withVariants(List.of(Variant.PIC, Variant.PER_PIXEL, Variant.L2));
        List<Map<String, Double>> summaries = new ArrayList<>();
        for (long seed : SEEDS) {
            ColorizationResults results = ColorizationExperiment.run(cfg, seed, Checkpoints.none());
            summaries.add(ColorizationTables.summary(results));
            if (seed == SEEDS[0]) {
                ColorizationExperiment.Scores pic = results.model(Variant.PIC.label).orElseThrow();
                double spreadAmb = pic.ambiguousSpread();
                double spreadDet = pic.determinedSpread();
                assertTrue(spreadAmb > 20, "PIC samples differ on ambiguous objects: spread " + spreadAmb);
                assertTrue(spreadDet < spreadAmb / 3, "and much less where colour is determined: " + spreadDet);
            }
        }
        ClaimsOverSeeds.assertHoldInMajority(ClaimsOverSeeds.select(ColorizationClaims.ALL,
                "pic_joint_model_beats_per_pixel_likelihood", "pic_samples_coherent", "pic_vivid_where_regression_greys"),
                summaries);
    }
}
