package org.thesislab.flextuning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thesislab.core.Scale;

class FlexResultsTest {

    /** One target, one ratio (3/class), two runs; hand-chosen test accuracies of ft-1..ft-4 and ft-all. */
    static FlexResults results() {
        FlexExperiment.Config config = new FlexExperiment.Config(new FashionTransfer.Sizes(100, 100, 3, 5, 5), 1,
                List.of(TargetShift.ROTATED), List.of(3), List.of(2), Protocol.forScale(Scale.SMOKE));
        double[][] test = {{.10, .30, .60, .50, .55}, {.10, .35, .50, .55, .40}};
        List<FlexResults.RunRow> runs = new ArrayList<>();
        List<FlexResults.SelectionRow> sel = new ArrayList<>();
        for (int rep = 0; rep < 2; rep++) {
            for (int l = 1; l <= 5; l++) {
                runs.add(new FlexResults.RunRow(TargetShift.ROTATED, 3, rep, l <= 4 ? "ft-" + l : "ft-all", l <= 4 ? l : -1,
                        test[rep][l - 1], test[rep][l - 1], new Cost(10, 1, 0, 1), 10, 100));
            }
            sel.add(new FlexResults.SelectionRow(TargetShift.ROTATED, 3, rep, "flex", "ft-3", 3, 0, test[rep][2], Cost.ZERO, null));
            sel.add(new FlexResults.SelectionRow(TargetShift.ROTATED, 3, rep, "fast-flex", "ft-4", 4, 0, test[rep][3], Cost.ZERO,
                    new double[] {.1, .2, .3, .4}));
        }
        return new FlexResults(config, 0, 4, .9, Map.of(TargetShift.ROTATED, .03), runs, sel, 1);
    }

    @Test
    void ranksOraclesAndGapsMatchHandComputation() {
        FlexResults r = results();
        // Mean test accuracy of ft-1..ft-4: .10, .325, .55, .525 -> ranks 4, 3, 1, 2.
        assertArrayEquals(new int[] {4, 3, 1, 2}, r.unitRanks(TargetShift.ROTATED, 3));
        assertEquals(3, r.bestUnit(TargetShift.ROTATED));
        assertEquals(.60, r.oracleTest(TargetShift.ROTATED, 3, 0), 1e-12);
        assertEquals(.55, r.oracleTest(TargetShift.ROTATED, 3, 1), 1e-12);
        assertEquals(2, r.testRank(TargetShift.ROTATED, 3, 1, "ft-3"), "run 2: ft-4 .55 > ft-3 .50");
        // flex − fast-flex: (.60 − .50) and (.50 − .55) -> mean .025.
        assertEquals(.025, r.meanGapToFlex(TargetShift.ROTATED, "fast-flex"), 1e-12);
        assertEquals(.55, r.meanTest(TargetShift.ROTATED, 3, "flex"), 1e-12);
        assertEquals(Math.sqrt(2 * .05 * .05), r.sdTest(TargetShift.ROTATED, 3, "flex"), 1e-12);
    }

    @Test
    void spearmanUsesRanksWithTies() {
        assertEquals(0.8, FlexResults.spearman(new double[] {1, 2, 3, 4}, new double[] {10, 20, 40, 30}), 1e-12);
        assertArrayEquals(new double[] {1.5, 1.5, 3}, FlexResults.ranks(new double[] {5, 5, 7}), 1e-12);
        assertEquals(Double.NaN, FlexResults.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3}));
        // Proxy scores .1..4 vs run-1 test accuracies .10 .30 .60 .50: ranks 1 2 3 4 vs 1 2 4 3 -> 0.8.
        assertEquals(0.8, r().proxySpearman(r().selections().get(1)), 1e-12);
    }

    private static FlexResults r() {
        return results();
    }
}
