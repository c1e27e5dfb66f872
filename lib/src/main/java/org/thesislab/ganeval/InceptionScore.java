package org.thesislab.ganeval;

/**
 * The Inception score (eq. 4.11): IS = exp(E_x KL(p(y|x) ‖ p(y))), with p(y) the mean of p(y|x) over the generated
 * images. It never looks at real images. The thesis computes it with Inception on 10 splits of 5k images; here
 * p(y|x) is the baseline classifier's, on all the images at once.
 */
public final class InceptionScore {
    private InceptionScore() {
    }

    /** IS of the class probabilities {@code p}, one row per image. */
    public static double of(float[][] p) {
        int classes = p[0].length;
        double[] marginal = new double[classes];
        for (float[] row : p) {
            for (int k = 0; k < classes; k++) {
                marginal[k] += row[k];
            }
        }
        for (int k = 0; k < classes; k++) {
            marginal[k] /= p.length;
        }
        double kl = 0;
        for (float[] row : p) {
            for (int k = 0; k < classes; k++) {
                if (row[k] > 0) {
                    kl += row[k] * (Math.log(row[k]) - Math.log(marginal[k]));
                }
            }
        }
        return Math.exp(kl / p.length);
    }
}
