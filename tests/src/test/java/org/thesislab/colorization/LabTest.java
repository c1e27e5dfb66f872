package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabTest {
    /** Published sRGB (D65) -> CIELAB values (Lindbloom's calculator; skimage.rgb2lab agrees to 0.01). */
    private static final double[][] RGB = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 1, 1}, {0, 0, 0}, {128 / 255.0, 128 / 255.0, 128 / 255.0}};
    private static final double[][] LAB = {
            {53.2408, 80.0925, 67.2032},
            {87.7347, -86.1827, 83.1793},
            {32.2970, 79.1875, -107.8602},
            {100, 0, 0},
            {0, 0, 0},
            {53.5850, 0, 0}};

    private static NDArray pixels(NDManager m, double[][] rows) {
        float[] data = new float[rows.length * 3];
        for (int i = 0; i < rows.length; i++) {
            for (int c = 0; c < 3; c++) {
                data[c * rows.length + i] = (float) rows[i][c];
            }
        }
        return m.create(data, new Shape(1, 3, 1, rows.length));
    }

    @Test
    void matchesPublishedReferenceValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] lab = Lab.fromSrgb(pixels(m, RGB)).toFloatArray();
            for (int i = 0; i < RGB.length; i++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(LAB[i][c], lab[c * RGB.length + i], 0.01, "colour " + i + " channel " + c);
                }
            }
            float[] back = Lab.toSrgb(pixels(m, LAB)).toFloatArray();
            for (int i = 0; i < RGB.length; i++) {
                for (int c = 0; c < 3; c++) {
                    assertEquals(RGB[i][c], back[c * RGB.length + i], 1e-3, "colour " + i + " channel " + c);
                }
            }
        }
    }

    @Test
    void roundTripOnRandomColoursBelow1e3() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray rgb = m.randomUniform(0f, 1f, new Shape(4, 3, 16, 16));
            double err = Lab.toSrgb(Lab.fromSrgb(rgb)).sub(rgb).abs().max().getFloat();
            assertTrue(err < 1e-3, "round-trip error " + err);
        }
    }

    @Test
    void gamutClipReducesChromaOfImpossibleColoursOnly() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray lab = pixels(m, new double[][] {{50, 20, 10}, {20, 90, -90}});
            float[] clipped = Lab.gamutClip(lab).toFloatArray();
            assertEquals(20, clipped[2], 0.05); // in gamut: unchanged
            assertTrue(Math.hypot(clipped[3], clipped[5]) < Math.hypot(90, 90) - 10, "out of gamut: chroma reduced");
        }
    }

    @Test
    void rejectsChannelsLastImages() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class, () -> Lab.fromSrgb(m.zeros(new Shape(1, 8, 8, 3))));
        }
    }
}
