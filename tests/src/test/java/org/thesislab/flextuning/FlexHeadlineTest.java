package org.thesislab.flextuning;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.thesislab.core.Scale;
import org.thesislab.core.train.Checkpoints;

/**
 * The chapter's headline (thesis §4.1.5) as a small reproduction on real Fashion-MNIST over three seeds: a reduced
 * sweep (two targets of different shift kinds, the scarcest ratio, two draws of the training images) with the
 * quick-scale fine-tuning protocol.
 */
class FlexHeadlineTest {

    /** Seeds the claims are checked over: one seed is an anecdote (seed 0 alone gives a margin of 0.032 on rotation). */
    private static final long[] SEEDS = {0, 1, 2};

    @Test
    void aSingleIntermediateUnitWinsAndFastFlexApproximatesFlexCheaply() {
        FlexExperiment.Config config = new FlexExperiment.Config(new FashionTransfer.Sizes(6000, 500, 3, 50, 50), 2,
                List.of(TargetShift.INVERTED, TargetShift.ROTATED), List.of(3), List.of(2), Protocol.forScale(Scale.QUICK));
        List<FlexResults> runs = new java.util.ArrayList<>();
        for (long seed : SEEDS) {
            runs.add(FlexExperiment.run(config, seed, Checkpoints.none()));
        }
        String where = runs.stream().map(FlexHeadlineTest::describe).reduce("", (a, b) -> a + "\n" + b);

        // The best unit is "rarely the last fully-connected unit, but rather an intermediate or early unit" (§4.1.5):
        // for these large shifts the last unit alone cannot repair the features, and the best unit beats it clearly:
        // by more than 0.05 on the mean over seeds, and in the majority of seeds. (Which intermediate unit wins for
        // which shift is not stable at this size; see the notebook.)
        for (TargetShift t : config.targets()) {
            double[] margins = runs.stream().mapToDouble(r -> {
                double[] acc = r.candidateAccuracy(t, 3, true);
                int best = r.bestUnit(t, 3);
                return best < r.numUnits() ? acc[best - 1] - acc[r.numUnits() - 1] : 0;
            }).toArray();
            long held = java.util.Arrays.stream(margins).filter(m -> m > 0.05).count();
            double meanMargin = java.util.Arrays.stream(margins).average().orElseThrow();
            assertTrue(meanMargin > 0.05 && held * 2 > margins.length, t.label() + ": best unit's margin over the last "
                    + "unit per seed " + java.util.Arrays.toString(margins) + "; " + where);
        }

        // Each of the claims below must hold in the majority of seeds.
        int flexHolds = 0;
        int fastFlexHolds = 0;
        StringBuilder seen = new StringBuilder();
        for (FlexResults r : runs) {
            // With ~3 images per class, flex is at least as good as fine-tuning everything (it may pick ft-all;
            // 0.01 allows for the validation/test mismatch of a 500-image validation set).
            double flex = mean(r, "flex");
            double all = mean(r, "ft-all");
            flexHolds += flex >= all - 0.01 ? 1 : 0;
            // fast-flex trains 2 networks instead of L+1 and stays close to flex (thesis: mean gap ≤ .022 per table).
            double gap = r.targets().stream().mapToDouble(t -> r.meanGapToFlex(t, "fast-flex")).average().orElseThrow();
            double epochRatio = r.totalCost("fast-flex", false) / r.totalCost("flex", false);
            fastFlexHolds += gap <= 0.05 && epochRatio < 0.6 ? 1 : 0;
            seen.append(String.format("flex %.3f vs ft-all %.3f, mean(flex − fast-flex) %.3f at %.2f of flex's epochs; ",
                    flex, all, gap, epochRatio));
        }
        assertTrue(flexHolds * 2 > runs.size(), "flex ≥ ft-all − 0.01 in " + flexHolds + " of " + runs.size() + " seeds: " + seen);
        assertTrue(fastFlexHolds * 2 > runs.size(), "fast-flex close and cheap in " + fastFlexHolds + " of "
                + runs.size() + " seeds: " + seen);
        System.out.println(seen);
    }

    private static double mean(FlexResults r, String method) {
        return r.targets().stream().mapToDouble(t -> r.meanTest(t, 3, method)).average().orElseThrow();
    }

    private static String describe(FlexResults r) {
        StringBuilder s = new StringBuilder();
        for (TargetShift t : r.targets()) {
            s.append(t.label()).append(": candidates(test)=").append(java.util.Arrays.toString(r.candidateAccuracy(t, 3, true)))
                    .append(" best unit ").append(r.bestUnit(t, 3)).append("; ");
        }
        return s.toString();
    }
}
