package org.thesislab.cpfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class HypercolumnTest {
    @Test
    void integerPositionsEqualDirectIndexing() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray features = m.randomNormal(new Shape(2, 3, 5, 7));
            float[] xs = {0, 6, 3, 2};
            float[] ys = {0, 4, 1, 3};
            NDArray fx = m.create(xs).expandDims(0).repeat(0, 2);
            NDArray fy = m.create(ys).expandDims(0).repeat(0, 2);
            NDArray sampled = Hypercolumn.bilinear(features, fx, fy); // (2, 4, 3)
            for (int b = 0; b < 2; b++) {
                for (int p = 0; p < 4; p++) {
                    for (int c = 0; c < 3; c++) {
                        assertEquals(features.getFloat(b, c, (long) ys[p], (long) xs[p]), sampled.getFloat(b, p, c), 1e-6);
                    }
                }
            }
        }
    }

    @Test
    void inBetweenPositionsInterpolateAndOutsideClamps() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray features = m.arange(0f, 12f).reshape(1, 1, 3, 4); // value = 4y + x
            NDArray fx = m.create(new float[] {1.5f, 0.25f, -3f, 9f}).reshape(1, 4);
            NDArray fy = m.create(new float[] {0.5f, 2f, 1f, 1.75f}).reshape(1, 4);
            float[] v = Hypercolumn.bilinear(features, fx, fy).toFloatArray();
            assertEquals(4 * 0.5 + 1.5, v[0], 1e-6);
            assertEquals(8 + 0.25, v[1], 1e-6);
            assertEquals(4, v[2], 1e-6); // x clamped to 0
            assertEquals(4 * 1.75 + 3, v[3], 1e-6); // x clamped to 3
        }
    }

    /** Pixel x of the image sits at (x + 0.5)/s − 0.5 of a stride-s map: pixels 2k and 2k+1 straddle cell k. */
    @Test
    void pixelsMapToFeatureCoordinatesByStride() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray features = m.arange(0f, 16f).reshape(1, 1, 4, 4);
            NDArray pixels = m.create(new long[] {0, 8 * 3 + 3, 8 * 4 + 4, 63}).reshape(1, 4); // 8x8 image, stride 2
            float[] v = Hypercolumn.atPixels(features, pixels, 8, 2).toFloatArray();
            assertEquals(0f, v[0], 1e-6); // (-0.25, -0.25) clamps to (0, 0)
            assertEquals(4 * 1.25f + 1.25f, v[1], 1e-6);
            assertEquals(4 * 1.75f + 1.75f, v[2], 1e-6);
            assertEquals(15f, v[3], 1e-6);
            NDArray full = m.randomNormal(new Shape(1, 2, 8, 8));
            NDArray direct = full.reshape(1, 2, 64).transpose(0, 2, 1);
            NDArray all = Hypercolumn.allPixels(m, 1, 8, 8);
            assertEquals(0f, Hypercolumn.atPixels(full, all, 8, 1).sub(direct).abs().max().getFloat(), 1e-6);
            assertEquals(DataType.INT64, all.getDataType());
        }
    }
}
