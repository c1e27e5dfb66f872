package org.thesislab.odgi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The procedural aerial-like data satisfies its definition (spec §5) and the Table 3.1 sparsity. */
class SparseClustersTest {
    private static final List<AerialImage> IMAGES = SparseClusters.aerial(128).generate(60, 7);

    @Test
    void objectsAreSmallInsideAndSeparatedByAGap() {
        for (AerialImage img : IMAGES) {
            assertFalse(img.objects().isEmpty());
            for (Box b : img.objects()) {
                assertTrue(b.x0() >= 0 && b.y0() >= 0 && b.x1() <= 1 && b.y1() <= 1);
                assertTrue(b.width() * 128 >= 3 - 1e-9 && b.width() * 128 <= 6 + 0.5, "width " + b.width() * 128 + " px");
                assertTrue(b.height() * 128 >= 3 - 1e-9 && b.height() * 128 <= 6 + 0.5);
                for (Box o : img.objects()) {
                    if (o != b) {
                        Box grown = new Box(b.x0() - 0.99 / 128, b.y0() - 0.99 / 128, b.x1() + 0.99 / 128, b.y1() + 0.99 / 128);
                        assertEquals(0.0, grown.intersection(o), "objects closer than 1 px");
                    }
                }
            }
            for (float p : img.pixels()) {
                assertTrue(p >= 0 && p <= 1);
            }
        }
    }

    @Test
    void sparseLikeAerialData() {
        AerialData.Stats s = new AerialData(IMAGES).stats(16);
        assertTrue(s.objectsPerImage() > 3 && s.objectsPerImage() < 9, "objects per image " + s.objectsPerImage());
        assertTrue(s.emptyCellRatio16() >= 0.9, "empty-cell ratio " + s.emptyCellRatio16());
        assertTrue(s.objectAreaPercent() > 0.05 && s.objectAreaPercent() < 0.25, "object area % " + s.objectAreaPercent());
        assertTrue(s.groupsPerImage() > 0.3, "clusters should form groups on a 16x16 grid: " + s.groupsPerImage());
    }

    @Test
    void objectsStandOutFromTheGround() {
        // The labelled pixels differ from the image mean more than the background does on average.
        double inside = 0, outside = 0;
        int nIn = 0, nOut = 0;
        for (AerialImage img : IMAGES.subList(0, 10)) {
            int n = img.size();
            float[] p = img.pixels();
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double u = (x + 0.5) / n, v = (y + 0.5) / n;
                    boolean in = img.objects().stream().anyMatch(b -> u > b.x0() && u < b.x1() && v > b.y0() && v < b.y1());
                    double sat = Math.max(p[y * n + x], Math.max(p[n * n + y * n + x], p[2 * n * n + y * n + x]))
                            - Math.min(p[y * n + x], Math.min(p[n * n + y * n + x], p[2 * n * n + y * n + x]));
                    if (in) { inside += sat; nIn++; } else { outside += sat; nOut++; }
                }
            }
        }
        assertTrue(inside / nIn > 2 * outside / nOut, "objects should be more saturated than the ground");
    }

    @Test
    void sameSeedSameImagesAndFlipMirrorsBoxes() {
        AerialImage a = SparseClusters.aerial(64).generate(3, 11).get(2);
        AerialImage b = SparseClusters.aerial(64).generate(3, 11).get(2);
        assertArrayEquals(a.pixels(), b.pixels());
        assertEquals(a.objects(), b.objects());
        AerialImage f = a.flipped();
        assertEquals(a.objects().get(0).flipX(), f.objects().get(0));
        assertEquals(a.pixels()[5], f.pixels()[63 - 5]);
    }

    @Test
    void areaResizeAveragesBlocks() {
        float[] img = new float[3 * 4 * 4];
        img[0] = 1; img[1] = 1; img[4] = 1;   // top-left 2x2 block of channel 0 holds three ones
        float[] small = Resampling.areaResize(img, 4, 2);
        assertEquals(0.75f, small[0], 1e-6);
        assertEquals(0f, small[1], 1e-6);
        float[] odd = Resampling.areaResize(img, 4, 3);
        assertEquals(sum(img) / 16, sum(odd) / 9, 1e-6, "area resize keeps the mean intensity");
    }

    private static double sum(float[] a) {
        double s = 0;
        for (float v : a) s += v;
        return s;
    }
}
