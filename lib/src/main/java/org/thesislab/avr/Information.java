package org.thesislab.avr;

import java.util.Arrays;
import java.util.Random;

/**
 * Nearest-neighbour information estimators for the metrics of §2.5, with the max-norm throughout:
 * Ross (2014) for the mutual information between a continuous code and a discrete label, and
 * Kozachenko-Leonenko for differential entropy. As in scikit-learn's implementation, every code
 * dimension is scaled to unit standard deviation and jittered by 1e-10 so that ties do not collapse
 * neighbour distances to zero.
 */
public final class Information {

    /** The number of neighbours (scikit-learn's default). */
    public static final int K = 3;

    private Information() {
    }

    /**
     * Ross (2014) as scikit-learn's {@code _compute_mi_cd}: I(z; c) = psi(N) + <psi(k_i)> - <psi(N_{c_i})>
     * - <psi(m_i)>, in nats, clipped at 0. Points whose label occurs once are dropped first, from every term:
     * N counts the remaining points, k_i = min(k, N_{c_i} - 1), d_i is the distance from z_i to its k_i-th
     * nearest neighbour with the same label, and m_i the number of remaining points of any label strictly
     * closer than d_i (self included; scikit-learn's radius shrunk by one ulp). The unit-variance scaling
     * still sees all N points, as scikit-learn scales before it drops any.
     *
     * @param z      N codes of dimension D (row-major, N * D)
     * @param labels N discrete labels
     */
    public static double mutualInformation(float[] z, int dim, int[] labels, int k, long seed) {
        return mutualInformation(z, dim, new int[][] {labels}, k, seed)[0];
    }

    /**
     * The same estimate for several labelings of the same codes at once (the neighbour distances are
     * computed once): one value per row of {@code labelings}.
     */
    public static double[] mutualInformation(float[] z, int dim, int[][] labelings, int k, long seed) {
        int n = labelings[0].length;
        if (z.length != n * dim) {
            throw new IllegalArgumentException("z has " + z.length + " values, expected N * D = " + n * dim);
        }
        double[] x = standardise(z, dim, n, seed);
        int sets = labelings.length;
        int[][] count = new int[sets][];
        for (int s = 0; s < sets; s++) {
            count[s] = labelCounts(labelings[s]);
        }
        double[] sumPsiNc = new double[sets];
        double[] sumPsiK = new double[sets];
        double[] sumPsiM = new double[sets];
        int[] used = new int[sets];
        double[] dist = new double[n];
        double[] nearest = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                dist[j] = distance(x, i, j, dim);
            }
            for (int s = 0; s < sets; s++) {
                int[] labels = labelings[s];
                int nc = count[s][index(labels[i])];
                if (nc < 2) {
                    continue;
                }
                int kk = Math.min(k, nc - 1);
                // the kk smallest same-label distances, by insertion into a sorted buffer
                int filled = 0;
                for (int j = 0; j < n; j++) {
                    if (j == i || labels[j] != labels[i]) {
                        continue;
                    }
                    double d = dist[j];
                    if (filled < kk) {
                        int pos = filled++;
                        while (pos > 0 && nearest[pos - 1] > d) {
                            nearest[pos] = nearest[pos - 1];
                            pos--;
                        }
                        nearest[pos] = d;
                    } else if (d < nearest[kk - 1]) {
                        int pos = kk - 1;
                        while (pos > 0 && nearest[pos - 1] > d) {
                            nearest[pos] = nearest[pos - 1];
                            pos--;
                        }
                        nearest[pos] = d;
                    }
                }
                double radius = nearest[kk - 1];
                // singleton-label points are outside N, so they are outside m too
                int m = 0;
                for (int j = 0; j < n; j++) {
                    if (dist[j] < radius && count[s][index(labels[j])] > 1) {
                        m++;
                    }
                }
                sumPsiNc[s] += digamma(nc);
                sumPsiK[s] += digamma(kk);
                sumPsiM[s] += digamma(Math.max(m, 1));
                used[s]++;
            }
        }
        double[] out = new double[sets];
        for (int s = 0; s < sets; s++) {
            if (used[s] > 0) {
                int u = used[s];
                out[s] = Math.max(0, digamma(u) - sumPsiNc[s] / u + sumPsiK[s] / u - sumPsiM[s] / u);
            }
        }
        return out;
    }

    /**
     * Kozachenko-Leonenko differential entropy in nats with the max-norm: H = psi(N) - psi(k) + D ln 2 +
     * (D / N) sum_i ln eps_i, eps_i the distance to the k-th neighbour. Codes are used as given (no scaling).
     */
    public static double entropy(float[] z, int dim, int k) {
        int n = z.length / dim;
        if (n <= k) {
            throw new IllegalArgumentException("entropy needs more than k = " + k + " points, got " + n);
        }
        double[] x = new double[z.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = z[i];
        }
        double[] d = new double[n];
        double sumLog = 0;
        for (int i = 0; i < n; i++) {
            int s = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    d[s++] = distance(x, i, j, dim);
                }
            }
            sumLog += Math.log(Math.max(kthSmallest(d, s, k), 1e-12));
        }
        return digamma(n) - digamma(k) + dim * Math.log(2) + dim * sumLog / n;
    }

    /** H(c) of the empirical label distribution, in nats. */
    public static double labelEntropy(int[] labels) {
        int[] count = labelCounts(labels);
        double h = 0;
        for (int c : count) {
            if (c > 0) {
                double p = c / (double) labels.length;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /**
     * Mutual information gap (Chen et al. 2018), the formula of §2.6.2 with its typos corrected (as printed it
     * lacks the 1/|P| and writes H(v_i) and f(x) for H(v_p) and f_q(x)):
     * MIG = 1/|P| sum_p [I(f_m(p); v_p) - max_{q != m(p)} I(f_q; v_p)] / H(v_p), m(p) = argmax_q I(f_q; v_p).
     *
     * @param mi      mi[p][q] = I(f_q; v_p): rows are values, columns are code blocks
     * @param entropy H(v_p) for every row
     */
    public static double mig(double[][] mi, double[] entropy) {
        double total = 0;
        for (int p = 0; p < mi.length; p++) {
            double[] row = mi[p].clone();
            Arrays.sort(row);
            double gap = row.length > 1 ? row[row.length - 1] - row[row.length - 2] : row[0];
            total += gap / entropy[p];
        }
        return total / mi.length;
    }

    /** The digamma function psi(x) for x > 0 (recurrence up to 6, then the asymptotic series). */
    public static double digamma(double x) {
        double result = 0;
        while (x < 6) {
            result -= 1 / x;
            x += 1;
        }
        double f = 1 / (x * x);
        return result + Math.log(x) - 0.5 / x
                - f * (1.0 / 12 - f * (1.0 / 120 - f * (1.0 / 252 - f * (1.0 / 240 - f / 132))));
    }

    private static double[] standardise(float[] z, int dim, int n, long seed) {
        double[] x = new double[z.length];
        Random rng = new Random(seed);
        for (int c = 0; c < dim; c++) {
            double sum = 0;
            double sq = 0;
            for (int i = 0; i < n; i++) {
                sum += z[i * dim + c];
                sq += (double) z[i * dim + c] * z[i * dim + c];
            }
            double mean = sum / n;
            double sd = Math.sqrt(Math.max(sq / n - mean * mean, 0));
            double scale = sd > 0 ? 1 / sd : 1;
            double meanAbs = 0;
            for (int i = 0; i < n; i++) {
                x[i * dim + c] = z[i * dim + c] * scale;
                meanAbs += Math.abs(x[i * dim + c]);
            }
            double jitter = 1e-10 * Math.max(1, meanAbs / n);
            for (int i = 0; i < n; i++) {
                x[i * dim + c] += jitter * rng.nextGaussian();
            }
        }
        return x;
    }

    private static double distance(double[] x, int i, int j, int dim) {
        double d = 0;
        for (int c = 0; c < dim; c++) {
            d = Math.max(d, Math.abs(x[i * dim + c] - x[j * dim + c]));
        }
        return d;
    }

    /** k-th smallest (1-based) of the first {@code size} entries (partially sorts them). */
    private static double kthSmallest(double[] a, int size, int k) {
        Arrays.sort(a, 0, size);
        return a[k - 1];
    }

    private static int[] labelCounts(int[] labels) {
        int max = 0;
        for (int l : labels) {
            max = Math.max(max, index(l));
        }
        int[] count = new int[max + 1];
        for (int l : labels) {
            count[index(l)]++;
        }
        return count;
    }

    private static int index(int label) {
        if (label < 0) {
            throw new IllegalArgumentException("labels must be >= 0, got " + label);
        }
        return label;
    }
}
