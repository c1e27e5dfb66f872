package org.thesislab.core.nn;

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
import ai.djl.training.initializer.NormalInitializer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Receptive fields of the shifted convolutions and the two-stack (no blind spot) construction. */
class ShiftedConv2dTest {
    private static final int H = 5;
    private static final int W = 5;

    /** d out(i, j) / d x over all input positions, as a boolean "depends on" map (H x W). */
    private static boolean[][] dependsOn(java.util.function.Function<NDArray, NDArray> net, NDManager m, int i, int j) {
        NDArray x = m.randomNormal(new Shape(1, 2, H, W));
        x.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = net.apply(x);
            gc.backward(y.get(new NDIndex(":, :, {}, {}", i, j)).sum());
        }
        float[] g = x.getGradient().abs().sum(new int[] {0, 1}).toFloatArray();
        boolean[][] dep = new boolean[H][W];
        for (int r = 0; r < H; r++) {
            for (int c = 0; c < W; c++) {
                dep[r][c] = g[r * W + c] != 0f;
            }
        }
        return dep;
    }

    private static ShiftedConv2d conv(NDManager m, ShiftedConv2d.Kind kind, int kh, int kw, int cin) {
        ShiftedConv2d c = new ShiftedConv2d(kind, kh, kw, 3);
        c.setInitializer(new NormalInitializer(1f), Parameter.Type.WEIGHT);
        c.initialize(m, DataType.FLOAT32, new Shape(1, cin, H, W));
        return c;
    }

    @Test
    void downShiftedConvSeesRowsAboveAndCentredColumns() {
        try (NDManager m = NDManager.newBaseManager()) {
            ShiftedConv2d c = conv(m, ShiftedConv2d.Kind.DOWN, 2, 3, 2);
            ParameterStore ps = new ParameterStore(m, false);
            boolean[][] dep = dependsOn(x -> c.forward(ps, new NDList(x), true).singletonOrThrow(), m, 2, 2);
            for (int r = 0; r < H; r++) {
                for (int col = 0; col < W; col++) {
                    boolean expected = (r == 1 || r == 2) && col >= 1 && col <= 3;
                    assertEquals(expected, dep[r][col], "position " + r + "," + col);
                }
            }
            assertEquals(new Shape(1, 3, H, W), c.getOutputShapes(new Shape[] {new Shape(1, 2, H, W)})[0]);
        }
    }

    @Test
    void downRightShiftedConvSeesUpLeftQuadrantOnly() {
        try (NDManager m = NDManager.newBaseManager()) {
            ShiftedConv2d c = conv(m, ShiftedConv2d.Kind.DOWN_RIGHT, 2, 2, 2);
            ParameterStore ps = new ParameterStore(m, false);
            boolean[][] dep = dependsOn(x -> c.forward(ps, new NDList(x), true).singletonOrThrow(), m, 2, 2);
            for (int r = 0; r < H; r++) {
                for (int col = 0; col < W; col++) {
                    boolean expected = (r == 1 || r == 2) && (col == 1 || col == 2);
                    assertEquals(expected, dep[r][col], "position " + r + "," + col);
                }
            }
        }
    }

    /**
     * The PixelCNN++ input layer plus shifted layers: the horizontal stack at (i, j) depends on exactly
     * the positions strictly before (i, j) in raster order within its receptive field, including the
     * up-right ones a single masked convolution would miss (no blind spot).
     */
    @Test
    void twoStacksAreCausalWithoutBlindSpot() {
        try (NDManager m = NDManager.newBaseManager()) {
            ParameterStore ps = new ParameterStore(m, false);
            ShiftedConv2d inU = conv(m, ShiftedConv2d.Kind.DOWN, 2, 3, 2);
            ShiftedConv2d inTop = conv(m, ShiftedConv2d.Kind.DOWN, 1, 3, 2);
            ShiftedConv2d inLeft = conv(m, ShiftedConv2d.Kind.DOWN_RIGHT, 2, 1, 2);
            ShiftedConv2d[] vs = {conv(m, ShiftedConv2d.Kind.DOWN, 2, 3, 3), conv(m, ShiftedConv2d.Kind.DOWN, 2, 3, 3)};
            ShiftedConv2d[] hs = {conv(m, ShiftedConv2d.Kind.DOWN_RIGHT, 2, 2, 3), conv(m, ShiftedConv2d.Kind.DOWN_RIGHT, 2, 2, 3)};
            java.util.function.Function<NDArray, NDArray> net = x -> {
                NDArray u = Shifts.downShift(inU.forward(ps, new NDList(x), true).singletonOrThrow());
                NDArray ul = Shifts.downShift(inTop.forward(ps, new NDList(x), true).singletonOrThrow())
                        .add(Shifts.rightShift(inLeft.forward(ps, new NDList(x), true).singletonOrThrow()));
                for (int l = 0; l < 2; l++) {
                    u = vs[l].forward(ps, new NDList(u.tanh()), true).singletonOrThrow();
                    ul = hs[l].forward(ps, new NDList(ul.tanh()), true).singletonOrThrow().add(u);
                }
                return ul;
            };
            for (int i = 0; i < H; i++) {
                for (int j = 0; j < W; j++) {
                    boolean[][] dep = dependsOn(net, m, i, j);
                    for (int r = 0; r < H; r++) {
                        for (int c = 0; c < W; c++) {
                            boolean earlier = r * W + c < i * W + j;
                            if (!earlier) {
                                assertTrue(!dep[r][c], "output " + i + "," + j + " must not see " + r + "," + c);
                            } else if (r >= i - 2 && Math.abs(c - j) <= 2) {
                                assertTrue(dep[r][c], "output " + i + "," + j + " should see " + r + "," + c);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void rejectsEvenWidthForDownKindAndNonNchwInputs() {
        assertThrows(IllegalArgumentException.class, () -> new ShiftedConv2d(ShiftedConv2d.Kind.DOWN, 2, 2, 4));
        try (NDManager m = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class, () -> Shifts.downShift(m.zeros(new Shape(3, 4, 4))));
        }
    }

    @Test
    void shiftsMoveByOnePixelWithZeroFill() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray z = m.arange(1f, 10f).reshape(1, 1, 3, 3);
            assertEquals(java.util.Arrays.toString(new float[] {0, 0, 0, 1, 2, 3, 4, 5, 6}),
                    java.util.Arrays.toString(Shifts.downShift(z).toFloatArray()));
            assertEquals(java.util.Arrays.toString(new float[] {0, 1, 2, 0, 4, 5, 0, 7, 8}),
                    java.util.Arrays.toString(Shifts.rightShift(z).toFloatArray()));
        }
    }
}
