package org.thesislab.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlotsTest {
    @Test
    void tensorsBecomePicturesPixelForPixel() {
        try (NDManager m = NDManager.newBaseManager()) {
            BufferedImage gray = Images.fromTensor(m.create(new float[] {0f, 1f, 0.5f, 2f}, new ai.djl.ndarray.types.Shape(1, 2, 2)));
            assertEquals(0x000000, gray.getRGB(0, 0) & 0xffffff);
            assertEquals(0xffffff, gray.getRGB(1, 0) & 0xffffff);
            assertEquals(0x808080, gray.getRGB(0, 1) & 0xffffff);
            assertEquals(0xffffff, gray.getRGB(1, 1) & 0xffffff, "values above 1 are clipped");
            BufferedImage rgb = Images.fromTensor(m.create(new float[] {1f, 0f, 0f}, new ai.djl.ndarray.types.Shape(3, 1, 1)));
            assertEquals(0xff0000, rgb.getRGB(0, 0) & 0xffffff);
        }
    }

    @Test
    void heatmapColoursFollowTheValues() {
        BufferedImage img = Plots.heatmap("h", List.of("a", "b"), List.of("x", "y"), new double[][] {{0, 1}, {2, 3}}, "%.0f");
        assertNotEquals(img.getRGB(0, 0), Plots.viridis(0).getRGB());
        assertEquals(new Color(68, 1, 84), Plots.viridis(0));
        assertEquals(new Color(253, 231, 37), Plots.viridis(1));
        assertThrows(IllegalArgumentException.class,
                () -> Plots.heatmap("h", List.of("a"), List.of("x", "y"), new double[][] {{0, 1}, {2, 3}}, "%.0f"));
    }

    @Test
    void imageGridLaysOutRowsAndColumns() {
        BufferedImage tile = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        BufferedImage grid = Plots.imageGrid(List.of(tile, tile, tile), null, 2, 2);
        assertEquals(6 + 2 * (20 + 6), grid.getWidth());
        assertEquals(6 + 2 * (20 + 6), grid.getHeight());
        assertThrows(IllegalArgumentException.class, () -> Plots.toImage("not a chart"));
        assertEquals(Plots.WIDTH * 2, Plots.row(Plots.curves("a", "x", "y", Map.of()), Plots.curves("b", "x", "y", Map.of())).getWidth());
    }

    @Test
    void tablesRoundForReadingAndEscapeHtml() {
        assertEquals("0.1235", Tables.format(0.123456));
        assertEquals("1.234e+06", Tables.format(1234000.0));
        assertEquals("", Tables.format(Double.NaN));
        assertEquals("a&lt;b", Tables.escape("a<b"));
    }

    @Test
    void aCrowdedLegendLeavesThePlotItsWidth() {
        Map<String, double[]> curves = new java.util.LinkedHashMap<>();
        for (String m : List.of("single-shot 32", "single-shot 64", "single-shot 128", "ODGI 64-32", "ODGI 32-16", "ODGI 64-32 (no groups)")) {
            curves.put(m, new double[] {2.7, 1.0, 0.6, 0.5, 0.4});
        }
        BufferedImage img = Plots.toImage(Plots.curves("six models", "epoch", "loss", curves));
        int drawn = 0;
        for (int x = Plots.WIDTH / 4; x < Plots.WIDTH / 2; x++) {
            for (int y = Plots.HEIGHT / 4; y < 3 * Plots.HEIGHT / 4; y++) {
                drawn += (img.getRGB(x, y) & 0xffffff) == 0xffffff ? 0 : 1;
            }
        }
        // a one-row legend beside the plot once squeezed it to nothing: the middle of the figure stayed white
        assertTrue(drawn > 100, drawn + " drawn pixels in the middle of the figure");
    }
}
