package org.thesislab.flextuning;

import java.util.SplittableRandom;

/** Per-image pixel operations behind the {@link TargetShift}s: one square grey image, values in [0, 1]. */
final class ShiftTransforms {

    private ShiftTransforms() {
    }

    static float[] addNoise(float[] img, double sigma, SplittableRandom r) {
        float[] out = new float[img.length];
        for (int i = 0; i < img.length; i++) {
            out[i] = clip((float) (img[i] + sigma * gaussian(r)));
        }
        return out;
    }

    static float[] invert(float[] img) {
        float[] out = new float[img.length];
        for (int i = 0; i < img.length; i++) {
            out[i] = 1f - img[i];
        }
        return out;
    }

    static float[] contrastGamma(float[] img, float floor, float range, double gamma) {
        float[] out = new float[img.length];
        for (int i = 0; i < img.length; i++) {
            out[i] = floor + range * (float) Math.pow(img[i], gamma);
        }
        return out;
    }

    /** Separable Gaussian blur; pixels outside the image count as background (0). */
    static float[] gaussianBlur(float[] img, int side, double sigma) {
        int radius = (int) Math.ceil(3 * sigma);
        float[] k = new float[2 * radius + 1];
        double sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= (float) sum;
        }
        float[] tmp = new float[img.length];
        float[] out = new float[img.length];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float acc = 0;
                for (int d = -radius; d <= radius; d++) {
                    int xx = x + d;
                    if (xx >= 0 && xx < side) {
                        acc += k[d + radius] * img[y * side + xx];
                    }
                }
                tmp[y * side + x] = acc;
            }
        }
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                float acc = 0;
                for (int d = -radius; d <= radius; d++) {
                    int yy = y + d;
                    if (yy >= 0 && yy < side) {
                        acc += k[d + radius] * tmp[yy * side + x];
                    }
                }
                out[y * side + x] = acc;
            }
        }
        return out;
    }

    /** Exact 90° counter-clockwise rotation: out(y, x) = in(x, side-1-y). */
    static float[] rotate90(float[] img, int side) {
        float[] out = new float[img.length];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                out[y * side + x] = img[x * side + (side - 1 - y)];
            }
        }
        return out;
    }

    /** A random affine warp about the image centre (bilinear, background 0 outside the image). */
    static float[] randomAffine(float[] img, int side, double maxAngle, double minScale, double maxScale,
                                double maxShear, double maxShift, SplittableRandom r) {
        double angle = (2 * r.nextDouble() - 1) * maxAngle;
        double scale = minScale + r.nextDouble() * (maxScale - minScale);
        double shear = (2 * r.nextDouble() - 1) * maxShear;
        double tx = (2 * r.nextDouble() - 1) * maxShift;
        double ty = (2 * r.nextDouble() - 1) * maxShift;
        // Forward map A = R(angle) · S(scale) · Shear; we sample the input at A^{-1}(p - c - t) + c.
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double a = scale * cos;
        double b = scale * (cos * shear - sin);
        double c = scale * sin;
        double d = scale * (sin * shear + cos);
        double det = a * d - b * c;
        double ia = d / det;
        double ib = -b / det;
        double ic = -c / det;
        double id = a / det;
        double centre = (side - 1) / 2.0;
        float[] out = new float[img.length];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double px = x - centre - tx;
                double py = y - centre - ty;
                double sx = ia * px + ib * py + centre;
                double sy = ic * px + id * py + centre;
                out[y * side + x] = bilinear(img, side, sx, sy);
            }
        }
        return out;
    }

    /** MNIST-M-style blend |x − t| with a texture t: two random oriented gratings on a random grey level. */
    static float[] textureBlend(float[] img, int side, SplittableRandom r) {
        float[] t = new float[img.length];
        double level = 0.3 + 0.4 * r.nextDouble();
        double[] freq = {0.25 + 0.9 * r.nextDouble(), 0.25 + 0.9 * r.nextDouble()};
        double[] theta = {Math.PI * r.nextDouble(), Math.PI * r.nextDouble()};
        double[] phase = {2 * Math.PI * r.nextDouble(), 2 * Math.PI * r.nextDouble()};
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double v = level;
                for (int g = 0; g < 2; g++) {
                    double u = x * Math.cos(theta[g]) + y * Math.sin(theta[g]);
                    v += 0.2 * Math.sin(freq[g] * u + phase[g]);
                }
                t[y * side + x] = clip((float) v);
            }
        }
        float[] out = new float[img.length];
        for (int i = 0; i < img.length; i++) {
            out[i] = Math.abs(img[i] - t[i]);
        }
        return out;
    }

    private static float bilinear(float[] img, int side, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (float) ((1 - fx) * (1 - fy) * at(img, side, x0, y0) + fx * (1 - fy) * at(img, side, x0 + 1, y0)
                + (1 - fx) * fy * at(img, side, x0, y0 + 1) + fx * fy * at(img, side, x0 + 1, y0 + 1));
    }

    private static float at(float[] img, int side, int x, int y) {
        return x < 0 || y < 0 || x >= side || y >= side ? 0f : img[y * side + x];
    }

    private static double gaussian(SplittableRandom r) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u1 = 1.0 - r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    private static float clip(float v) {
        return v < 0 ? 0 : (v > 1 ? 1 : v);
    }
}
