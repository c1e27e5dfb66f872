package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Random;

/**
 * Procedural scenes whose colours are partly determined by the grayscale and partly genuinely
 * ambiguous, generated directly in Lab (the thesis' "grass or sky" vs "buses" distinction, Sect. 3.2.4):
 * <ul>
 *   <li>sky: top band, smooth L gradient 85 -> 70, always blue-grey ab = (-5, -30);</li>
 *   <li>ground: textured L = 45 +- 8, always brown ab = (15, 30);</li>
 *   <li>0-1 squares: L ~ U[55, 65], always orange ab = (30, 60);</li>
 *   <li>1-2 circles (radius 5-10) with a dark outline (L = 20), flat L ~ U[45, 60], whose colour is drawn uniformly
 *       from three isoluminant modes (red, blue, green): the grayscale cannot tell which.</li>
 * </ul>
 * Sizes are given for 32 x 32 images and scale with the image side.
 */
public final class Scenes {
    /** The three equally likely colours of a circle (a, b). */
    public static final double[][] CIRCLE_MODES = {{55, 35}, {15, -50}, {-45, 40}};
    public static final String[] CIRCLE_MODE_NAMES = {"red", "blue", "green"};
    static final double[] SKY_AB = {-5, -30};
    static final double[] GROUND_AB = {15, 30};
    static final double[] SQUARE_AB = {30, 60};

    /**
     * A generated set. {@code lab} is (N, 3, S, S) flattened; {@code circleId} is (N, S, S) with 0 off
     * circles and k = 1, 2 on circle k (outline included); {@code circleMode[n][k-1]} is that circle's
     * mode index into {@link #CIRCLE_MODES} (-1 if the image has no circle k).
     */
    public record Set(int count, int side, float[] lab, int[] circleId, int[][] circleMode) {
        /** The images as an (N, 3, S, S) Lab tensor. */
        public NDArray lab(NDManager manager) {
            return manager.create(lab, new Shape(count, 3, side, side));
        }

        /** 1 on the ambiguous (circle) pixels, (N, 1, S, S). */
        public NDArray ambiguousMask(NDManager manager) {
            float[] m = new float[circleId.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = circleId[i] > 0 ? 1f : 0f;
            }
            return manager.create(m, new Shape(count, 1, side, side));
        }
    }

    private Scenes() {
    }

    /** Generates {@code count} scenes of {@code side} x {@code side} pixels (side >= 8) from {@code rng}. */
    public static Set generate(int count, int side, Random rng) {
        if (count < 1 || side < 8) {
            throw new IllegalArgumentException("need count >= 1 and side >= 8, got count " + count
                    + ", side " + side);
        }
        int plane = side * side;
        float[] lab = new float[count * 3 * plane];
        int[] circleId = new int[count * plane];
        int[][] modes = new int[count][2];
        double k = side / 32.0;
        for (int n = 0; n < count; n++) {
            int base = n * 3 * plane;
            int skyRows = (int) Math.round((8 + rng.nextInt(7)) * k);
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    boolean sky = y < skyRows;
                    double l = sky ? 85 - 15.0 * y / Math.max(1, skyRows - 1) : 45 + 16 * (rng.nextDouble() - 0.5);
                    double[] ab = sky ? SKY_AB : GROUND_AB;
                    put(lab, base, plane, y * side + x, l, ab);
                }
            }
            if (rng.nextBoolean()) {
                int s = (int) Math.round((6 + rng.nextInt(5)) * k);
                int y0 = rng.nextInt(side - s + 1);
                int x0 = rng.nextInt(side - s + 1);
                double l = 55 + 10 * rng.nextDouble();
                for (int y = y0; y < y0 + s; y++) {
                    for (int x = x0; x < x0 + s; x++) {
                        put(lab, base, plane, y * side + x, l, SQUARE_AB);
                    }
                }
            }
            int circles = 1 + rng.nextInt(2);
            modes[n][0] = -1;
            modes[n][1] = -1;
            for (int c = 0; c < circles; c++) {
                double r = (5 + 5 * rng.nextDouble()) * k;
                double cy = r + rng.nextDouble() * (side - 2 * r);
                double cx = r + rng.nextDouble() * (side - 2 * r);
                int mode = rng.nextInt(CIRCLE_MODES.length);
                modes[n][c] = mode;
                double l = 45 + 15 * rng.nextDouble();
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        double d = Math.hypot(y + 0.5 - cy, x + 0.5 - cx);
                        if (d <= r) {
                            int p = y * side + x;
                            put(lab, base, plane, p, d > r - 1 ? 20 : l, CIRCLE_MODES[mode]);
                            circleId[n * plane + p] = c + 1;
                        }
                    }
                }
            }
        }
        return new Set(count, side, lab, circleId, modes);
    }

    private static void put(float[] lab, int base, int plane, int p, double l, double[] ab) {
        lab[base + p] = (float) l;
        lab[base + plane + p] = (float) ab[0];
        lab[base + 2 * plane + p] = (float) ab[1];
    }
}
