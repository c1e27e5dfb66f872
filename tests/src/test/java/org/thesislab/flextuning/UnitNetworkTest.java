package org.thesislab.flextuning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thesislab.core.Threads;
import org.thesislab.core.train.NonFiniteLossException;

class UnitNetworkTest {

    private static NDManager manager;

    @BeforeAll
    static void open() {
        Threads.configure();
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    /** Random images with labels that a few steps can start to fit. */
    static TransferData randomData(NDManager m, int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * 28 * 28];
        for (int i = 0; i < x.length; i++) {
            x[i] = r.nextFloat();
        }
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 10;
        }
        NDArray xs = m.create(x, new Shape(n, 1, 28, 28));
        NDArray ys = m.create(y);
        return new TransferData(xs, ys, xs, ys, xs, ys);
    }

    static List<float[]> weights(UnitNetwork net, int l) {
        List<float[]> out = new ArrayList<>();
        for (NDArray p : net.unit(l).parameters()) {
            out.add(p.toFloatArray());
        }
        return out;
    }

    static boolean same(List<float[]> a, List<float[]> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Test
    void tuningOneUnitChangesOnlyThatUnit() {
        try (UnitNetwork source = UnitNetwork.fourUnit(manager, 1)) {
            TransferData data = randomData(manager, 40, 2);
            Protocol p = new Protocol(1e-2f, 20, 5, 100, 5);
            for (int tuned = 1; tuned <= 4; tuned++) {
                FineTuneRun run = FineTuner.run(source, Scheme.unit(tuned), data, p, 3, true);
                try (UnitNetwork net = run.network()) {
                    assertEquals(5, run.cost().steps());
                    for (int l = 1; l <= 4; l++) {
                        boolean unchanged = same(weights(source, l), weights(net, l));
                        assertEquals(l != tuned, unchanged, "tuning unit " + tuned + ": unit " + l
                                + (unchanged ? " did not change" : " changed"));
                    }
                }
            }
        }
    }

    @Test
    void lastTwoAndAllChangeExactlyTheirUnits() {
        try (UnitNetwork source = UnitNetwork.fourUnit(manager, 1)) {
            TransferData data = randomData(manager, 40, 2);
            Protocol p = new Protocol(1e-2f, 20, 5, 100, 5);
            FineTuneRun fc2 = FineTuner.run(source, Scheme.lastTwo(4), data, p, 3, true);
            FineTuneRun all = FineTuner.run(source, Scheme.all(4), data, p, 3, true);
            try (UnitNetwork a = fc2.network(); UnitNetwork b = all.network()) {
                for (int l = 1; l <= 4; l++) {
                    assertEquals(l <= 2, same(weights(source, l), weights(a, l)), "ft-fc(2), unit " + l);
                    assertFalse(same(weights(source, l), weights(b, l)), "ft-all, unit " + l);
                }
            }
        }
    }

    @Test
    void scaleShiftOnlyRescalesKernelsAndShiftsBiasesOfFrozenLayers() {
        try (UnitNetwork source = UnitNetwork.fourUnit(manager, 1)) {
            TransferData data = randomData(manager, 40, 2);
            FineTuneRun run = FineTuner.run(source, Scheme.scaleShift(4), data, new Protocol(1e-2f, 20, 5, 100, 5), 3, true);
            try (UnitNetwork net = run.network()) {
                for (int l = 1; l <= 3; l++) {
                    float[] w0 = source.unit(l).parameters().get(0).toFloatArray();
                    float[] w1 = net.unit(l).parameters().get(0).toFloatArray();
                    long out = source.unit(l).parameters().get(1).size();
                    int perOut = (int) (w0.length / out);
                    boolean anyScaled = false;
                    for (int o = 0; o < out; o++) {
                        // W' = s_o · W within each output channel: one common ratio per channel.
                        double s = w1[o * perOut] / w0[o * perOut];
                        anyScaled |= Math.abs(s - 1) > 1e-4;
                        for (int k = 0; k < perOut; k++) {
                            assertEquals(s * w0[o * perOut + k], w1[o * perOut + k], 1e-4 * Math.abs(w0[o * perOut + k]) + 1e-6,
                                    "unit " + l + " channel " + o);
                        }
                    }
                    assertTrue(anyScaled, "ft-ss should rescale some channel of unit " + l);
                }
                assertFalse(same(weights(source, 4), weights(net, 4)), "ft-ss tunes the classifier");
                long channels = 0;
                for (int l = 1; l <= 3; l++) {
                    channels += source.unit(l).parameters().get(1).size();
                }
                assertEquals(2 * channels + source.unit(4).parameterCount(), run.trainedParameters(),
                        "ft-ss trains s and β per output channel of units 1-3, and all of unit 4");
            }
        }
    }

    @Test
    void proxyDiffersFromSourceInExactlyOneUnit() {
        try (UnitNetwork source = UnitNetwork.fourUnit(manager, 1)) {
            FineTuneRun all = FineTuner.run(source, Scheme.all(4), randomData(manager, 40, 2),
                    new Protocol(1e-2f, 20, 5, 100, 5), 3, true);
            try (UnitNetwork tuned = all.network()) {
                for (int l = 1; l <= 4; l++) {
                    try (UnitNetwork proxy = source.proxy(l, tuned)) {
                        for (int k = 1; k <= 4; k++) {
                            UnitNetwork expected = k == l ? tuned : source;
                            assertTrue(same(weights(expected, k), weights(proxy, k)), "proxy " + l + ", unit " + k);
                        }
                        assertFalse(same(weights(source, l), weights(proxy, l)));
                    }
                }
                // Surgery copies: the donor is untouched when the proxy is closed or changed.
                assertTrue(same(weights(tuned, 2), weights(tuned, 2)));
            }
        }
    }

    @Test
    void copyIsIndependentOfTheSource() {
        try (UnitNetwork source = UnitNetwork.fourUnit(manager, 1)) {
            List<float[]> before = weights(source, 1);
            try (UnitNetwork copy = source.copy()) {
                copy.unit(1).parameters().get(0).muli(2);
                assertFalse(same(before, weights(copy, 1)));
            }
            assertTrue(same(before, weights(source, 1)));
        }
    }

    @Test
    void unitsComposeToTheNetwork() {
        try (UnitNetwork net = UnitNetwork.fourUnit(manager, 4); NDManager m = manager.newSubManager()) {
            NDArray x = randomData(m, 5, 1).trainX();
            float[] whole = net.forward(x).toFloatArray();
            for (int split = 0; split <= 4; split++) {
                float[] parts = net.forward(net.forward(x, 1, split), split + 1, 4).toFloatArray();
                assertArrayEquals(whole, parts, 1e-5f, "split after unit " + split);
            }
            assertEquals(new Shape(5, 10), net.forward(x).getShape());
            assertThrows(IllegalArgumentException.class, () -> net.unit(5));
        }
    }

    @Test
    void aNonFiniteLossStopsTheRunThroughTheCoreStepAndNamesIt() {
        try (UnitNetwork source = UnitNetwork.fourUnit(manager, 1); NDManager m = manager.newSubManager()) {
            TransferData clean = randomData(m, 40, 2);
            NDArray nanX = clean.trainX().duplicate();
            nanX.set(new NDIndex("0, 0, 0, 0"), Float.NaN);
            TransferData data = new TransferData(nanX, clean.trainY(), clean.valX(), clean.valY(), clean.testX(), clean.testY());
            List<float[]> before = weights(source, 4);
            NonFiniteLossException e = assertThrows(NonFiniteLossException.class,
                    () -> FineTuner.run(source, Scheme.unit(4), data, new Protocol(1e-2f, 20, 2, 3, 40), 3, false));
            assertEquals("ft-4", e.model());
            assertEquals(1, e.epoch());
            assertTrue(e.batch() == 1 || e.batch() == 2, "batch " + e.batch() + " of 2");
            assertTrue(e.getMessage().contains("ft-4") && e.getMessage().contains("Protocol.learningRate"), e.getMessage());
            assertTrue(same(before, weights(source, 4)), "the source network is never tuned in place");
        }
    }

    @Test
    void twoRunsWithTheSameSeedGiveBitIdenticalWeights() {
        try (UnitNetwork source = UnitNetwork.fourUnit(manager, 1); NDManager m = manager.newSubManager()) {
            TransferData data = randomData(m, 40, 2);
            Protocol p = new Protocol(1e-2f, 16, 2, 100, 7);
            FineTuneRun a = FineTuner.run(source, Scheme.scaleShift(4), data, p, 5, true);
            FineTuneRun b = FineTuner.run(source, Scheme.scaleShift(4), data, p, 5, true);
            FineTuneRun c = FineTuner.run(source, Scheme.scaleShift(4), data, p, 6, true);
            try (UnitNetwork na = a.network(); UnitNetwork nb = b.network(); UnitNetwork nc = c.network()) {
                for (int l = 1; l <= 4; l++) {
                    assertTrue(same(weights(na, l), weights(nb, l)), "unit " + l + " differs between equal seeds");
                }
                assertEquals(a.valCurve().size(), b.valCurve().size());
                assertFalse(same(weights(na, 4), weights(nc, 4)), "another seed shuffles D differently");
            }
        }
    }

    @Test
    void aTrainingCutShortResumesFromItsCheckpointExactlyAsIfUninterrupted(@TempDir Path dir) {
        try (UnitNetwork source = UnitNetwork.fourUnit(manager, 1); NDManager m = manager.newSubManager();
             UnitNetwork whole = source.copy(); UnitNetwork cut = source.copy(); UnitNetwork resumed = source.copy()) {
            TransferData data = randomData(m, 40, 2);
            // Batches of 16 from 40 images: the shuffle stream's passes end mid-period, so resuming must replay it.
            Protocol full = new Protocol(1e-2f, 16, 2, 100, 9);
            FineTuneRun a = FineTuner.fit(whole, Scheme.scaleShift(4), data, full, 5, null);
            FineTuner.fit(cut, Scheme.scaleShift(4), data, new Protocol(1e-2f, 16, 2, 100, 4), 5, dir);
            FineTuneRun b = FineTuner.fit(resumed, Scheme.scaleShift(4), data, full, 5, dir);
            for (int l = 1; l <= 4; l++) {
                assertTrue(same(weights(whole, l), weights(resumed, l)), "unit " + l + " differs after resume");
            }
            assertEquals(a.valCurve().stream().map(java.util.Arrays::toString).toList(),
                    b.valCurve().stream().map(java.util.Arrays::toString).toList());
            assertEquals(a.cost().steps(), b.cost().steps());
            assertEquals(a.cost().epochs(), b.cost().epochs(), 0.0);
            assertEquals(a.bestStep(), b.bestStep());
        }
    }

    @Test
    void earlyStoppingRestoresTheBestValidationWeights() {
        try (UnitNetwork source = UnitNetwork.fourUnit(manager, 1)) {
            TransferData data = randomData(manager, 40, 2);
            FineTuneRun run = FineTuner.run(source, Scheme.all(4), data, new Protocol(1e-2f, 20, 2, 3, 40), 3, true);
            try (UnitNetwork net = run.network()) {
                double best = run.valCurve().stream().mapToDouble(p -> p[1]).max().orElseThrow();
                assertEquals(best, run.valAccuracy());
                // Validation set = test set here, so the restored network must score the best validation accuracy.
                assertEquals(best, net.accuracy(data.valX(), data.valY()), 1e-9);
                assertEquals(run.testAccuracy(), best, 1e-9);
                int checks = run.valCurve().size();
                assertTrue(checks <= 20 && run.cost().steps() == (long) run.valCurve().get(checks - 1)[0]);
            }
        }
    }

    @Test
    void nativeMemoryStaysFlatOverASweepOfRuns() {
        try (UnitNetwork source = UnitNetwork.fourUnit(manager, 1); NDManager m = manager.newSubManager()) {
            TransferData data = randomData(m, 40, 2);
            int[] counts = new int[4];
            for (int k = 0; k < counts.length; k++) {
                FineTuner.run(source, Scheme.scaleShift(4), data, new Protocol(1e-2f, 16, 2, 100, 6), k, false);
                counts[k] = manager.getManagedArrays().size();
            }
            assertEquals(counts[1], counts[3], "arrays held by the manager grew between the 2nd and 4th run");
        }
    }
}
