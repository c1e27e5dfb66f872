package org.thesislab.ganeval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything the chapter's experiment measured: the real validation set's row (Table 5.1's "real images"), the
 * baseline classifier's accuracy on its own training images (GAN-test of an unmodified S_t) and one row per emulated
 * generator. The queries below compute the chapter's statistics from these rows only.
 */
public record GanEvalResults(GanEvalExperiment.Config config, long seed, Measured real, double baselineTrainAccuracy,
                             List<Measured> generated, double seconds) {

    /**
     * One generator's measures (accuracies as shares, not percent).
     *
     * @param ganTrain       accuracy on S_v of a classifier trained on S_g (for the real row: trained on S_t)
     * @param ganTest        accuracy on S_g of the classifier trained on S_t (NaN for the real row, as in Table 5.1)
     * @param fid            Fréchet distance to S_t in the baseline classifier's features (eq. 4.12)
     * @param inceptionScore with the baseline classifier's p(y|x) (eq. 4.11)
     * @param trainSeconds   time to train the GAN-train classifier
     */
    public record Measured(String generator, String family, int images, double ganTrain, double ganTest, double fid,
                           double inceptionScore, double trainSeconds) {}

    public GanEvalResults {
        generated = List.copyOf(generated);
    }

    /** The row of the generator named {@code name} ("subsampled 250"). */
    public Measured row(String name) {
        return generated.stream().filter(m -> m.generator().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No generator '" + name + "' in these results; they have "
                        + generated.stream().map(Measured::generator).toList()));
    }

    /** The rows of one family ("subsampled", "salt & pepper", "Gaussian noise", "memorizer"), in table order. */
    public List<Measured> family(String family) {
        return generated.stream().filter(m -> m.family().equals(family)).toList();
    }

    /** GAN-train of real subsets by size, ending with all of S_t (the baseline): the real curve of Fig. 5.3. */
    public double[][] realCurve() {
        List<Measured> points = new ArrayList<>(family("subsampled"));
        points.add(new Measured("all of S_t", "subsampled", config.trainImages(), real.ganTrain(), baselineTrainAccuracy,
                Double.NaN, Double.NaN, Double.NaN));
        points.sort(Comparator.comparingInt(Measured::images));
        return new double[][] {points.stream().mapToDouble(Measured::images).toArray(),
                points.stream().mapToDouble(Measured::ganTrain).toArray()};
    }

    /** GAN-train of the memorizer by the number of images drawn from it. */
    public double[][] memorizerCurve() {
        List<Measured> points = family("memorizer");
        return new double[][] {points.stream().mapToDouble(Measured::images).toArray(),
                points.stream().mapToDouble(Measured::ganTrain).toArray()};
    }

    /**
     * §5.1's diversity estimate: the size of a real training set whose GAN-train equals the memorizer's plateau (its
     * GAN-train at the most images drawn), interpolated on a log scale along the real curve; clamped to the curve's
     * ends when the plateau lies outside it.
     */
    public double diversityEstimate() {
        double[][] curve = realCurve();
        double[] memo = memorizerCurve()[1];
        double plateau = memo[memo.length - 1];
        double[] n = curve[0];
        double[] acc = curve[1];
        for (int i = 0; i < n.length; i++) {
            if (acc[i] >= plateau) {
                if (i == 0) {
                    return n[0];
                }
                double t = (plateau - acc[i - 1]) / (acc[i] - acc[i - 1]);
                return Math.exp(Math.log(n[i - 1]) + t * (Math.log(n[i]) - Math.log(n[i - 1])));
            }
        }
        return n[n.length - 1];
    }
}
