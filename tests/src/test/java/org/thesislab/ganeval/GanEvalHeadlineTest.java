package org.thesislab.ganeval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thesislab.core.ClaimsOverSeeds;
import org.thesislab.core.train.Checkpoints;

/**
 * The chapter's claims ({@link GanEvalClaims}) on real Fashion-MNIST over seeds 0-2, at a size smaller than 'quick'
 * (4k training images; the thesis' classifier at half its widths, 200 steps): subsampling lowers GAN-train and not
 * GAN-test, salt and pepper lowers GAN-test more than GAN-train, the noisy subset loses GAN-train at equal GAN-test and
 * has the higher FID, and the memorizer's GAN-train plateau estimates its number of distinct images within a factor 2.
 * Each claim must hold in most seeds.
 */
class GanEvalHeadlineTest {

    private static final long[] SEEDS = {0, 1, 2};

    @Test
    void ganTrainSeesDiversityGanTestSeesQualityAndFidCannotTellThemApart() {
        GanEvalExperiment.Config config = new GanEvalExperiment.Config(RealData.Source.FASHION_MNIST,
                4000, 1000,                                                    // |S_t|, |S_v|
                new BaselineClassifier.Settings(List.of(16, 32, 64, 128), 200, 64, 0.1f, 0.9f, 1e-4f),
                List.of(200, 400, 800, 1600),                                  // subsampled sizes
                List.of(0.05, 0.2),                                            // salt-and-pepper shares
                5, 400,                                                        // σ and the noisy subset
                400, List.of(400, 1600));                                      // the memorizer
        List<Map<String, Double>> summaries = new ArrayList<>();
        for (long seed : SEEDS) {
            GanEvalResults results = GanEvalExperiment.run(config, seed, Checkpoints.none());
            summaries.add(GanEvalTables.summary(results));
            // GAN-test of a subset of S_t is the baseline's accuracy on its own training images, whatever the subset
            assertTrue(results.real().ganTrain() > 0.7, "the baseline classifier learned: " + results.real());
        }
        ClaimsOverSeeds.assertHoldInMajority(GanEvalClaims.ALL, summaries);
    }
}
