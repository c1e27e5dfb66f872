package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import static org.thesislab.core.nn.Scalars.atLeast;
import static org.thesislab.core.nn.Scalars.over;
import static org.thesislab.core.nn.Scalars.times;

/**
 * The evaluation measures: the thesis' average perceptual saturation (Lübbe 2010), and — not in the
 * thesis — the spread between samples of the same input and the colour coherence of objects.
 * (Bits per dimension live with the models: {@link LikelihoodModel#bitsPerDim}.)
 */
public final class ColorMetrics {
    private ColorMetrics() {
    }

    /**
     * Perceptual saturation of each image, in percent: s = C*ab / sqrt(C*ab^2 + L*^2) (Lübbe 2010), averaged
     * over the pixels where {@code mask} is 1 (all pixels when mask is null). lab (N, 3, H, W) -> (N).
     */
    public static NDArray saturation(NDArray lab, NDArray mask) {
        NDArray l = lab.get(new NDIndex(":, 0:1"));
        NDArray c2 = lab.get(new NDIndex(":, 1:3")).square().sum(new int[] {1}, true);
        NDArray s = times(c2.sqrt().div(c2.add(l.square()).add(1e-6).sqrt()), 100);
        if (mask == null) {
            return s.reshape(s.getShape().get(0), -1).mean(new int[] {1});
        }
        return s.mul(mask).sum(new int[] {1, 2, 3}).div(atLeast(mask.sum(new int[] {1, 2, 3}), 1));
    }

    /**
     * Mean pairwise distance in Lab units between the S chroma samples of each input, over the pixels
     * where {@code mask} is 1. samples (N * S, 2, h, w) in Lab units, grouped by input (S consecutive rows);
     * mask (N, 1, h, w). Returns the mean over inputs with any masked pixel; NaN if there is none.
     */
    public static double diversity(NDArray samples, int perInput, NDArray mask) {
        Shape s = samples.getShape();
        if (perInput < 2) {
            throw new IllegalArgumentException("diversity needs at least 2 samples per input, got " + perInput);
        }
        long n = s.get(0) / perInput;
        NDArray x = samples.reshape(n, perInput, 2, s.get(2), s.get(3));
        NDArray total = null;
        int pairs = 0;
        for (int i = 0; i < perInput; i++) {
            for (int j = i + 1; j < perInput; j++) {
                NDArray d = x.get(new NDIndex(":, {}", i)).sub(x.get(new NDIndex(":, {}", j))).square()
                        .sum(new int[] {1}, true).sqrt();
                total = total == null ? d : total.add(d);
                pairs++;
            }
        }
        NDArray perPixel = over(total, pairs);
        float[] num = perPixel.mul(mask).sum(new int[] {1, 2, 3}).toFloatArray();
        float[] den = mask.sum(new int[] {1, 2, 3}).toFloatArray();
        double sum = 0;
        int used = 0;
        for (int i = 0; i < num.length; i++) {
            if (den[i] > 0) {
                sum += num[i] / den[i];
                used++;
            }
        }
        return used == 0 ? Double.NaN : sum / used;
    }

    /** Coherence and mode use of the colours given to the ambiguous objects (see {@link #circleModes}). */
    public record ModeStats(double coherence, double[] modeShare, double diverseShare) {
    }

    /**
     * For every circle of every input and every sample: the colour mode (nearest of {@link Scenes#CIRCLE_MODES})
     * of each chroma pixel inside the circle; the circle's colour is the majority mode.
     * coherence = mean fraction of a circle's pixels that agree with its majority (1 = one clean colour,
     * ~1/3 = salt-and-pepper); modeShare = how often each mode is the majority (1/3 each for the data);
     * diverseShare = fraction of circles whose samples got at least two different majority modes.
     *
     * @param abLab    samples (N * S, 2, h, w) in Lab units, S consecutive rows per input
     * @param circleId (N, S_img, S_img) circle labels of the inputs (0 = none), full resolution
     */
    public static ModeStats circleModes(NDArray abLab, int perInput, int[] circleId, int imageSide) {
        Shape s = abLab.getShape();
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        int factor = imageSide / h;
        int n = (int) (s.get(0) / perInput);
        float[] ab = abLab.toFloatArray();
        double coherenceSum = 0;
        int circleSamples = 0;
        int[] modeCount = new int[Scenes.CIRCLE_MODES.length];
        int circles = 0;
        int diverse = 0;
        for (int img = 0; img < n; img++) {
            for (int k = 1; k <= 2; k++) {
                boolean[] inside = lowResInside(circleId, img, k, imageSide, factor, h, w);
                int pixels = 0;
                for (boolean b : inside) {
                    pixels += b ? 1 : 0;
                }
                if (pixels == 0) {
                    continue;
                }
                circles++;
                int firstMajority = -1;
                boolean differs = false;
                for (int smp = 0; smp < perInput; smp++) {
                    int row = img * perInput + smp;
                    int[] votes = new int[Scenes.CIRCLE_MODES.length];
                    for (int p = 0; p < h * w; p++) {
                        if (inside[p]) {
                            votes[nearestMode(ab[(row * 2) * h * w + p], ab[(row * 2 + 1) * h * w + p])]++;
                        }
                    }
                    int major = 0;
                    for (int m = 1; m < votes.length; m++) {
                        major = votes[m] > votes[major] ? m : major;
                    }
                    coherenceSum += votes[major] / (double) pixels;
                    circleSamples++;
                    modeCount[major]++;
                    differs |= firstMajority >= 0 && major != firstMajority;
                    firstMajority = firstMajority < 0 ? major : firstMajority;
                }
                diverse += differs ? 1 : 0;
            }
        }
        double[] share = new double[modeCount.length];
        for (int m = 0; m < share.length; m++) {
            share[m] = circleSamples == 0 ? Double.NaN : modeCount[m] / (double) circleSamples;
        }
        return new ModeStats(circleSamples == 0 ? Double.NaN : coherenceSum / circleSamples, share,
                circles == 0 ? Double.NaN : diverse / (double) circles);
    }

    /** Chroma pixels with at least 3/4 of their factor x factor footprint on circle k. */
    private static boolean[] lowResInside(int[] circleId, int img, int k, int side, int factor, int h, int w) {
        boolean[] inside = new boolean[h * w];
        int base = img * side * side;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int on = 0;
                for (int dy = 0; dy < factor; dy++) {
                    for (int dx = 0; dx < factor; dx++) {
                        on += circleId[base + (y * factor + dy) * side + x * factor + dx] == k ? 1 : 0;
                    }
                }
                inside[y * w + x] = on >= 0.75 * factor * factor;
            }
        }
        return inside;
    }

    static int nearestMode(double a, double b) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int m = 0; m < Scenes.CIRCLE_MODES.length; m++) {
            double d = Math.hypot(a - Scenes.CIRCLE_MODES[m][0], b - Scenes.CIRCLE_MODES[m][1]);
            if (d < bestD) {
                bestD = d;
                best = m;
            }
        }
        return best;
    }
}
