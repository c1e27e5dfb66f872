package org.thesislab.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;
import org.thesislab.core.nn.GcPressure;


import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SoftmaxCrossEntropyTest {
    @Test
    void matchesTheHandComputedValueAndDjlsLoss() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {2, 0, -1, 0.5f, 0.5f, 3}, new Shape(2, 3));
            NDArray labels = m.create(new long[] {0, 2});
            double row0 = -(2 - Math.log(Math.exp(2) + 1 + Math.exp(-1)));
            double row1 = -(3 - Math.log(2 * Math.exp(0.5) + Math.exp(3)));
            float ours = new SoftmaxCrossEntropy().evaluate(new NDList(labels), new NDList(logits)).getFloat();
            assertEquals((row0 + row1) / 2, ours, 1e-6);
            assertEquals(Loss.softmaxCrossEntropyLoss().evaluate(new NDList(labels), new NDList(logits)).getFloat(), ours);
        }
    }

    @Test
    void gradientIsSoftmaxMinusOneHotOverNAndSurvivesAGc() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(new float[] {2, 0, -1, 0.5f, 0.5f, 3}, new Shape(2, 3));
            NDArray labels = m.create(new long[] {0, 2});
            float[] g = GcPressure.inputGradient(logits,
                    z -> new SoftmaxCrossEntropy().evaluate(new NDList(labels), new NDList(z)), true);
            float[] expected = logits.softmax(1).sub(labels.oneHot(3)).div(2f).toFloatArray();
            assertArrayEquals(expected, g, 1e-6f);
        }
    }
}
