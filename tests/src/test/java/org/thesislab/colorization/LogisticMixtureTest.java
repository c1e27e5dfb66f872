package org.thesislab.colorization;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogisticMixtureTest {
    /** All 65536 cells of C as normalised (an, bn), shape (65536, 2, 1, 1). */
    static NDArray fullGrid(NDManager m) {
        float[] ab = new float[65536 * 2];
        for (int i = 0; i < 256; i++) {
            for (int j = 0; j < 256; j++) {
                int n = i * 256 + j;
                ab[2 * n] = (float) ((i - 127 - 0.5) / 127.5);
                ab[2 * n + 1] = (float) ((j - 128 + 0.5) / 127.5);
            }
        }
        return m.create(ab, new Shape(65536, 2, 1, 1));
    }

    static double totalMass(ChromaDistribution d, NDArray params, double luma, NDManager m) {
        NDArray grid = fullGrid(m);
        NDArray p = params.reshape(1, d.channels(), 1, 1).repeat(0, 65536);
        NDArray l = m.full(new Shape(65536, 1, 1, 1), (float) luma);
        float[] logp = d.logProb(p, grid, l).toFloatArray();
        double sum = 0;
        for (float v : logp) {
            sum += Math.exp(v);
        }
        return sum;
    }

    @Test
    void sumsToOneOverTheFullChromaGrid() {
        Engine.getInstance().setRandomSeed(3);
        try (NDManager m = NDManager.newBaseManager()) {
            LogisticMixture d = new LogisticMixture(4);
            for (double logScale : new double[] {-1.5, -3.5}) {
                NDArray params = m.randomNormal(new Shape(d.channels()));
                // means spread over [-1, 1], one component near the edge, moderate scales
                params.set(new ai.djl.ndarray.index.NDIndex("{}:{}", 6 * 4, 8 * 4), (float) logScale);
                params.set(new ai.djl.ndarray.index.NDIndex("{}", 4 * 4), 0.98f);
                assertEquals(1.0, totalMass(d, params, 0.3, m), 2e-3, "log-scale " + logScale);
            }
        }
    }

    @Test
    void categoricalSumsToOneOverTheFullChromaGrid() {
        Engine.getInstance().setRandomSeed(4);
        try (NDManager m = NDManager.newBaseManager()) {
            CategoricalChroma d = new CategoricalChroma(16);
            assertEquals(1.0, totalMass(d, m.randomNormal(new Shape(d.channels())), 0, m), 1e-3);
        }
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Direct computation: sum_k pi_k P(a | mu'_a, s_a) P(b | mu'_b, s_b) with explicit logistic CDFs. */
    private static double direct(double[] pr, int k, double a, double b, double l) {
        double[] logits = java.util.Arrays.copyOfRange(pr, 0, k);
        double max = java.util.Arrays.stream(logits).max().orElseThrow();
        double z = java.util.Arrays.stream(logits).map(v -> Math.exp(v - max)).sum();
        double p = 0;
        for (int c = 0; c < k; c++) {
            double c0 = Math.tanh(pr[k + c]);
            double c1 = Math.tanh(pr[2 * k + c]);
            double c2 = Math.tanh(pr[3 * k + c]);
            double mua = pr[4 * k + c] + c0 * l;
            double mub = pr[5 * k + c] + c1 * l + c2 * a;
            double sa = Math.exp(Math.max(pr[6 * k + c], -7));
            double sb = Math.exp(Math.max(pr[7 * k + c], -7));
            p += Math.exp(logits[c] - max) / z * bin(a, mua, sa) * bin(b, mub, sb);
        }
        return p;
    }

    private static double bin(double x, double mu, double s) {
        double hi = x > 0.999 ? 1 : sigmoid((x + 1 / 255.0 - mu) / s);
        double lo = x < -0.999 ? 0 : sigmoid((x - 1 / 255.0 - mu) / s);
        return hi - lo;
    }

    @Test
    void logProbMatchesADirectComputationOnATinyCase() {
        int k = 2;
        double[] pr = {0.3, -0.4, 0.5, -1.0, 0.2, 0.7, 0.1, -0.3, 0.1, -0.5, 0.6, 0.9, -2.0, -1.2, -1.5, -2.5};
        double[][] pixels = {{-0.2, 0.4, 0.1}, {-1.0, 1.0, -0.6}, {0.5, -0.3, 0.8}};
        try (NDManager m = NDManager.newBaseManager()) {
            LogisticMixture d = new LogisticMixture(k);
            float[] pf = new float[pr.length];
            for (int i = 0; i < pr.length; i++) {
                pf[i] = (float) pr[i];
            }
            for (double[] px : pixels) {
                // snap onto the grid of C first, as data always is
                double a = (Math.round(px[0] * 127.5 + 0.5) - 0.5) / 127.5;
                double b = (Math.round(px[1] * 127.5 - 0.5) + 0.5) / 127.5;
                NDArray ab = m.create(new float[] {(float) a, (float) b}, new Shape(1, 2, 1, 1));
                NDArray l = m.create(new float[] {(float) px[2]}, new Shape(1, 1, 1, 1));
                double got = d.logProb(m.create(pf, new Shape(1, 8 * k, 1, 1)), ab, l).getFloat();
                assertEquals(Math.log(direct(pr, k, (float) a, (float) b, (float) px[2])), got, 1e-4,
                        "pixel " + java.util.Arrays.toString(px));
            }
        }
    }

    @Test
    void samplesFollowTheModesAndAreReproducibleWithASeed() {
        try (NDManager m = NDManager.newBaseManager()) {
            LogisticMixture d = new LogisticMixture(2);
            // two equally weighted, sharp components at a = -0.5 and a = +0.5, b = 0, no coupling
            float[] p = new float[16];
            p[8] = -0.5f;
            p[9] = 0.5f;
            for (int i = 12; i < 16; i++) {
                p[i] = -5f;
            }
            NDArray params = m.create(p, new Shape(1, 16, 1, 1)).repeat(0, 4000);
            NDArray l = m.zeros(new Shape(4000, 1, 1, 1));
            Engine.getInstance().setRandomSeed(11);
            float[] s1 = d.sample(params, l, 1.0).toFloatArray();
            Engine.getInstance().setRandomSeed(11);
            float[] s2 = d.sample(params, l, 1.0).toFloatArray();
            assertTrue(java.util.Arrays.equals(s1, s2), "same seed, same samples");
            int neg = 0;
            for (int i = 0; i < 4000; i++) {
                float a = s1[2 * i];
                assertTrue(Math.abs(Math.abs(a) - 0.5) < 0.1, "sample near a mode: " + a);
                neg += a < 0 ? 1 : 0;
            }
            assertEquals(0.5, neg / 4000.0, 0.04);
        }
    }
}
