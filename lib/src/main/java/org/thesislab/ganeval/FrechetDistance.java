package org.thesislab.ganeval;

/**
 * The Fréchet distance between two sets of feature vectors, each modelled as a Gaussian (eq. 4.12):
 * d² = ‖m_r − m_g‖² + Tr(C_r + C_g − 2 (C_r C_g)^½). With Inception's features it is the FID; here the features are
 * the baseline classifier's. The trace of the matrix square root is computed as Σ √λ_i of the symmetric positive
 * semi-definite C_r^½ C_g C_r^½, which has the same eigenvalues as C_r C_g; covariances are the unbiased (n − 1)
 * estimates, computed in double precision.
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    /** Mean and covariance of one feature set. */
    public record Gaussian(double[] mean, double[][] covariance) {
        /** Fits the Gaussian to {@code features}, one row per image (at least two rows). */
        public static Gaussian of(float[][] features) {
            int n = features.length;
            if (n < 2) {
                throw new IllegalArgumentException("A covariance needs at least 2 feature vectors; got " + n);
            }
            int d = features[0].length;
            double[] mean = new double[d];
            for (float[] f : features) {
                for (int j = 0; j < d; j++) {
                    mean[j] += f[j];
                }
            }
            for (int j = 0; j < d; j++) {
                mean[j] /= n;
            }
            double[][] cov = new double[d][d];
            double[] centred = new double[d];
            for (float[] f : features) {
                for (int j = 0; j < d; j++) {
                    centred[j] = f[j] - mean[j];
                }
                for (int j = 0; j < d; j++) {
                    double cj = centred[j];
                    double[] row = cov[j];
                    for (int k = j; k < d; k++) {
                        row[k] += cj * centred[k];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                for (int k = j; k < d; k++) {
                    cov[j][k] /= n - 1;
                    cov[k][j] = cov[j][k];
                }
            }
            return new Gaussian(mean, cov);
        }
    }

    /** d² between the Gaussians fitted to two feature sets (eq. 4.12). */
    public static double between(float[][] real, float[][] generated) {
        return between(Gaussian.of(real), Gaussian.of(generated));
    }

    /** d² between two Gaussians (eq. 4.12). */
    public static double between(Gaussian r, Gaussian g) {
        int d = r.mean().length;
        if (g.mean().length != d) {
            throw new IllegalArgumentException("Feature sizes differ: " + d + " and " + g.mean().length);
        }
        double meanTerm = 0;
        double traces = 0;
        for (int j = 0; j < d; j++) {
            double diff = r.mean()[j] - g.mean()[j];
            meanTerm += diff * diff;
            traces += r.covariance()[j][j] + g.covariance()[j][j];
        }
        double[][] rootR = sqrtPsd(r.covariance());
        double[][] inner = multiply(multiply(rootR, g.covariance()), rootR);
        double traceRoot = 0;
        for (double lambda : symmetricEigenvalues(inner)) {
            traceRoot += Math.sqrt(Math.max(0, lambda));
        }
        return meanTerm + traces - 2 * traceRoot;
    }

    /** The symmetric square root of a symmetric positive semi-definite matrix (negative eigenvalues from rounding are 0). */
    static double[][] sqrtPsd(double[][] a) {
        int d = a.length;
        double[][] v = new double[d][d];
        double[] lambda = jacobi(copy(a), v);
        double[][] out = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += v[i][k] * Math.sqrt(Math.max(0, lambda[k])) * v[j][k];
                }
                out[i][j] = s;
                out[j][i] = s;
            }
        }
        return out;
    }

    static double[] symmetricEigenvalues(double[][] a) {
        return jacobi(copy(a), null);
    }

    /**
     * Cyclic Jacobi rotations: diagonalises the symmetric {@code a} in place and returns its eigenvalues; with
     * {@code vectors} non-null, its columns receive the eigenvectors.
     */
    private static double[] jacobi(double[][] a, double[][] vectors) {
        int d = a.length;
        if (vectors != null) {
            for (int i = 0; i < d; i++) {
                vectors[i][i] = 1;
            }
        }
        double scale = 0;
        for (double[] row : a) {
            for (double x : row) {
                scale += x * x;
            }
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off <= 1e-30 * scale || off == 0) {
                break;
            }
            for (int p = 0; p < d; p++) {
                for (int q = p + 1; q < d; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < d; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < d; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    if (vectors != null) {
                        for (int k = 0; k < d; k++) {
                            double vkp = vectors[k][p];
                            double vkq = vectors[k][q];
                            vectors[k][p] = c * vkp - s * vkq;
                            vectors[k][q] = s * vkp + c * vkq;
                        }
                    }
                }
            }
        }
        double[] lambda = new double[d];
        for (int i = 0; i < d; i++) {
            lambda[i] = a[i][i];
        }
        return lambda;
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        int m = y[0].length;
        double[][] out = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < y.length; k++) {
                double xik = x[i][k];
                if (xik == 0) {
                    continue;
                }
                double[] yk = y[k];
                double[] oi = out[i];
                for (int j = 0; j < m; j++) {
                    oi[j] += xik * yk[j];
                }
            }
        }
        return out;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
