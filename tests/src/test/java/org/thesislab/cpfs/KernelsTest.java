package org.thesislab.cpfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Kernels, the diagonal-0 row softmax and the losses against direct computations of eqs. 3.2–3.7. */
class KernelsTest {
    static final double[][] FLOW = {{0.0, 0.0}, {0.1, -0.05}, {0.5, 0.5}, {-0.3, 0.2}};
    static final double[][] PHI = {{1, 0, 0.5}, {0.2, 1, -1}, {-0.4, 0.3, 2}, {0.9, 0.1, 0.4}};
    static final float SIGMA2 = 0.05f;

    static double[][] flowKernel(double[][] f, double sigma2) {
        int p = f.length;
        double[][] k = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double d = Math.pow(f[a][0] - f[b][0], 2) + Math.pow(f[a][1] - f[b][1], 2);
                k[a][b] = Math.exp(-d / (2 * sigma2));
            }
        }
        return k;
    }

    static double[][] embeddingKernel(double[][] phi) {
        int p = phi.length;
        double[][] k = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                double dot = 0, na = 0, nb = 0;
                for (int d = 0; d < phi[a].length; d++) {
                    dot += phi[a][d] * phi[b][d];
                    na += phi[a][d] * phi[a][d];
                    nb += phi[b][d] * phi[b][d];
                }
                k[a][b] = 0.25 * dot / Math.sqrt(na * nb);
            }
        }
        return k;
    }

    /** Eqs. 3.5/3.6 literally: off-diagonal exp K / (Σ_{q'≠p} exp K + 1), diagonal 1 / (same). */
    static double[][] rowSoftmax(double[][] k) {
        int p = k.length;
        double[][] s = new double[p][p];
        for (int a = 0; a < p; a++) {
            double z = 1;
            for (int b = 0; b < p; b++) {
                z += b == a ? 0 : Math.exp(k[a][b]);
            }
            for (int b = 0; b < p; b++) {
                s[a][b] = (b == a ? 1 : Math.exp(k[a][b])) / z;
            }
        }
        return s;
    }

    static double crossEntropy(double[][] sf, double[][] sphi) {
        double l = 0;
        for (int q = 0; q < sf.length; q++) {
            for (int p = 0; p < sf.length; p++) {
                l -= sf[p][q] * Math.log(sphi[p][q]);
            }
        }
        return l;
    }

    static NDArray batchOf(NDManager m, double[][] rows) {
        double[] flat = new double[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * rows[0].length, rows[0].length);
        }
        return m.create(flat, new Shape(1, rows.length, rows[0].length));
    }

    static void assertMatrix(double[][] expected, NDArray actual, double tol) {
        double[] a = actual.toType(DataType.FLOAT64, false).toDoubleArray();
        int p = expected.length;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                assertEquals(expected[i][j], a[i * p + j], tol, "entry (" + i + "," + j + ")");
            }
        }
    }

    @Test
    void kernelsMatchEquation32() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertMatrix(flowKernel(FLOW, SIGMA2), Kernels.flowKernel(batchOf(m, FLOW), SIGMA2), 1e-9);
            NDArray kphi = Kernels.embeddingKernel(batchOf(m, PHI));
            assertMatrix(embeddingKernel(PHI), kphi, 1e-9);
            assertTrue(kphi.max().getDouble() <= 0.25 + 1e-9 && kphi.min().getDouble() >= -0.25 - 1e-9);
        }
    }

    @Test
    void rowSoftmaxHasTheThesisDiagonal() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[][] k = flowKernel(FLOW, SIGMA2);
            NDArray s = Kernels.logRowSoftmax(batchOf(m, k)).exp();
            assertMatrix(rowSoftmax(k), s, 1e-9);
            // Rows are distributions, and the diagonal uses logit 0, not K(p, p) = 1 as a plain softmax would.
            assertEquals(4.0, s.sum().getDouble(), 1e-9);
            double plainDiagonal = Math.exp(k[0][0]) / (Math.exp(k[0][0]) + Math.exp(k[0][1]) + Math.exp(k[0][2]) + Math.exp(k[0][3]));
            assertTrue(Math.abs(s.getDouble(0, 0, 0) - plainDiagonal) > 0.05);
        }
    }

    @Test
    void lossesMatchEquations33To37() {
        try (NDManager m = NDManager.newBaseManager()) {
            double[][] kf = flowKernel(FLOW, SIGMA2);
            double[][] kphi = embeddingKernel(PHI);
            NDArray f = Kernels.flowKernel(batchOf(m, FLOW), SIGMA2);
            NDArray e = Kernels.embeddingKernel(batchOf(m, PHI));
            assertEquals(crossEntropy(rowSoftmax(kf), rowSoftmax(kphi)), Kernels.crossEntropy(f, e).getDouble(0), 1e-9);
            assertEquals(crossEntropy(rowSoftmax(kphi), rowSoftmax(kf)), Kernels.reversedCrossEntropy(f, e).getDouble(0), 1e-9);
            double num = 0, a2 = 0, b2 = 0;
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    num += kf[i][j] * kphi[i][j];
                    a2 += kf[i][j] * kf[i][j];
                    b2 += kphi[i][j] * kphi[i][j];
                }
            }
            assertEquals(num / Math.sqrt(a2 * b2), Kernels.alignment(f, e).getDouble(0), 1e-9);
        }
    }

    /** Frames never mix: the loss of a batch of two frames is the two single-frame losses. */
    @Test
    void pairsAreFormedWithinEachFrameOnly() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray f = batchOf(m, FLOW);
            NDArray e = batchOf(m, PHI);
            NDArray f2 = f.concat(f.flip(1), 0);
            NDArray e2 = e.concat(e.mul(-1.0), 0);
            NDArray both = Kernels.crossEntropy(Kernels.flowKernel(f2, SIGMA2), Kernels.embeddingKernel(e2));
            double second = crossEntropy(rowSoftmax(flowKernel(reverse(FLOW), SIGMA2)), rowSoftmax(embeddingKernel(negate(PHI))));
            assertEquals(Kernels.crossEntropy(Kernels.flowKernel(f, SIGMA2), Kernels.embeddingKernel(e)).getDouble(0), both.getDouble(0), 1e-9);
            assertEquals(second, both.getDouble(1), 1e-9);
        }
    }

    private static double[][] reverse(double[][] x) {
        double[][] r = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[x.length - 1 - i];
        }
        return r;
    }

    private static double[][] negate(double[][] x) {
        double[][] r = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                r[i][j] = -x[i][j];
            }
        }
        return r;
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            Random r = new Random(5);
            double[][] flow = new double[6][2];
            double[][] phi = new double[6][4];
            for (double[] row : flow) {
                row[0] = r.nextGaussian() * 0.3;
                row[1] = r.nextGaussian() * 0.3;
            }
            for (double[] row : phi) {
                for (int d = 0; d < 4; d++) {
                    row[d] = r.nextGaussian();
                }
            }
            NDArray kf = Kernels.flowKernel(batchOf(m, flow), SIGMA2);
            checkGradient(m, phi, x -> Kernels.crossEntropy(kf, Kernels.embeddingKernel(x)).sum());
            checkGradient(m, phi, x -> Kernels.reversedCrossEntropy(kf, Kernels.embeddingKernel(x)).sum());
            checkGradient(m, phi, x -> Kernels.alignment(kf, Kernels.embeddingKernel(x)).sum().neg());
        }
    }

    private static void checkGradient(NDManager m, double[][] phi, Function<NDArray, NDArray> loss) {
        NDArray x = batchOf(m, phi);
        x.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(loss.apply(x));
        }
        double[] analytic = x.getGradient().toDoubleArray();
        double h = 1e-6;
        for (int i = 0; i < analytic.length; i++) {
            double[][] plus = copyWith(phi, i, h);
            double[][] minus = copyWith(phi, i, -h);
            double numeric = (loss.apply(batchOf(m, plus)).getDouble() - loss.apply(batchOf(m, minus)).getDouble()) / (2 * h);
            assertEquals(numeric, analytic[i], 1e-6 + 1e-4 * Math.abs(numeric), "d loss / d phi[" + i + "]");
        }
    }

    private static double[][] copyWith(double[][] x, int flatIndex, double delta) {
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            c[i] = x[i].clone();
        }
        c[flatIndex / x[0].length][flatIndex % x[0].length] += delta;
        return c;
    }

    @Test
    void targetCarriesNoGradient() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray f = batchOf(m, FLOW);
            f.setRequiresGradient(true);
            NDArray e = batchOf(m, PHI);
            e.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                gc.backward(Kernels.crossEntropy(Kernels.flowKernel(f, SIGMA2), Kernels.embeddingKernel(e)).sum());
            }
            assertEquals(0.0, f.getGradient().abs().sum().toType(DataType.FLOAT64, false).getDouble(), 0.0);
            assertTrue(e.getGradient().abs().sum().toType(DataType.FLOAT64, false).getDouble() > 0);
        }
    }

    @Test
    void flowNormalisationAndBinsFollowEquation38() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray f = Flow.normalize(m.create(new float[] {6f, -1f, 0f, 100f}), 6f);
            assertEquals(1.0, f.getFloat(0), 1e-6);
            assertEquals(-Math.log(2) / Math.log(7), f.getFloat(1), 1e-6);
            assertEquals(0.0, f.getFloat(2), 0);
            assertEquals(1.0, f.getFloat(3), 0);
            long[] bins = Flow.bins(m.create(new float[] {-1f, -0.99f, 0f, 0.999f, 1f}), 16).toLongArray();
            org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {0, 0, 8, 15, 15}, bins);
            assertThrows(IllegalArgumentException.class, () -> Flow.normalize(f, 0f));
        }
    }

    @Test
    void wrongShapesGiveAClearError() {
        try (NDManager m = NDManager.newBaseManager()) {
            var e = assertThrows(IllegalArgumentException.class, () -> Kernels.flowKernel(m.zeros(new Shape(4, 2)), 0.01f));
            assertTrue(e.getMessage().contains("(frames, pixels, channels)"));
        }
    }

    @Test
    void flowClassificationIsTwoSixteenWayCrossEntropies() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.randomNormal(new Shape(1, 2, 32));
            NDArray flow = m.create(new float[] {-1f, 0.1f, 0.5f, 0.99f}, new Shape(1, 2, 2));
            double expected = 0;
            float[] l = logits.toFloatArray();
            int[][] bins = {{0, 8}, {12, 15}};
            for (int p = 0; p < 2; p++) {
                for (int axis = 0; axis < 2; axis++) {
                    double z = 0;
                    for (int k = 0; k < 16; k++) {
                        z += Math.exp(l[p * 32 + axis * 16 + k]);
                    }
                    expected -= l[p * 32 + axis * 16 + bins[p][axis]] - Math.log(z);
                }
            }
            assertEquals(expected / 2, PretextLoss.flowClassification(logits, flow).getFloat(), 1e-4);
        }
    }
}
