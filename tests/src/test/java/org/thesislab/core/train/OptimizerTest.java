package org.thesislab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Update rules against hand-computed steps on f(w) = sum(c * w), whose gradient is c. */
class OptimizerTest {
    static Parameter parameter(NDManager m, float... values) {
        Parameter p = Parameter.builder().setName("w").setType(Parameter.Type.WEIGHT).build();
        p.setArray(m.create(values));
        p.getArray().setRequiresGradient(true);
        return p;
    }

    static void gradient(Parameter p, float... c) {
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray f = p.getArray().mul(p.getArray().getManager().create(c)).sum();
            gc.backward(f);
        }
    }

    @Test
    void adamTakesTheTextbookSteps() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = parameter(m, 1f, -2f);
            Adam adam = new Adam(0.1f);
            gradient(p, 2f, -0.5f);
            adam.step(List.of(p));
            // Step 1: m_hat = g, v_hat = g^2, so each weight moves by lr * sign(g).
            assertArrayEquals(new float[] {0.9f, -1.9f}, p.getArray().toFloatArray(), 1e-6f);
            gradient(p, 4f, -0.5f);
            adam.step(List.of(p));
            double m1 = (0.9 * 0.1 * 2 + 0.1 * 4) / (1 - 0.81);
            double v1 = (0.999 * 0.001 * 4 + 0.001 * 16) / (1 - 0.998001);
            float expected = (float) (0.9 - 0.1 * m1 / (Math.sqrt(v1) + 1e-8));
            assertArrayEquals(new float[] {expected, -1.8f}, p.getArray().toFloatArray(), 1e-5f);
        }
    }

    @Test
    void sgdWithMomentumMatchesPyTorchsRule() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = parameter(m, 1f);
            Sgd sgd = new Sgd(0.1f, 0.9f, 0f);
            gradient(p, 2f);
            sgd.step(List.of(p));
            gradient(p, 2f);
            sgd.step(List.of(p));
            // v1 = 2, w1 = 0.8; v2 = 0.9 * 2 + 2 = 3.8, w2 = 0.8 - 0.38.
            assertArrayEquals(new float[] {0.42f}, p.getArray().toFloatArray(), 1e-6f);
        }
    }

    /**
     * Restored state must own its memory. An array decoded from a checkpoint lives in a Java buffer that is freed once
     * the decoded array is closed, and PyTorch's {@code to(device)} of an array already on that device returns an alias,
     * not a copy: slots that aliased the decoded arrays read freed memory (it crashed the JVM with SIGSEGV in resume
     * tests, and otherwise resumes from garbage moments). Scribbling over the decoded arrays must not reach the slots.
     */
    @Test
    void restoredStateIsACopyNotAnAliasOfTheDecodedArrays() {
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter p = parameter(m, 1f, -2f);
            Adam adam = new Adam(0.1f);
            gradient(p, 2f, -0.5f);
            adam.step(List.of(p));
            List<NDArray> weights = List.of(p.getArray());
            byte[] saved;
            try (NDManager scope = m.newSubManager()) {
                saved = adam.state(weights, scope).encode();
            }
            Adam restored = new Adam(0.1f);
            try (NDManager scope = m.newSubManager()) {
                NDList decoded = NDList.decode(scope, saved);
                restored.loadState(weights, decoded);
                for (NDArray a : decoded.subNDList(1)) {
                    a.subi(a);
                }
            }
            try (NDManager scope = m.newSubManager()) {
                NDList expected = NDList.decode(scope, saved);
                NDList actual = restored.state(weights, scope);
                for (int k = 1; k < expected.size(); k++) {
                    assertArrayEquals(expected.get(k).toFloatArray(), actual.get(k).toFloatArray(), "slot " + k);
                }
            }
        }
    }

    @Test
    void aLearningRateThatIsNotAPositiveNumberIsRefusedWithItsValue() {
        for (float bad : new float[] {Float.NaN, 0f, -1e-3f, Float.POSITIVE_INFINITY}) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Adam(bad));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("learning rate") && e.getMessage().contains(String.valueOf(bad)),
                    e.getMessage());
        }
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Sgd(0.1f, 0.9f, 0f).setLearningRate(Float.NaN));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("Sgd"), e.getMessage());
    }
}
