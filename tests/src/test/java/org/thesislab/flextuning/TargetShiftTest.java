package org.thesislab.flextuning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TargetShiftTest {

    private static final int SIDE = 28;

    /** A bright rectangle on black, plus speckle: structure that every shift visibly changes. */
    static float[] images(int n, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n * SIDE * SIDE];
        for (int i = 0; i < n; i++) {
            int x0 = 4 + r.nextInt(6);
            int y0 = 3 + r.nextInt(6);
            for (int y = y0; y < y0 + 12; y++) {
                for (int c = x0; c < x0 + 9; c++) {
                    x[i * SIDE * SIDE + y * SIDE + c] = 0.5f + 0.5f * r.nextFloat();
                }
            }
        }
        return x;
    }

    @Test
    void everyShiftIsDeterministicUnderItsSeedAndLeavesItsInputAlone() {
        float[] x = images(6, 1);
        float[] original = x.clone();
        for (TargetShift s : TargetShift.values()) {
            float[] a = s.apply(x, 6, SIDE, 42);
            float[] b = s.apply(x, 6, SIDE, 42);
            assertArrayEquals(a, b, s + " must give the same images for the same seed");
            assertArrayEquals(original, x, s + " must not modify its input");
            assertFalse(Arrays.equals(a, x), s + " must change the images");
            for (float v : a) {
                assertTrue(v >= 0 && v <= 1, s + " produced " + v + " outside [0, 1]");
            }
        }
    }

    @Test
    void randomShiftsDependOnTheSeedFixedOnesDoNot() {
        float[] x = images(4, 2);
        for (TargetShift s : TargetShift.values()) {
            boolean random = s == TargetShift.NOISY || s == TargetShift.AFFINE || s == TargetShift.TEXTURED;
            boolean differs = !Arrays.equals(s.apply(x, 4, SIDE, 1), s.apply(x, 4, SIDE, 2));
            assertEquals(random, differs, s + (random ? " should depend on its seed" : " is a fixed transform"));
        }
    }

    @Test
    void eachImageIsShiftedIndependentlyOfTheOthers() {
        // Image i's shift depends only on (seed, i): shifting a prefix gives the prefix of the shifted whole.
        float[] x = images(5, 3);
        for (TargetShift s : TargetShift.values()) {
            float[] whole = s.apply(x, 5, SIDE, 9);
            float[] prefix = s.apply(Arrays.copyOf(x, 2 * SIDE * SIDE), 2, SIDE, 9);
            assertArrayEquals(prefix, Arrays.copyOf(whole, 2 * SIDE * SIDE), s.toString());
        }
    }

    @Test
    void fixedShiftsHaveTheirAlgebraicProperties() {
        float[] x = images(3, 4);
        float[] r = x;
        for (int k = 0; k < 4; k++) {
            r = TargetShift.ROTATED.apply(r, 3, SIDE, 0);
        }
        assertArrayEquals(x, r, "four 90° rotations are the identity");
        assertArrayEquals(x, TargetShift.INVERTED.apply(TargetShift.INVERTED.apply(x, 3, SIDE, 0), 3, SIDE, 0), 1e-6f);
        // Blur keeps the total intensity of an image well inside the frame and spreads a point into a Gaussian.
        float[] dot = new float[SIDE * SIDE];
        dot[14 * SIDE + 14] = 1;
        float[] blurred = TargetShift.BLURRY.apply(dot, 1, SIDE, 0);
        double sum = 0;
        for (float v : blurred) {
            sum += v;
        }
        assertEquals(1.0, sum, 1e-5);
        double sigma = 1.5;
        assertEquals(Math.exp(-1 / (2 * sigma * sigma)), blurred[14 * SIDE + 15] / blurred[14 * SIDE + 14], 1e-4);
        // Rotation moves pixel (row y, col x) to (row side-1-x, col y).
        float[] p = new float[SIDE * SIDE];
        p[3 * SIDE + 5] = 1;
        assertEquals(1f, TargetShift.ROTATED.apply(p, 1, SIDE, 0)[(SIDE - 1 - 5) * SIDE + 3]);
    }

    @Test
    void noiseHasTheStatedSpread() {
        float[] grey = new float[200 * SIDE * SIDE];
        Arrays.fill(grey, 0.5f);
        float[] noisy = TargetShift.NOISY.apply(grey, 200, SIDE, 5);
        double mean = 0;
        double sq = 0;
        for (float v : noisy) {
            mean += v - 0.5;
            sq += (v - 0.5) * (v - 0.5);
        }
        mean /= noisy.length;
        double sd = Math.sqrt(sq / noisy.length - mean * mean);
        assertEquals(0, mean, 0.005);
        // σ = 0.3 clipped at 0.5 ± 0.5, i.e. at |z| = c = 5/3: Var = σ²[(2Φ(c)−1) − 2cφ(c) + 2c²(1−Φ(c))],
        // with Φ(5/3) = 0.95221, φ(5/3) = 0.09948: sd = 0.3 · sqrt(0.90442 − 0.33159 + 0.26553) = 0.2747.
        assertEquals(0.2747, sd, 0.003);
    }

    @Test
    void wrongSizesAndUnknownNamesAreClearErrors() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TargetShift.BLURRY.apply(new float[10], 1, SIDE, 0));
        assertTrue(e.getMessage().contains("784"));
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> TargetShift.parse("sepia"));
        assertTrue(u.getMessage().contains("inverted"));
        assertEquals(TargetShift.ROTATED, TargetShift.parse("rotated"));
    }
}
