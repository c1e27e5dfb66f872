package org.thesislab.odgi;

import org.junit.jupiter.api.Test;
import org.thesislab.core.ClaimsOverSeeds;
import org.thesislab.core.train.Checkpoints;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chapter's headline (§3.1.4, Table 3.2) reproduced small over seeds 0-2: ODGI 64-32 (the thesis'
 * 512-256) comes close to the 128-px single-shot detector (1024 px) with clearly fewer pixels and
 * multiply-adds, and clearly beats the single-shot detector at its own first-stage resolution (64 px).
 * The claims of {@link OdgiClaims} that this size measures must hold in most seeds (the timing claim and the
 * groups ablation are left to the notebook); the compute claim at γ_train holds when it holds on the mean over
 * the seeds and in the majority of them, with {@link OdgiExperiment#CLOSE_SHARE},
 * {@link OdgiExperiment#CHEAPER_SHARE} and {@link OdgiExperiment#BEATS_MARGIN}.
 * <p>
 * Not reproduced at this size: at the γ the thesis' rule picks on validation (the mean number of
 * relevant crops, 8 for all three seeds) ODGI is close (103 % of the baseline's AP@0.5) but costs 75 %
 * of its pixels and multiply-adds, not clearly less. The compute claim is therefore checked at
 * γ = γ_train = 5, fixed before testing, where ODGI reaches 89-91 % for 56 % of the multiply-adds; at the
 * thesis' VEDAI γ of 3 (44 %) it reaches only 65-71 %.
 */
class OdgiHeadlineTest {

    /** One seed is an anecdote: at the former, smaller size ODGI's share of the baseline ran from 53 % to 92 % over seeds 0-3. */
    private static final long[] SEEDS = {0, 1, 2};

    private record Run(OdgiExperiment.Row chosen, OdgiExperiment.Row atTrainGamma, OdgiExperiment.Row high, OdgiExperiment.Row low) {
    }

    @Test
    void odgiAtLowResolutionNearlyMatchesTheHighResolutionBaselineForLessCompute() {
        List<Run> runs = new ArrayList<>();
        List<Map<String, Double>> summaries = new ArrayList<>();
        StringBuilder report = new StringBuilder();
        for (long seed : SEEDS) {
            OdgiExperiment.Config c = OdgiExperiment.Config.reproduction(seed);
            int gammaTrain = c.training().gammaTrain();
            OdgiResults r = OdgiExperiment.run(c, seed, Checkpoints.none());
            OdgiExperiment.Row atTrain = r.gammaCurves().stream()
                    .filter(x -> x.variant().equals("gamma sweep") && x.gamma() == gammaTrain).findFirst().orElseThrow();
            runs.add(new Run(r.headline(), atTrain, r.baseline(128), r.baseline(64)));
            summaries.add(OdgiTables.summary(r));
            report.append(String.format(Locale.ROOT, "%nseed %d: ", seed)).append(OdgiTables.headline(r))
                    .append(String.format(Locale.ROOT, "%nat γ_train=%d: AP@0.5 %.3f with %.0f%% of the pixels, %.0f%% of the multiply-adds",
                            gammaTrain, atTrain.ap50(), 100 * atTrain.megapixels() / r.baseline(128).megapixels(),
                            100 * atTrain.megaMacs() / r.baseline(128).megaMacs()));
        }
        System.out.println(report);

        assertHolds(runs, "the high-resolution baseline should learn the task (AP@0.5 > 0.5)", x -> x.high().ap50() - 0.5, report);
        ClaimsOverSeeds.assertHoldInMajority(ClaimsOverSeeds.select(OdgiClaims.ALL, "odgi_beats_same_resolution",
                "odgi_close_to_high_resolution", "odgi_fewer_pixels", "odgi_offsets_help"), summaries);
        assertHolds(runs, "ODGI at γ_train should come close to the 128-px baseline",
                x -> x.atTrainGamma().ap50() / x.high().ap50() - OdgiExperiment.CLOSE_SHARE, report);
        assertHolds(runs, "ODGI at γ_train should process clearly fewer pixels",
                x -> OdgiExperiment.CHEAPER_SHARE - x.atTrainGamma().megapixels() / x.high().megapixels(), report);
        assertHolds(runs, "ODGI at γ_train should need clearly fewer multiply-adds",
                x -> OdgiExperiment.CHEAPER_SHARE - x.atTrainGamma().megaMacs() / x.high().megaMacs(), report);
        assertHolds(runs, "ODGI at γ_train should clearly beat the 64-px baseline",
                x -> x.atTrainGamma().ap50() - x.low().ap50() - OdgiExperiment.BEATS_MARGIN, report);
    }

    /** The claim holds when its slack (>= 0 when it holds) is >= 0 on the mean over seeds and in the majority of seeds. */
    private static void assertHolds(List<Run> runs, String claim, ToDoubleFunction<Run> slack, CharSequence report) {
        double[] s = runs.stream().mapToDouble(slack).toArray();
        long held = Arrays.stream(s).filter(v -> v >= 0).count();
        double mean = Arrays.stream(s).average().orElseThrow();
        assertTrue(mean >= 0 && held * 2 > s.length, String.format(Locale.ROOT, "%s: slack per seed %s, mean %.3f, held in %d of %d%s",
                claim, Arrays.toString(s), mean, held, s.length, report));
    }
}
