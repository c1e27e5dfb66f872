package org.thesislab.odgi;

/**
 * Resampling (area resize, crop and resize) and horizontal flips of RGB images stored channel-first in a float[3 * n * n] with values in [0, 1].
 * Plain Java: images here are at most a few hundred pixels wide, and these run once per image.
 */
public final class Resampling {
    private Resampling() {
    }

    /**
     * Area-averaging (box filter) resize from n x n to m x m, for any m <= n or m > n. Used to make the
     * low-resolution inputs: unlike bilinear sampling it does not alias objects of a few pixels.
     */
    public static float[] areaResize(float[] chw, int n, int m) {
        checkSize(chw, n);
        if (m == n) {
            return chw.clone();
        }
        int[] first = new int[m];
        double[][] w = areaWeights(n, m, first);
        float[] tmp = new float[3 * n * m];
        float[] out = new float[3 * m * m];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < n; y++) {
                int row = (c * n + y) * n;
                for (int x = 0; x < m; x++) {
                    double s = 0;
                    for (int k = 0; k < w[x].length; k++) {
                        s += w[x][k] * chw[row + first[x] + k];
                    }
                    tmp[(c * n + y) * m + x] = (float) s;
                }
            }
            for (int y = 0; y < m; y++) {
                for (int x = 0; x < m; x++) {
                    double s = 0;
                    for (int k = 0; k < w[y].length; k++) {
                        s += w[y][k] * tmp[(c * n + first[y] + k) * m + x];
                    }
                    out[(c * m + y) * m + x] = (float) s;
                }
            }
        }
        return out;
    }

    /** weights[o][k]: share of source pixel first[o] + k in output pixel o (each row sums to 1). */
    private static double[][] areaWeights(int n, int m, int[] first) {
        double[][] w = new double[m][];
        double scale = n / (double) m;
        for (int o = 0; o < m; o++) {
            double a = o * scale, b = (o + 1) * scale;
            int lo = (int) Math.floor(a), hi = Math.min(n, (int) Math.ceil(b));
            first[o] = lo;
            w[o] = new double[hi - lo];
            for (int i = lo; i < hi; i++) {
                double overlap = Math.min(b, i + 1) - Math.max(a, i);
                w[o][i - lo] = overlap > 0 ? overlap / scale : 0;
            }
        }
        return w;
    }

    /**
     * Extracts {@code region} (image-normalised, may extend past the border: outside reads as the
     * nearest edge pixel) and resizes it to m x m by bilinear sampling at pixel centres, like
     * TensorFlow's crop_and_resize in the authors' code.
     */
    public static float[] cropResize(float[] chw, int n, Box region, int m) {
        checkSize(chw, n);
        float[] out = new float[3 * m * m];
        for (int y = 0; y < m; y++) {
            double sy = (region.y0() + (y + 0.5) / m * region.height()) * n - 0.5;
            int y0 = (int) Math.floor(sy);
            double fy = sy - y0;
            int ya = clamp(y0, n), yb = clamp(y0 + 1, n);
            for (int x = 0; x < m; x++) {
                double sx = (region.x0() + (x + 0.5) / m * region.width()) * n - 0.5;
                int x0 = (int) Math.floor(sx);
                double fx = sx - x0;
                int xa = clamp(x0, n), xb = clamp(x0 + 1, n);
                for (int c = 0; c < 3; c++) {
                    int base = c * n * n;
                    double top = chw[base + ya * n + xa] * (1 - fx) + chw[base + ya * n + xb] * fx;
                    double bot = chw[base + yb * n + xa] * (1 - fx) + chw[base + yb * n + xb] * fx;
                    out[(c * m + y) * m + x] = (float) (top * (1 - fy) + bot * fy);
                }
            }
        }
        return out;
    }

    /** Mirror left-right. */
    public static float[] flipX(float[] chw, int n) {
        checkSize(chw, n);
        float[] out = new float[chw.length];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < n; y++) {
                int row = (c * n + y) * n;
                for (int x = 0; x < n; x++) {
                    out[row + x] = chw[row + n - 1 - x];
                }
            }
        }
        return out;
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }

    private static void checkSize(float[] chw, int n) {
        if (chw.length != 3 * n * n) {
            throw new IllegalArgumentException("Expected an RGB image of 3x" + n + "x" + n + " = " + (3 * n * n)
                    + " floats (channel-first), got " + chw.length);
        }
    }
}
