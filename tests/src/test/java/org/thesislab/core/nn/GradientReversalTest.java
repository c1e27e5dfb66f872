package org.thesislab.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class GradientReversalTest {

    @Test
    void identityForwardNegatedScaledGradientBackward() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] xs = {0.3f, -1.7f, 2.5e-8f, 123.456f};
            float[] ws = {1f, 2f, -3f, 0.5f};
            NDArray x = m.create(xs);
            x.setRequiresGradient(true);
            GradientReversal grl = new GradientReversal(0.7f);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray y = grl.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
                assertArrayEquals(xs, y.toFloatArray(), 0f, "forward must be exactly the identity");
                gc.backward(y.mul(m.create(ws)).sum()); // d/dx sum(w * y) = w without reversal
            }
            float[] grad = x.getGradient().toFloatArray();
            for (int i = 0; i < ws.length; i++) {
                assertEquals(-0.7f * ws[i], grad[i], 1e-6f);
            }
        }
    }

    @Test
    void zeroLambdaBlocksTheGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1f, 2f});
            x.setRequiresGradient(true);
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                gc.backward(GradientReversal.reverse(x, 0f).square().sum());
            }
            assertArrayEquals(new float[] {0f, 0f}, x.getGradient().toFloatArray(), 0f);
        }
    }

    @Test
    void ganinRampRisesFromZeroToAboutOne() {
        assertEquals(0f, GradientReversal.ganinRamp(0), 1e-7f);
        assertEquals(2 / (1 + Math.exp(-5)) - 1, GradientReversal.ganinRamp(0.5), 1e-6);
        assertTrue(GradientReversal.ganinRamp(1) > 0.999f);
    }

    @Test
    void negativeWeightIsAClearError() {
        assertThrows(IllegalArgumentException.class, () -> new GradientReversal(-1f));
    }
}
