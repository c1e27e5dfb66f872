package org.thesislab.colorization;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Exact causality of f_theta (Eq. 3.10): factor i sees chroma 1..i-1 and nothing else. */
class PixelCnnDecoderTest {
    private static final int H = 4;
    private static final int W = 5;

    private static void checkCausality(boolean gated) {
        Engine.getInstance().setRandomSeed(5);
        try (NDManager m = NDManager.newBaseManager()) {
            PixelCnnDecoder dec = new PixelCnnDecoder(8, 2, 3, 16, gated);
            dec.setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                    XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT);
            Shape canvasShape = new Shape(1, PicModel.CANVAS_CHANNELS, H, W);
            dec.initialize(m, DataType.FLOAT32, canvasShape, new Shape(1, 3, H, W));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray e = m.randomNormal(new Shape(1, 3, H, W));
            for (int i = 0; i < H; i++) {
                for (int j = 0; j < W; j++) {
                    NDArray canvas = m.randomNormal(canvasShape);
                    canvas.setRequiresGradient(true);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        NDArray out = dec.forward(ps, new NDList(canvas, e), true).singletonOrThrow();
                        gc.backward(out.get(new NDIndex(":, :, {}, {}", i, j)).square().sum());
                    }
                    float[] g = canvas.getGradient().abs().sum(new int[] {0, 1}).toFloatArray();
                    for (int r = 0; r < H; r++) {
                        for (int c = 0; c < W; c++) {
                            float v = g[r * W + c];
                            String what = "d out(" + i + "," + j + ") / d canvas(" + r + "," + c + ")";
                            if (r * W + c >= i * W + j) {
                                assertEquals(0f, v, what + " must be exactly zero (same or later position)");
                            } else {
                                assertNotEquals(0f, v, what + " must be non-zero (earlier position)");
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void gatedDecoderIsExactlyCausalWithNoBlindSpot() {
        checkCausality(true);
    }

    @Test
    void ungatedDecoderIsExactlyCausal() {
        checkCausality(false);
    }

    @Test
    void rejectsAnEmbeddingOnAnotherGrid() {
        try (NDManager m = NDManager.newBaseManager()) {
            PixelCnnDecoder dec = new PixelCnnDecoder(4, 1, 3, 8, true);
            dec.setInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            dec.initialize(m, DataType.FLOAT32, new Shape(1, 4, 4, 4), new Shape(1, 3, 4, 4));
            ParameterStore ps = new ParameterStore(m, false);
            assertThrows(IllegalArgumentException.class, () -> dec.forward(ps,
                    new NDList(m.zeros(new Shape(1, 4, 4, 4)), m.zeros(new Shape(1, 3, 8, 8))), false));
        }
    }
}
