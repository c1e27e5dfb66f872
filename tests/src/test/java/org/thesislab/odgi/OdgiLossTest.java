package org.thesislab.odgi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.*;

/** Each term of L_ODGI (3.1) is zero for a perfect prediction and positive when that output is wrong. */
class OdgiLossTest {
    private static NDManager manager;
    private static final int G = 2;
    private static final double DELTA = 0.025;

    @BeforeAll
    static void start() { manager = NDManager.newBaseManager(); }

    @AfterAll
    static void stop() { manager.close(); }

    private static double logit(double p) { return Math.log(p / (1 - p)); }

    /**
     * Raw outputs for a 2x2 grid, exact for cell (0,0) holding {@code target} (its centre lies in that
     * cell), confidently empty elsewhere. The predicted box equals the target, so o* comes from (3.9).
     */
    private static float[] perfect(Box target, boolean group) {
        int plane = G * G;
        float[] raw = new float[8 * plane];
        for (int k = 0; k < plane; k++) {
            raw[4 * plane + k] = -30;                                         // c = 0 in empty cells
        }
        raw[0] = (float) logit(target.cx() * G);                             // sigmoid(t_x) + 0 = cx in grid units
        raw[plane] = (float) logit(target.cy() * G);
        raw[2 * plane] = (float) Math.log(target.width() * G);
        raw[3 * plane] = (float) Math.log(target.height() * G);
        raw[4 * plane] = 30;                                                 // c = 1 = IoU with the target
        raw[5 * plane] = group ? 30 : -30;
        double ow = OdgiLoss.offsetTarget(target.cx(), target.width() / 2, target.x0(), target.x1(), DELTA);
        double oh = OdgiLoss.offsetTarget(target.cy(), target.height() / 2, target.y0(), target.y1(), DELTA);
        raw[6 * plane] = (float) logit(ow);
        raw[7 * plane] = (float) logit(oh);
        return raw;
    }

    private static OdgiLoss.Terms terms(List<Box> truths, float[] raw, OdgiLoss.Settings s) {
        NDList labels = OdgiLoss.targets(manager, List.of(GroupTargets.of(truths, G, G)), s.groups(), 4);
        NDArray pred = manager.create(raw, new Shape(1, raw.length / (G * G), G, G));
        return new OdgiLoss(new OdgiLoss.Settings(5, 1, DELTA, s.groups(), s.offsets())).terms(labels, pred);
    }

    private static double v(NDArray a) { return a.toType(ai.djl.ndarray.types.DataType.FLOAT64, false).getDouble(); }

    @Test
    void everyTermIsZeroForAPerfectIndividualAndForAPerfectGroup() {
        Box single = new Box(0.1, 0.15, 0.2, 0.3);
        List<Box> pair = List.of(new Box(0.1, 0.1, 0.15, 0.2), new Box(0.3, 0.25, 0.4, 0.35));
        for (var c : List.of(new Object[]{List.of(single), single, false}, new Object[]{pair, Box.enclosing(pair), true})) {
            @SuppressWarnings("unchecked") List<Box> truths = (List<Box>) c[0];
            OdgiLoss.Terms t = terms(truths, perfect((Box) c[1], (Boolean) c[2]), OdgiLoss.Settings.intermediateStage());
            for (NDArray term : List.of(t.groups(), t.centre(), t.size(), t.confidence(), t.noObject(), t.offsets())) {
                assertEquals(0.0, v(term), 1e-6, "term should vanish for a perfect prediction: " + term);
            }
        }
    }

    @Test
    void eachTermIsPositiveWhenItsOutputIsWrong() {
        Box single = new Box(0.1, 0.15, 0.2, 0.3);
        int plane = G * G;
        record Case(String name, int index, float value, Function<OdgiLoss.Terms, NDArray> term) { }
        List<Case> cases = List.of(
                new Case("centre", 0, 0f, OdgiLoss.Terms::centre),
                new Case("size", 2 * plane, 1f, OdgiLoss.Terms::size),
                new Case("confidence", 4 * plane, 0f, OdgiLoss.Terms::confidence),
                new Case("no-object", 4 * plane + 3, 0f, OdgiLoss.Terms::noObject),
                new Case("groups", 5 * plane, 30f, OdgiLoss.Terms::groups),
                new Case("offsets", 6 * plane, 5f, OdgiLoss.Terms::offsets));
        for (Case c : cases) {
            float[] raw = perfect(single, false);
            raw[c.index()] = c.value();
            OdgiLoss.Terms t = terms(List.of(single), raw, OdgiLoss.Settings.intermediateStage());
            assertTrue(v(c.term().apply(t)) > 1e-3, c.name() + " term should be positive, got " + v(c.term().apply(t)));
        }
    }

    @Test
    void confidenceTargetIsTheIouOfThePrediction() {
        Box single = new Box(0.1, 0.15, 0.2, 0.3);
        float[] raw = perfect(single, false);
        raw[2 * G * G] = (float) Math.log(2 * single.width() * G);   // twice as wide, same centre: IoU = 1/2
        raw[4 * G * G] = 0;                                          // c = 0.5
        OdgiLoss.Terms t = terms(List.of(single), raw, OdgiLoss.Settings.intermediateStage());
        assertEquals(0.0, v(t.confidence()), 1e-6);
    }

    @Test
    void finalStageAveragesOverEveryBoxOfACell() {
        List<Box> pair = List.of(new Box(0.1, 0.1, 0.2, 0.2), new Box(0.3, 0.3, 0.4, 0.4));
        float[] raw = new float[5 * G * G];
        NDList labels = OdgiLoss.targets(manager, List.of(GroupTargets.of(pair, G, G)), false, 4);
        assertEquals(new Shape(1, 5, 4, G, G), labels.get(0).getShape());
        OdgiLoss.Terms t = new OdgiLoss(OdgiLoss.Settings.finalStage()).terms(labels, manager.create(raw, new Shape(1, 5, G, G)));
        // Centre at (0.5, 0.5) grid units vs targets at (0.3, 0.3) and (0.7, 0.7): mean of 2*0.04 and 2*0.04.
        assertEquals(0.08, v(t.centre()), 1e-5);
        assertEquals(0.0, v(t.groups()));
        assertEquals(0.0, v(t.offsets()));
    }

    @Test
    void gradientsOfConfidenceGroupAndOffsetLogitsMatchFiniteDifferences() {
        List<Box> truths = List.of(new Box(0.1, 0.1, 0.15, 0.2), new Box(0.3, 0.25, 0.4, 0.35), new Box(0.6, 0.55, 0.8, 0.7));
        java.util.Random rnd = new java.util.Random(3);
        double[] raw = new double[8 * G * G];
        for (int k = 0; k < raw.length; k++) {
            raw[k] = rnd.nextGaussian();
        }
        OdgiLoss loss = new OdgiLoss(new OdgiLoss.Settings(5, 1, DELTA, true, true));
        NDList labels = OdgiLoss.targets(manager, List.of(GroupTargets.of(truths, G, G)), true, 1);
        NDArray pred = manager.create(raw, new Shape(1, 8, G, G));
        pred.setRequiresGradient(true);
        double[] grad;
        try (var gc = ai.djl.engine.Engine.getInstance().newGradientCollector()) {
            gc.backward(loss.terms(labels, pred).total());
            grad = pred.getGradient().toDoubleArray();
        }
        // Channels 4-7 (confidence, group, offsets) do not feed the stop-gradient targets (3.7), (3.9).
        for (int k = 4 * G * G; k < 8 * G * G; k++) {
            double h = 1e-5;
            double[] plus = raw.clone(), minus = raw.clone();
            plus[k] += h;
            minus[k] -= h;
            double fd = (v(loss.terms(labels, manager.create(plus, new Shape(1, 8, G, G))).total())
                    - v(loss.terms(labels, manager.create(minus, new Shape(1, 8, G, G))).total())) / (2 * h);
            assertEquals(fd, grad[k], 1e-6 + 1e-4 * Math.abs(fd), "d loss / d raw[" + k + "]");
        }
    }

    @Test
    void mismatchedTargetsAreAClearError() {
        NDList labels = OdgiLoss.targets(manager, List.of(GroupTargets.of(List.of(), 4, 4)), true, 1);
        NDArray pred = manager.zeros(new Shape(1, 8, G, G));
        var e = assertThrows(IllegalArgumentException.class, () -> new OdgiLoss(OdgiLoss.Settings.intermediateStage()).terms(labels, pred));
        assertTrue(e.getMessage().contains("grid"), e.getMessage());
    }
}
