package org.thesislab.flextuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thesislab.core.Threads;

class FlexTuningTest {

    private static final Protocol PROTOCOL = new Protocol(1e-2f, 16, 3, 2, 12);

    @BeforeAll
    static void oneThread() {
        Threads.configure();
    }

    private static void assertCost(Cost expected, Cost actual, String what) {
        assertEquals(expected.steps(), actual.steps(), what + ": steps");
        assertEquals(expected.epochs(), actual.epochs(), 1e-9, what + ": epochs");
        assertEquals(expected.valExamples(), actual.valExamples(), what + ": validation examples");
        assertEquals(expected.seconds(), actual.seconds(), 1e-9, what + ": seconds");
    }

    @Test
    void methodCostsAreTheSumsOfTheRunsTheyNeed() {
        try (NDManager m = NDManager.newBaseManager();
             UnitNetwork source = UnitNetwork.fourUnit(m, 5);
             FlexTuning.Candidates c = new FlexTuning.Candidates(source, UnitNetworkTest.randomData(m, 40, 6), PROTOCOL, 7)) {
            int numUnits = 4;
            FlexTuning.Selection flex = FlexTuning.flex(c);
            FlexTuning.Selection fast = FlexTuning.fastFlex(c);
            FlexTuning.Selection faster = FlexTuning.fasterFlex(c);
            FineTuneRun all = c.get(Scheme.all(numUnits));
            FineTuneRun oneEpoch = c.get(Scheme.allOneEpoch(numUnits));

            // Table 4.1: flex = Σ_ℓ E_ℓ c_ℓ + E_all c_all.
            Cost flexExpected = all.cost();
            for (Scheme s : Scheme.singleUnits(numUnits)) {
                flexExpected = flexExpected.plus(c.get(s).cost());
            }
            assertCost(flexExpected, flex.cost(), "flex");
            assertEquals(List.of("ft-1", "ft-2", "ft-3", "ft-4", "ft-all"), flex.runsUsed());

            // fast-flex = E_all c_all + (L proxy evaluations on D_val) + E_best c_best.
            int valSize = c.data().valSize();
            Cost fastTraining = all.cost().plus(c.get(Scheme.unit(fast.proxyPick())).cost());
            assertEquals(fastTraining.steps(), fast.cost().steps());
            assertEquals(fastTraining.epochs(), fast.cost().epochs(), 1e-9);
            assertEquals(fastTraining.valExamples() + (long) numUnits * valSize, fast.cost().valExamples());
            assertTrue(fast.cost().seconds() > fastTraining.seconds());

            // faster-flex = one epoch of ft-all + proxies + E_best c_best.
            Cost fasterTraining = oneEpoch.cost().plus(c.get(Scheme.unit(faster.proxyPick())).cost());
            assertEquals(fasterTraining.steps(), faster.cost().steps());
            assertEquals(fasterTraining.valExamples() + (long) numUnits * valSize, faster.cost().valExamples());
            assertEquals(1.0, oneEpoch.cost().epochs(), 1e-9);
            assertEquals(3, oneEpoch.cost().steps(), "40 examples in batches of 16 = 3 steps");

            // fast-flex trains 2 networks, flex L+1: strictly cheaper in steps whenever runs are comparable.
            assertTrue(fast.cost().epochs() < flex.cost().epochs());
        }
    }

    @Test
    void epochsCountTrainingExamplesOverTheTrainingSetSize() {
        try (NDManager m = NDManager.newBaseManager(); UnitNetwork source = UnitNetwork.fourUnit(m, 5)) {
            // 40 examples, batches of 16: steps take 16, 16, 8, 16, 16, 8, ... examples.
            FineTuneRun run = FineTuner.run(source, Scheme.unit(2), UnitNetworkTest.randomData(m, 40, 6),
                    new Protocol(1e-3f, 16, 100, 1, 7), 1, false);
            assertEquals(7, run.cost().steps());
            assertEquals((16 + 16 + 8 + 16 + 16 + 8 + 16) / 40.0, run.cost().epochs(), 1e-12);
            assertEquals(40, run.cost().valExamples(), "one validation check, at the last step");
        }
    }

    @Test
    void selectionsFollowTheirAlgorithms() {
        try (NDManager m = NDManager.newBaseManager();
             UnitNetwork source = UnitNetwork.fourUnit(m, 5);
             FlexTuning.Candidates c = new FlexTuning.Candidates(source, UnitNetworkTest.randomData(m, 40, 6), PROTOCOL, 7)) {
            FlexTuning.Selection flex = FlexTuning.flex(c);
            double bestVal = c.runs().stream().mapToDouble(FineTuneRun::valAccuracy).max().orElseThrow();
            assertEquals(bestVal, flex.valAccuracy(), "flex returns the best validation accuracy over {1..L, all}");

            FlexTuning.Selection fast = FlexTuning.fastFlex(c);
            FineTuneRun all = c.get(Scheme.all(4));
            double[] a = fast.proxyScores();
            for (double v : a) {
                assertTrue(a[fast.proxyPick() - 1] >= v, "the proxy pick maximises a_ℓ");
            }
            FineTuneRun best = c.get(Scheme.unit(fast.proxyPick()));
            assertSame(best.valAccuracy() >= all.valAccuracy() ? best.scheme() : all.scheme(), fast.pick());

            FlexTuning.Selection faster = FlexTuning.fasterFlex(c);
            assertEquals(Scheme.unit(faster.proxyPick()), faster.pick(), "faster-flex never falls back to ft-all");
        }
    }
}
