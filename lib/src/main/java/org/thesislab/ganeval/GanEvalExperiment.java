package org.thesislab.ganeval;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import org.thesislab.core.Progress;
import org.thesislab.core.Scale;
import org.thesislab.core.Seeds;
import org.thesislab.core.Threads;
import org.thesislab.core.data.TensorDataset;
import org.thesislab.core.train.Checkpoints;

/**
 * The chapter's experiment (thesis 002, §5.3.3-5.3.4, "emulated" generators): train the baseline classifier on the
 * real training set S_t, then for every emulated generator make its set S_g and measure GAN-train (a classifier
 * trained on S_g, tested on the real validation set S_v), GAN-test (the baseline classifier tested on S_g), FID
 * (against S_t, in the baseline's feature space) and the Inception score (with the baseline's p(y|x)).
 */
public final class GanEvalExperiment implements AutoCloseable {

    /**
     * The sizes of one experiment; {@link #forScale(Scale)} gives the chapter's three scales.
     *
     * @param data              where the real images come from
     * @param trainImages       |S_t|, the real training set
     * @param validationImages  |S_v|, the real validation set GAN-train is measured on
     * @param classifier        how every classifier (baseline and GAN-train) is trained
     * @param subsampledSizes   |S_g| of the subsampled generators, ascending (also the real points of the diversity curve)
     * @param saltAndPepper     shares of replaced pixels of the salt-and-pepper generators, ascending
     * @param gaussianSigma     σ of the Gaussian-noise pair, on the 0-255 scale
     * @param gaussianSubset    the size of the noisy subset of that pair (the other is all of S_t)
     * @param memorizerDistinct the number of distinct images of the memorizer
     * @param memorizerSizes    |S_g| drawn from the memorizer, ascending
     */
    public record Config(RealData.Source data, int trainImages, int validationImages, BaselineClassifier.Settings classifier,
                         List<Integer> subsampledSizes, List<Double> saltAndPepper, double gaussianSigma, int gaussianSubset,
                         int memorizerDistinct, List<Integer> memorizerSizes) {

        public Config {
            subsampledSizes = List.copyOf(subsampledSizes);
            saltAndPepper = List.copyOf(saltAndPepper);
            memorizerSizes = List.copyOf(memorizerSizes);
            if (subsampledSizes.isEmpty() || saltAndPepper.isEmpty() || memorizerSizes.isEmpty()) {
                throw new IllegalArgumentException("Config needs at least one subsampled size, salt-and-pepper share and "
                        + "memorizer size; got " + subsampledSizes + ", " + saltAndPepper + ", " + memorizerSizes);
            }
            for (int n : concat(subsampledSizes, memorizerSizes, List.of(gaussianSubset, memorizerDistinct))) {
                if (n > trainImages) {
                    throw new IllegalArgumentException("A generator of " + n + " images cannot be drawn from " + trainImages
                            + " real training images; raise trainImages or lower the size.");
                }
            }
        }

        /**
         * smoke: seconds, every code path. quick: 8k real Fashion-MNIST training images, the thesis' MNIST classifier
         * for 300 steps. paper: the thesis' CIFAR-10 sizes (50k / 10k, Table 5.1) and classifier schedule (64k
         * iterations of batch 128, §5.3.2).
         */
        public static Config forScale(Scale scale) {
            return new Config(
                    scale.pick(RealData.Source.FASHION_MNIST, RealData.Source.FASHION_MNIST, RealData.Source.CIFAR10),
                    scale.pick(600, 8000, 50_000),      // |S_t| (CIFAR-10: 50k, §5.2)
                    scale.pick(300, 2000, 10_000),      // |S_v| (CIFAR-10: 10k)
                    new BaselineClassifier.Settings(
                            scale.pick(List.of(8, 16, 32, 64), List.of(32, 64, 128, 256), List.of(32, 64, 128, 256)),  // §5.3.2's MNIST classifier; smoke: narrower
                            scale.pick(12, 300, 64_000),  // iterations (thesis: 64k)
                            scale.pick(32, 64, 128),      // batch (thesis: 128; quick: 64, more steps for the time)
                            0.1f, 0.9f, 1e-4f),           // 0.1 → 0.01 → 0.001 (thesis); momentum and decay: He et al.
                    scale.pick(List.of(100, 300), List.of(250, 500, 1000, 2000, 4000),
                            List.of(2500, 5000, 10_000, 20_000)),  // Fig. 5.3's sizes at paper
                    scale.pick(List.of(0.05, 0.2), List.of(0.01, 0.05, 0.2), List.of(0.01, 0.05, 0.1, 0.2)),  // "1% to 20%"
                    5,                                   // σ = 5 (§5.3.3)
                    scale.pick(60, 800, 5000),           // "its random 5k subset" (a tenth of S_t, as 5k of 50k)
                    scale.pick(100, 1000, 5000),         // distinct images of the memorizer (about DCGAN's 5k, §5.3.4)
                    scale.pick(List.of(100, 300), List.of(1000, 4000), List.of(5000, 20_000, 50_000)));
        }

        /** Every emulated generator, in the order of the tables. */
        public List<EmulatedGenerator> generators() {
            List<EmulatedGenerator> all = new ArrayList<>();
            subsampledSizes.forEach(n -> all.add(new EmulatedGenerator.Subsampled(n)));
            saltAndPepper.forEach(f -> all.add(new EmulatedGenerator.SaltAndPepper(f)));
            all.add(new EmulatedGenerator.GaussianNoise(gaussianSigma, 0));
            all.add(new EmulatedGenerator.GaussianNoise(gaussianSigma, gaussianSubset));
            memorizerSizes.forEach(n -> all.add(new EmulatedGenerator.Memorizer(memorizerDistinct, n)));
            return all;
        }

        private static List<Integer> concat(List<Integer> a, List<Integer> b, List<Integer> c) {
            List<Integer> all = new ArrayList<>(a);
            all.addAll(b);
            all.addAll(c);
            return all;
        }
    }

    private final NDManager manager;
    private final Config config;
    private final long seed;
    private final Checkpoints checkpoints;
    private final RealData data;
    private final BaselineClassifier baseline;
    private final FrechetDistance.Gaussian realFeatures;
    private final GanEvalResults.Measured real;
    private final double baselineTrainAccuracy;

    private GanEvalExperiment(NDManager manager, Config config, long seed, Checkpoints checkpoints, RealData data,
                              BaselineClassifier baseline) {
        this.manager = manager;
        this.config = config;
        this.seed = seed;
        this.checkpoints = checkpoints;
        this.data = data;
        this.baseline = baseline;
        this.realFeatures = FrechetDistance.Gaussian.of(baseline.features(data.train()));
        this.baselineTrainAccuracy = baseline.accuracy(data.train());
        // the real row: S_t's classifier on S_v (Table 5.1's "real images"); FID and IS of S_v
        this.real = new GanEvalResults.Measured("real (validation set)", "real", data.validation().size(),
                baseline.accuracy(data.validation()), Double.NaN,
                FrechetDistance.between(realFeatures, FrechetDistance.Gaussian.of(baseline.features(data.validation()))),
                InceptionScore.of(baseline.probabilities(data.validation())), baseline.training().seconds());
    }

    /**
     * Loads the real images and trains the baseline classifier on S_t; with checkpoints, preparing the same
     * configuration again resumes that training where it stopped.
     */
    public static GanEvalExperiment prepare(Config config, long seed, Checkpoints checkpoints) {
        Threads.configure();
        NDManager manager = NDManager.newBaseManager();
        try {
            RealData data = RealData.load(manager, config.data(), config.trainImages(), config.validationImages());
            BaselineClassifier baseline = BaselineClassifier.train("baseline classifier", data.train(), data.classes(), config.classifier(),
                    Seeds.derive(seed, 1), manager, checkpoints.forModel("baseline classifier"));
            return new GanEvalExperiment(manager, config, seed, checkpoints, data, baseline);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The chapter's experiment in one call: {@link #prepare}, {@link #measureAll} and close. */
    public static GanEvalResults run(Config config, long seed, Checkpoints checkpoints) {
        try (GanEvalExperiment e = prepare(config, seed, checkpoints)) {
            return e.measureAll();
        }
    }

    public Config config() {
        return config;
    }

    public RealData data() {
        return data;
    }

    /** The classifier trained on S_t: GAN-test's classifier, and the feature space of FID. */
    public BaselineClassifier baseline() {
        return baseline;
    }

    /** The measures of the real validation set (Table 5.1's first row). */
    public GanEvalResults.Measured real() {
        return real;
    }

    /** The first {@code count} images {@code generator} makes (for figures; the caller closes them). */
    public TensorDataset sample(EmulatedGenerator generator, int count, NDManager into) {
        try (NDManager scope = manager.newSubManager(); TensorDataset made = generator.generate(data.train(), scope, seed)) {
            return made.subset(into, java.util.stream.IntStream.range(0, Math.min(count, made.size())).toArray());
        }
    }

    /** GAN-train, GAN-test, FID and IS of one generator: one classifier trained on its images. */
    public GanEvalResults.Measured measure(EmulatedGenerator generator) {
        return measure(generator, true);
    }

    private GanEvalResults.Measured measure(EmulatedGenerator generator, boolean progress) {
        try (NDManager scope = manager.newSubManager(); TensorDataset made = generator.generate(data.train(), scope, seed);
             BaselineClassifier trained = BaselineClassifier.train("classifier on " + generator.name(), made, data.classes(),
                     config.classifier(), Seeds.derive(seed, generator.name().hashCode()), scope,
                     checkpoints.forModel(generator.name()), (epoch, row, history) -> { }, progress)) {
            return new GanEvalResults.Measured(generator.name(), generator.family(), made.size(),
                    trained.accuracy(data.validation()), baseline.accuracy(made),
                    FrechetDistance.between(realFeatures, FrechetDistance.Gaussian.of(baseline.features(made))),
                    InceptionScore.of(baseline.probabilities(made)), trained.training().seconds());
        }
    }

    /** Every generator of the configuration, measured. */
    public GanEvalResults measureAll() {
        long t0 = System.nanoTime();
        List<EmulatedGenerator> generators = config.generators();
        List<GanEvalResults.Measured> rows = new ArrayList<>();
        try (Progress progress = Progress.start("GAN-train / GAN-test", generators.size())) {
            for (EmulatedGenerator g : generators) {
                rows.add(measure(g, false));
                progress.step(g.name());
            }
        }
        return new GanEvalResults(config, seed, real, baselineTrainAccuracy, rows, (System.nanoTime() - t0) / 1e9);
    }

    @Override
    public void close() {
        manager.close();
    }
}
