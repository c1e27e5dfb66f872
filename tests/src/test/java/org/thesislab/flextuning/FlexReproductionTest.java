package org.thesislab.flextuning;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.thesislab.core.Scale;

/**
 * The chapter's headline (thesis §4.1.5) as a small fixed-seed reproduction on real Fashion-MNIST: a reduced
 * sweep (two targets of different shift kinds, the scarcest ratio, two draws of the training images) with the
 * quick-scale fine-tuning protocol.
 */
class FlexReproductionTest {

    @Test
    void aSingleIntermediateUnitWinsAndFastFlexApproximatesFlexCheaply() {
        FlexExperiment.Config config = new FlexExperiment.Config(new FashionTransfer.Sizes(6000, 500, 3, 50, 50), 2,
                List.of(TargetShift.INVERTED, TargetShift.ROTATED), List.of(3), List.of(2), Protocol.at(Scale.QUICK));
        FlexResults r = FlexExperiment.run(config, 0);
        String where = describe(r);

        // The best unit is "rarely the last fully-connected unit, but rather an intermediate or early unit" (§4.1.5):
        // for these large shifts the last unit alone cannot repair the features, and the best unit beats it clearly.
        // (Which intermediate unit wins for which shift is not stable at this size; see the notebook.)
        for (TargetShift t : r.targets()) {
            double[] acc = r.candidateAccuracy(t, 3, true);
            int best = r.bestUnit(t, 3);
            assertTrue(best < r.numUnits() && acc[best - 1] > acc[r.numUnits() - 1] + 0.05, "winning units: " + where);
        }

        // With ~3 images per class, flex is at least as good as fine-tuning everything (it may pick ft-all;
        // 0.01 allows for the validation/test mismatch of a 500-image validation set).
        double flex = mean(r, "flex");
        double all = mean(r, "ft-all");
        assertTrue(flex >= all - 0.01, "flex " + flex + " vs ft-all " + all + "; " + where);

        // fast-flex trains 2 networks instead of L+1 and stays close to flex (thesis: mean gap ≤ .022 per table).
        double gap = r.targets().stream().mapToDouble(t -> r.meanGapToFlex(t, "fast-flex")).average().orElseThrow();
        double epochRatio = r.totalCost("fast-flex", false) / r.totalCost("flex", false);
        assertTrue(gap <= 0.05, "mean(flex − fast-flex) = " + gap + "; " + where);
        assertTrue(epochRatio < 0.6, "fast-flex / flex cost in epochs = " + epochRatio);
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
