package org.thesislab.avr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class RationaleModelTest {

    private final Universe u = Shapes3D.universe();

    @Test
    void outputShapesOfEveryKind() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomUniform(0, 1, new Shape(2, 3, 3, 16, 16));
            for (RationaleModel.Kind k : RationaleModel.Kind.values()) {
                RationaleModel model = new RationaleModel(k, u, 3, RationaleModel.Sizes.small()).initialize(m, 3, 16);
                NDList out = model.forward(new ParameterStore(m, false), new NDList(x), true);
                assertEquals(new Shape(2, 25), out.get(0).getShape(), k.label());
                if (k.systematic()) {
                    assertEquals(new Shape(2, 3, 5, k.oracle() ? 1 : 4), out.get(1).getShape(), k.label());
                }
                // CNN-co and RN-co in training mode: domain logits for the 10 pairs, 2 * B * n rows
                assertEquals(k.adversarial() ? 3 : k.systematic() ? 2 : 1, out.size(), k.label());
                if (k.adversarial()) {
                    assertEquals(new Shape(12, 10), out.get(2).getShape());
                }
                assertEquals(k.systematic() ? 2 : 1, model.forward(new ParameterStore(m, false), new NDList(x), false).size(),
                        k.label() + ": no domain logits at evaluation");
            }
            assertEquals(8, RationaleModel.Kind.values().length, "the eight models of Table 2.2");
        }
    }

    @Test
    void consistentHeadScoresEveryPropertyWithTheSamePhi() {
        // (2.3): swapping the code blocks of two properties swaps their rationale scores, nothing else
        try (NDManager m = NDManager.newBaseManager()) {
            RationaleModel model = new RationaleModel(RationaleModel.Kind.CNN_C, u, 3, RationaleModel.Sizes.small()).initialize(m, 3, 16);
            ParameterStore store = new ParameterStore(m, false);
            NDArray codes = m.randomNormal(new Shape(4, 3, 5, 4));
            NDArray swapped = codes.get(":, :, {}", m.create(new long[] {3, 1, 2, 0, 4}));
            float[] a = model.reason(store, codes, false).reshape(4, 5, 5).toFloatArray();
            float[] b = model.reason(store, swapped, false).reshape(4, 5, 5).toFloatArray();
            for (int i = 0; i < 4; i++) {
                for (int r = 0; r < 5; r++) {
                    assertEquals(a[(i * 5 + 0) * 5 + r], b[(i * 5 + 3) * 5 + r], 1e-5);
                    assertEquals(a[(i * 5 + 3) * 5 + r], b[(i * 5 + 0) * 5 + r], 1e-5);
                    assertEquals(a[(i * 5 + 1) * 5 + r], b[(i * 5 + 1) * 5 + r], 1e-5);
                }
            }
        }
    }

    @Test
    void unconstrainedHeadIsNotConsistent() {
        try (NDManager m = NDManager.newBaseManager()) {
            RationaleModel model = new RationaleModel(RationaleModel.Kind.CNN_STAR, u, 3, RationaleModel.Sizes.small()).initialize(m, 3, 16);
            ParameterStore store = new ParameterStore(m, false);
            NDArray codes = m.randomNormal(new Shape(4, 3, 5, 1));
            NDArray swapped = codes.get(":, :, {}", m.create(new long[] {3, 1, 2, 0, 4}));
            float[] a = model.reason(store, codes, false).reshape(4, 5, 5).toFloatArray();
            float[] b = model.reason(store, swapped, false).reshape(4, 5, 5).toFloatArray();
            assertNotEquals(a[0], b[15], 1e-4, "an MLP on all codes treats the properties differently");
        }
    }

    @Test
    void lossMatchesHandComputedCrossEntropyAndDomainTerm() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] logits = new float[25];
            logits[7] = 2f;
            NDArray l = m.create(logits, new Shape(1, 25));
            NDArray y = m.create(new int[] {7});
            NDArray values = m.zeros(new Shape(1, 3, 5, 1));
            RationaleLoss loss = new RationaleLoss(u, 0f);
            double expected = -(2 - Math.log(Math.exp(2) + 24));
            assertEquals(expected, loss.evaluate(new NDList(y, values), new NDList(l)).getFloat(), 1e-5);
            // domain logits: z = 0 for domain 0 (BCE ln 2), z = 3 for domain 1 (BCE ln(1 + e^-3))
            NDArray dom = m.create(new float[] {0f, 3f}, new Shape(2, 1));
            assertEquals((Math.log(2) + Math.log(1 + Math.exp(-3))) / 2, RationaleLoss.domainLoss(dom).getFloat(), 1e-5);
            assertEquals(1.0, RationaleLoss.domainAccuracy(dom), 1e-9, "z = 0 counts as domain 0, z = 3 as domain 1: both right");
        }
    }

    @Test
    void oracleTermRegressesCodesOnTheCommonValueScale() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray l = m.zeros(new Shape(1, 25));
            NDArray codes = m.zeros(new Shape(1, 3, 5, 1));
            float[] t = new float[15];
            for (int i = 0; i < 15; i++) {
                u.oracleTarget(i % 5, 15, t, i); // orientation 15 on the common scale v / 15 = 1
            }
            NDArray values = m.create(t, new Shape(1, 3, 5, 1));
            RationaleLoss loss = new RationaleLoss(u, 2f);
            // CE of uniform logits is ln 25; the codes miss 1 everywhere: MSE 1, weighted 2
            assertEquals(Math.log(25) + 2, loss.evaluate(new NDList(m.create(new int[] {0}), values), new NDList(l, codes)).getFloat(), 1e-5);
        }
    }

    @Test
    void ravenOracleCodesAreSetIndicatorsAndForbiddenClassesAreNeverPredicted() {
        Universe raven = Raven.universe();
        assertEquals(10, raven.oracleDim());
        float[] t = new float[10];
        raven.oracleTarget(Raven.OBJECT_COLORS, 0b1000000101, t, 0);
        assertArrayEquals(new float[] {1, 0, 1, 0, 0, 0, 0, 0, 0, 1}, t);
        try (NDManager m = NDManager.newBaseManager()) {
            RationaleModel model = new RationaleModel(RationaleModel.Kind.CNN, raven, 3, RationaleModel.Sizes.small()).initialize(m, 1, 32);
            NDArray logits = model.forward(new ParameterStore(m, false), new NDList(m.randomUniform(0, 1, new Shape(8, 3, 1, 32, 32))), false).head();
            for (long c : logits.argMax(1).toLongArray()) {
                assertTrue(raven.isPermitted(raven.rationale((int) c)));
            }
            assertTrue(logits.get(":, " + raven.classIndex(new Rationale(3, Raven.OBJECT_NUMBER))).max().getFloat() < -1000);
        }
    }

    @Test
    void wrongInputShapeIsAClearError() {
        try (NDManager m = NDManager.newBaseManager()) {
            RationaleModel model = new RationaleModel(RationaleModel.Kind.CNN_C, u, 3, RationaleModel.Sizes.small()).initialize(m, 3, 16);
            var e = assertThrows(IllegalArgumentException.class, () -> model.forward(new ParameterStore(m, false),
                    new NDList(m.zeros(new Shape(2, 4, 3, 16, 16))), false));
            assertTrue(e.getMessage().contains("expected images"));
        }
    }
}
