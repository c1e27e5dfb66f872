package org.thesislab.ganeval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thesislab.core.ThesisVsHere;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The chapter's results as tables, its summary numbers and the thesis' numbers beside ours. */
public final class GanEvalTables {
    private GanEvalTables() {
    }

    /** Table 5.1's analogue: one row per generator (accuracies in percent, as the thesis prints them). */
    public static Table measures(GanEvalResults r) {
        StringColumn generator = StringColumn.create("generator");
        IntColumn images = IntColumn.create("images");
        DoubleColumn ganTrain = DoubleColumn.create("GAN-train %");
        DoubleColumn ganTest = DoubleColumn.create("GAN-test %");
        DoubleColumn fid = DoubleColumn.create("FID (classifier features)");
        DoubleColumn is = DoubleColumn.create("IS (classifier)");
        for (GanEvalResults.Measured m : rowsWithReal(r)) {
            generator.append(m.generator());
            images.append(m.images());
            ganTrain.append(round(100 * m.ganTrain(), 1));
            ganTest.append(round(100 * m.ganTest(), 1));
            fid.append(significant(m.fid(), 3));
            is.append(round(m.inceptionScore(), 2));
        }
        return Table.create("GAN-train, GAN-test, FID and IS of emulated generators (Table 5.1 analogue, "
                + r.config().data().name().toLowerCase().replace('_', '-') + ")", generator, images, ganTrain, ganTest, fid, is);
    }

    /** Fig. 5.3's numbers: GAN-train by |S_g| for real subsets and for the memorizer, and the diversity estimate. */
    public static Table diversity(GanEvalResults r) {
        double[][] real = r.realCurve();
        double[][] memo = r.memorizerCurve();
        IntColumn images = IntColumn.create("images");
        DoubleColumn realAcc = DoubleColumn.create("GAN-train %, real subset");
        DoubleColumn memoAcc = DoubleColumn.create("GAN-train %, memorizer of " + r.config().memorizerDistinct());
        java.util.TreeSet<Integer> sizes = new java.util.TreeSet<>();
        for (double n : real[0]) {
            sizes.add((int) n);
        }
        for (double n : memo[0]) {
            sizes.add((int) n);
        }
        for (int n : sizes) {
            images.append(n);
            realAcc.append(round(100 * at(real, n), 1));
            memoAcc.append(round(100 * at(memo, n), 1));
        }
        return Table.create(String.format("GAN-train by number of images (Fig. 5.3 analogue); the memorizer's plateau "
                + "is reached by %.0f real images (it makes %d)", r.diversityEstimate(), r.config().memorizerDistinct()),
                images, realAcc, memoAcc);
    }

    /** The headline numbers under fixed keys (the claims read these); accuracies as shares. */
    public static Map<String, Double> summary(GanEvalResults r) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("real_val_acc", r.real().ganTrain());
        out.put("baseline_train_acc", r.baselineTrainAccuracy());
        out.put("real_fid", r.real().fid());
        out.put("real_is", r.real().inceptionScore());

        GanEvalResults.Measured smallest = r.family("subsampled").get(0);
        out.put("subsampled_smallest_gan_train", smallest.ganTrain());
        out.put("subsampled_smallest_gan_test", smallest.ganTest());
        out.put("subsampled_smallest_fid", smallest.fid());
        out.put("subsampling_gan_train_drop", r.real().ganTrain() - smallest.ganTrain());
        out.put("subsampling_gan_test_drop", r.baselineTrainAccuracy() - smallest.ganTest());

        List<GanEvalResults.Measured> sp = r.family("salt & pepper");
        GanEvalResults.Measured strongest = sp.get(sp.size() - 1);
        out.put("saltpepper_strongest_gan_train", strongest.ganTrain());
        out.put("saltpepper_strongest_gan_test", strongest.ganTest());
        out.put("saltpepper_strongest_fid", strongest.fid());
        out.put("saltpepper_gan_train_drop", r.real().ganTrain() - strongest.ganTrain());
        out.put("saltpepper_gan_test_drop", r.baselineTrainAccuracy() - strongest.ganTest());

        List<GanEvalResults.Measured> noisy = r.family("Gaussian noise");
        GanEvalResults.Measured all = noisy.get(0);
        GanEvalResults.Measured subset = noisy.get(1);
        out.put("noisy_all_gan_train", all.ganTrain());
        out.put("noisy_all_gan_test", all.ganTest());
        out.put("noisy_all_fid", all.fid());
        out.put("noisy_subset_gan_train", subset.ganTrain());
        out.put("noisy_subset_gan_test", subset.ganTest());
        out.put("noisy_subset_fid", subset.fid());
        out.put("noisy_subset_gan_train_drop", all.ganTrain() - subset.ganTrain());
        out.put("noisy_subset_gan_test_gap", Math.abs(all.ganTest() - subset.ganTest()));

        double[] plateau = r.memorizerCurve()[1];
        out.put("memorizer_distinct", (double) r.config().memorizerDistinct());
        out.put("memorizer_plateau_gan_train", plateau[plateau.length - 1]);
        out.put("diversity_estimate", r.diversityEstimate());
        out.put("diversity_estimate_log2_error", Math.abs(Math.log(r.diversityEstimate() / r.config().memorizerDistinct()) / Math.log(2)));
        out.put("measure_seconds", r.seconds());
        return out;
    }

    /** The thesis' numbers beside ours, each with the data and sizes it was measured at. */
    public static ThesisVsHere thesisVsHere(GanEvalResults r) {
        GanEvalExperiment.Config c = r.config();
        String here = String.format("%s %,d / %,d images, classifier %s × %,d steps",
                c.data().name().toLowerCase().replace('_', '-'), c.trainImages(), c.validationImages(),
                c.classifier().widths(), c.classifier().steps());
        Map<String, Double> s = summary(r);
        GanEvalResults.Measured noisySubset = r.family("Gaussian noise").get(1);
        return new ThesisVsHere("Thesis vs here")
                .row("real validation accuracy (classifier trained on S_t)", .993, "MNIST, 4-layer convnet (§5.3.3)",
                        s.get("real_val_acc"), here)
                .row("GAN-train drop, noisy subset vs noisy S_t", .91 - .80, "CIFAR-10, σ=5, 5k of 50k, ResNet-32 (§5.3.3)",
                        s.get("noisy_subset_gan_train_drop"), noisySubset.images() + " of " + c.trainImages() + ", " + here)
                .row("GAN-test gap, noisy subset vs noisy S_t", 0, "CIFAR-10, σ=5: 95% in both cases",
                        s.get("noisy_subset_gan_test_gap"), here)
                .row("FID, noisy S_t", 27.1, "CIFAR-10, Inception features", s.get("noisy_all_fid"), "classifier features, " + here)
                .row("FID, noisy subset", 29.6, "CIFAR-10, 5k subset, Inception features", s.get("noisy_subset_fid"),
                        "classifier features, " + here)
                .row("GAN-test, strongest salt & pepper", .15, "CIFAR-10, 20% of pixels (from 82%)",
                        s.get("saltpepper_strongest_gan_test"), Math.round(100 * c.saltAndPepper().get(c.saltAndPepper().size() - 1))
                                + "% of pixels, " + here)
                .row("diversity estimate / distinct images", Double.NaN, "§5.1: \"a good estimation\" (no number)",
                        s.get("diversity_estimate") / c.memorizerDistinct(), "memorizer of " + c.memorizerDistinct() + ", " + here);
    }

    private static List<GanEvalResults.Measured> rowsWithReal(GanEvalResults r) {
        List<GanEvalResults.Measured> all = new java.util.ArrayList<>();
        all.add(r.real());
        all.addAll(r.generated());
        return all;
    }

    private static double at(double[][] curve, int n) {
        for (int i = 0; i < curve[0].length; i++) {
            if ((int) curve[0][i] == n) {
                return curve[1][i];
            }
        }
        return Double.NaN;
    }

    private static double significant(double v, int digits) {
        return Double.isFinite(v) && v != 0 ? new java.math.BigDecimal(v).round(new java.math.MathContext(digits)).doubleValue() : v;
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Double.isFinite(v) ? Math.round(v * f) / f : v;
    }
}
