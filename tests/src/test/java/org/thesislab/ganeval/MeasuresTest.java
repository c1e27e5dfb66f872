package org.thesislab.ganeval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** FID (eq. 4.12) and the Inception score (eq. 4.11) against hand-computed and reference values. */
class MeasuresTest {

    private static final float[][] A = {{0.1f, 1.2f, -0.3f}, {0.5f, 0.9f, 0.2f}, {1.4f, -0.2f, 0.8f}, {0.3f, 0.3f, 0.3f},
            {-0.6f, 1.1f, 0.0f}};
    private static final float[][] B = {{1.0f, 0.2f, 0.5f}, {0.7f, -0.4f, 1.3f}, {0.2f, 0.6f, 0.9f}, {1.5f, 0.1f, -0.2f},
            {0.9f, 0.8f, 0.4f}, {0.0f, -0.5f, 0.6f}};

    @Test
    void frechetDistanceMatchesScipy() {
        // numpy/scipy 1.17: ((m1-m2)**2).sum() + trace(C1 + C2 - 2 sqrtm(C1 @ C2)), np.cov (n - 1) = 1.1452223146483922
        // (from the same numbers in double; the float inputs differ in the 8th digit)
        assertEquals(1.1452223146483922, FrechetDistance.between(A, B), 1e-6);
        assertEquals(FrechetDistance.between(A, B), FrechetDistance.between(B, A), 1e-9, "symmetric");
        assertEquals(0, FrechetDistance.between(A, A), 1e-9, "zero between a set and itself");
    }

    @Test
    void frechetDistanceOfDiagonalGaussiansIsTheClosedForm() {
        // d² = |m_r - m_g|² + Σ (√a_i - √b_i)² for diagonal covariances
        var r = new FrechetDistance.Gaussian(new double[] {0, 1, 2}, new double[][] {{4, 0, 0}, {0, 1, 0}, {0, 0, 9}});
        var g = new FrechetDistance.Gaussian(new double[] {1, 1, 0}, new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 4}});
        assertEquals(1 + 4 + (2 - 1) * (2 - 1) + 0 + (3 - 2) * (3 - 2), FrechetDistance.between(r, g), 1e-9);
        // equal covariances, full: only the means count
        double[][] c = {{2, 0.5, 0.1}, {0.5, 1, 0.3}, {0.1, 0.3, 1.5}};
        assertEquals(3, FrechetDistance.between(new FrechetDistance.Gaussian(new double[] {1, 1, 1}, c),
                new FrechetDistance.Gaussian(new double[] {0, 0, 0}, c)), 1e-9);
    }

    @Test
    void squareRootOfAPositiveMatrixSquaresBack() {
        double[][] c = {{2, 0.5, 0.1}, {0.5, 1, 0.3}, {0.1, 0.3, 1.5}};
        double[][] s = FrechetDistance.sqrtPsd(c);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double v = 0;
                for (int k = 0; k < 3; k++) {
                    v += s[i][k] * s[k][j];
                }
                assertEquals(c[i][j], v, 1e-12);
            }
        }
    }

    @Test
    void inceptionScoreOfItsExtremes() {
        // every image sure of a different class, classes used equally: IS = number of classes
        float[][] sure = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
        assertEquals(4, InceptionScore.of(sure), 1e-9);
        // every image the same distribution: KL = 0, IS = 1
        float[][] same = {{0.7f, 0.2f, 0.1f}, {0.7f, 0.2f, 0.1f}};
        assertEquals(1, InceptionScore.of(same), 1e-6);
        // by hand: p1 = (0.9, 0.1), p2 = (0.2, 0.8), p(y) = (0.55, 0.45)
        double kl1 = 0.9 * Math.log(0.9 / 0.55) + 0.1 * Math.log(0.1 / 0.45);
        double kl2 = 0.2 * Math.log(0.2 / 0.55) + 0.8 * Math.log(0.8 / 0.45);
        assertEquals(Math.exp((kl1 + kl2) / 2), InceptionScore.of(new float[][] {{0.9f, 0.1f}, {0.2f, 0.8f}}), 1e-6);
    }
}
