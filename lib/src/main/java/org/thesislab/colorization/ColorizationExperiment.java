package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import org.thesislab.core.Scale;
import org.thesislab.core.Threads;
import org.thesislab.core.Seeds;
import org.thesislab.core.data.TensorDataset;
import org.thesislab.core.train.Adam;
import org.thesislab.core.train.Checkpoints;
import org.thesislab.core.train.TrainingListener;
import org.thesislab.core.train.TrainingLoop;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The chapter's experiment (Sects. 3.2.4-3.2.5 on procedural scenes): train PIC, its ungated ablation,
 * the per-pixel mixture (e_phi alone) and the L2 regression baseline on the same data, then compare
 * likelihood (bits/dim), saturation, sample diversity and sampling cost. Called by the notebook and by
 * the reproduction test; sizes, and which models to train, come from the {@link Config}. {@link #run} is the whole
 * experiment in one call; the notebook takes the same steps one by one ({@link #train}, {@link #decodings},
 * {@link #evaluate}) to draw on the way. It returns records; {@link ColorizationTables} and
 * {@link ColorizationFigures} present them.
 */
public final class ColorizationExperiment implements AutoCloseable {
    /** The models compared. */
    public enum Variant {
        PIC("PIC"), PIC_NO_GATE("PIC, no gating"), PER_PIXEL("per-pixel mixture"), L2("L2 regression"),
        PIC_CATEGORICAL("PIC, categorical bins");

        public final String label;

        Variant(String label) {
            this.label = label;
        }
    }

    /**
     * Sizes and settings. {@code embeddingWidth} scales Table 3.5's widths, {@code embeddingBlocks} caps
     * its residual blocks per stage; the decoder has {@code decoderBlocks} gated blocks per stack of width
     * {@code decoderWidth}; the learning rate decays by {@code decayPerStep} after every iteration, and the
     * weights are Polyak-averaged with {@code polyakDecay} per iteration (validation and sampling use the averages).
     * {@link #run} trains the {@code variants}, in that order.
     */
    public record Config(Scale scale, int side, int factor, int trainImages, int testImages, int epochs,
                         int batchSize, float learningRate, double decayPerStep, double polyakDecay, double embeddingWidth,
                         int embeddingBlocks, int decoderWidth, int decoderBlocks, int components,
                         int categoricalBins, int evalImages, int samplesPerImage, List<Variant> variants) {
        public Config {
            variants = List.copyOf(variants);
        }

        /**
         * paper: the thesis' CIFAR-10 setting (Section 3.2, Table 3.5). Below it, procedural scenes
         * ({@link Scenes}) at 16 px and a narrower, shallower network, so that a 2-core CPU trains in minutes.
         */
        public static Config forScale(Scale s) {
            return new Config(s,
                    s.pick(16, 16, 32),              // image side: CIFAR-10's 32 px
                    2,                               // chroma subsampled 2x: 16x16 chroma for 32-px images
                    s.pick(64, 3000, 50000),         // training images (CIFAR-10's 50k)
                    s.pick(16, 300, 10000),          // test images (CIFAR-10's 10k)
                    s.pick(1, 16, 150),              // epochs (150 in the thesis)
                    s.pick(16, 32, 64),              // batch (64 in the thesis)
                    (float) s.pick(1e-3, 2e-3, 1e-3),    // Adam learning rate 1e-3; 2e-3 with the shorter schedule
                    s.pick(0.9995, 0.9997, 0.99995), // decay per iteration (0.99995), faster for fewer iterations
                    // Polyak averaging (§3.2.3 names it, without a decay; the PixelCNN++ code it follows runs 0.999,
                    // about a thousand of its 117k iterations): here about an epoch of iterations, since 0.999 would
                    // average over most of the 1.5k iterations of 'quick' and start from the initial weights
                    s.pick(0.5, 0.99, 0.999),
                    s.pick(0.125, 0.25, 1.0),        // e_phi width, a share of Table 3.5's channels
                    s.pick(1, 1, 3),                 // e_phi residual blocks per stage, capped (Table 3.5: 3)
                    s.pick(8, 16, 160),              // f_theta channels (160)
                    s.pick(1, 2, 4),                 // f_theta gated blocks per stack (4)
                    s.pick(3, 5, 10),                // logistic mixture components K (10)
                    16,                              // bins per chroma channel of the categorical ablation
                    s.pick(4, 24, 1000),             // images scored by the sample metrics
                    s.pick(2, 4, 4),                 // samples drawn per image
                    // the models compared (the notebook's); PIC_CATEGORICAL, the binned softmax, is an exercise
                    List.of(Variant.PIC, Variant.PER_PIXEL, Variant.L2, Variant.PIC_NO_GATE));
        }

        /** This configuration training only {@code chosen}, in that order. */
        public Config withVariants(List<Variant> chosen) {
            return new Config(scale, side, factor, trainImages, testImages, epochs, batchSize, learningRate, decayPerStep,
                    polyakDecay, embeddingWidth, embeddingBlocks, decoderWidth, decoderBlocks, components, categoricalBins,
                    evalImages, samplesPerImage, chosen);
        }

        /** This configuration with {@code images} training scenes. */
        public Config withTrainImages(int images) {
            return new Config(scale, side, factor, images, testImages, epochs, batchSize, learningRate, decayPerStep,
                    polyakDecay, embeddingWidth, embeddingBlocks, decoderWidth, decoderBlocks, components, categoricalBins,
                    evalImages, samplesPerImage, variants);
        }

        /** This configuration with {@code images} held-out scenes (bits/dim are measured on all of them). */
        public Config withTestImages(int images) {
            return new Config(scale, side, factor, trainImages, images, epochs, batchSize, learningRate, decayPerStep,
                    polyakDecay, embeddingWidth, embeddingBlocks, decoderWidth, decoderBlocks, components, categoricalBins,
                    evalImages, samplesPerImage, variants);
        }

        /** This configuration training every model for {@code count} epochs. */
        public Config withEpochs(int count) {
            return new Config(scale, side, factor, trainImages, testImages, count, batchSize, learningRate, decayPerStep,
                    polyakDecay, embeddingWidth, embeddingBlocks, decoderWidth, decoderBlocks, components, categoricalBins,
                    evalImages, samplesPerImage, variants);
        }

        /** This configuration with Adam's initial learning rate {@code rate}. */
        public Config withLearningRate(float rate) {
            return new Config(scale, side, factor, trainImages, testImages, epochs, batchSize, rate, decayPerStep,
                    polyakDecay, embeddingWidth, embeddingBlocks, decoderWidth, decoderBlocks, components, categoricalBins,
                    evalImages, samplesPerImage, variants);
        }

        /** This configuration scoring {@code images} held-out scenes with {@code perImage} samples each. */
        public Config withSamples(int images, int perImage) {
            return new Config(scale, side, factor, trainImages, testImages, epochs, batchSize, learningRate, decayPerStep,
                    polyakDecay, embeddingWidth, embeddingBlocks, decoderWidth, decoderBlocks, components, categoricalBins,
                    images, perImage, variants);
        }

        public int chromaSide() {
            return side / factor;
        }

        public GrayscaleEmbeddingNet.Spec embeddingSpec() {
            return GrayscaleEmbeddingNet.Spec.table35(factor, embeddingWidth, embeddingBlocks, 0f);
        }

        public String describe() {
            return String.format("%s: %dx%d scenes, chroma %dx%d, %d train / %d test images, %d epochs, "
                    + "e_phi width x%.3g, f_theta %d blocks x %d ch, K=%d", scale, side, side, chromaSide(),
                    chromaSide(), trainImages, testImages, epochs, embeddingWidth, decoderBlocks, decoderWidth, components);
        }
    }

    /** A trained model and its training history. */
    public record Trained(Variant variant, ChromaModel model, TrainingLoop.Result result) {
    }

    private final Config config;
    private final long seed;
    private final NDManager manager;
    private final Scenes.Set trainScenes;
    private final Scenes.Set testScenes;
    private final Chroma.Batch train;
    private final Chroma.Batch test;
    private final Map<Variant, Trained> trained = new EnumMap<>(Variant.class);
    private boolean showProgress = true;
    private Checkpoints checkpoints = Checkpoints.none();

    /**
     * The whole experiment: trains the configuration's {@link Config#variants} in order (with these checkpoints,
     * quietly), decodes the evaluation inputs with every model and scores them, then frees the models and data.
     * The same steps as the notebook's, so the same numbers.
     */
    public static ColorizationResults run(Config config, long seed, Checkpoints checkpoints) {
        try (ColorizationExperiment exp = new ColorizationExperiment(config, seed).quiet().checkpoints(checkpoints)) {
            for (Variant v : config.variants()) {
                exp.train(v);
            }
            return exp.evaluate(exp.decodings(exp.manager));
        }
    }

    public ColorizationExperiment(Config config, long seed) {
        Threads.configure();
        this.config = config;
        this.seed = seed;
        this.manager = NDManager.newBaseManager();
        this.trainScenes = Scenes.generate(config.trainImages(), config.side(), Seeds.stream(seed, "train-scenes"));
        this.testScenes = Scenes.generate(config.testImages(), config.side(), Seeds.stream(seed, "test-scenes"));
        this.train = Chroma.prepare(trainScenes.lab(manager), config.factor());
        this.test = Chroma.prepare(testScenes.lab(manager), config.factor());
    }

    public Config config() {
        return config;
    }

    /** The manager that owns the data and the models (the memory test counts its arrays). */
    NDManager manager() {
        return manager;
    }

    public Scenes.Set testScenes() {
        return testScenes;
    }

    /** The held-out scenes as the models see them (normalised luminance and chroma), for the sample figure. */
    public Chroma.Batch testBatch() {
        return test;
    }

    public ColorizationExperiment quiet() {
        showProgress = false;
        return this;
    }

    /**
     * Keeps each variant's checkpoints there (weights, Adam and Polyak averages after every epoch): training a
     * variant again, after an interrupt, resumes it from its last completed epoch with the same numbers.
     */
    public ColorizationExperiment checkpoints(Checkpoints where) {
        this.checkpoints = java.util.Objects.requireNonNull(where, "where: use Checkpoints.none() for none");
        return this;
    }

    /** Builds a fresh, initialised model of the given variant. */
    public ChromaModel newModel(Variant v) {
        GrayscaleEmbeddingNet.Spec spec = config.embeddingSpec();
        ChromaModel m = switch (v) {
            case PIC -> new PicModel(spec, new LogisticMixture(config.components()), config.decoderWidth(), config.decoderBlocks(), true);
            case PIC_NO_GATE -> new PicModel(spec, new LogisticMixture(config.components()), config.decoderWidth(), config.decoderBlocks(), false);
            case PIC_CATEGORICAL -> new PicModel(spec, new CategoricalChroma(config.categoricalBins()), config.decoderWidth(), config.decoderBlocks(), true);
            case PER_PIXEL -> new PerPixelModel(spec, new LogisticMixture(config.components()));
            case L2 -> new L2Colorizer(spec);
        };
        Seeds.seedEngine(Seeds.derive(seed, 100 + v.ordinal()));
        m.initialize(manager, config.side());
        return m;
    }

    /** Trains one variant with the core training loop (Adam 0.95 / 0.9995, per-iteration decay). */
    public Trained train(Variant v) {
        return train(v, (epoch, row, history) -> { });
    }

    /** {@link #train(Variant)}, telling {@code listener} about every epoch. */
    Trained train(Variant v, TrainingListener listener) {
        ChromaModel model = newModel(v);
        TensorDataset trainData = new TensorDataset(model.features(train), ChromaModel.labels(train));
        TensorDataset testData = new TensorDataset(model.features(test), ChromaModel.labels(test));
        Adam adam = new Adam(config.learningRate(), 0.95f, 0.9995f, 1e-6f, 0f);
        TrainingLoop loop = TrainingLoop.builder(model, model.objective(), adam, manager)
                .batchSize(config.batchSize()).epochs(config.epochs()).seed(Seeds.derive(seed, v.ordinal()))
                .progress(showProgress, v.label + " (" + ModelSize.of(model) + ")")
                // the thesis decays the learning rate after every iteration; the loop exposes epochs
                .listener((epoch, row, history) -> adam.setLearningRate(
                        (float) (config.learningRate() * Math.pow(config.decayPerStep(), adam.steps()))))
                .polyakAveraging(config.polyakDecay())
                .listener(listener)
                .checkpoints(checkpoints.forModel(v.label))
                .build();
        TrainingLoop.Result result = loop.fit(trainData, testData);
        Trained t = new Trained(v, model, result);
        trained.put(v, t);
        return t;
    }

    public Trained trained(Variant v) {
        Trained t = trained.get(v);
        if (t == null) {
            throw new IllegalStateException(v.label + " is not trained yet: call train(Variant." + v + ") first.");
        }
        return t;
    }

    /** Every model trained so far, in {@link Variant} order. */
    public List<Trained> trained() {
        return List.copyOf(trained.values());
    }

    /** Mean test bits/dim of a likelihood variant over all chroma pixels. */
    public double testBitsPerDim(Variant v) {
        return testBitsPerDim(v, false);
    }

    /**
     * Mean test bits/dim of a likelihood variant; with {@code ambiguousOnly}, averaged over the chroma
     * pixels lying (at least half) on the ambiguous objects only.
     */
    public double testBitsPerDim(Variant v, boolean ambiguousOnly) {
        ChromaModel m = trained(v).model();
        if (!(m instanceof LikelihoodModel lm)) {
            throw new IllegalArgumentException(v.label + " has no likelihood (it is a regression model)");
        }
        ParameterStore ps = new ParameterStore(manager, false);
        double sum = 0;
        double count = 0;
        int n = config.testImages();
        for (int from = 0; from < n; from += config.batchSize()) {
            try (NDManager step = manager.newSubManager()) {
                int to = Math.min(n, from + config.batchSize());
                Chroma.Batch b = slice(test, from, to, step);
                NDArray logp = lm.logProb(ps, b, false);
                NDArray mask = ambiguousOnly
                        ? Chroma.down(testScenes.ambiguousMask(step).get(new NDIndex("{}:{}", from, to)), config.factor())
                                .gte(0.5f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false).squeeze(1)
                        : logp.onesLike();
                sum += logp.mul(mask).sum().getFloat();
                count += mask.sum().getFloat();
            }
        }
        return -sum / (Math.log(2) * 2 * count);
    }

    private static Chroma.Batch slice(Chroma.Batch b, int from, int to, NDManager into) {
        NDIndex i = new NDIndex("{}:{}", from, to);
        Chroma.Batch s = new Chroma.Batch(b.luma().get(i), b.lumaLow().get(i), b.ab().get(i), b.factor());
        s.luma().attach(into);
        s.lumaLow().attach(into);
        s.ab().attach(into);
        return s;
    }

    /** One decoding of the evaluation inputs: chroma (N * S, 2, h, w), normalised, and its time. */
    public record Decoding(String name, NDArray ab, int perInput, double msPerImage) {
    }

    /** Decodes the first {@code evalImages} test inputs {@code perInput} times with every trained model. */
    public List<Decoding> decodings(NDManager into) {
        int n = config.evalImages();
        int s = config.samplesPerImage();
        ParameterStore ps = new ParameterStore(manager, false);
        NDArray luma = test.luma().get(new NDIndex("0:{}", n)).repeat(0, s);
        NDArray lumaLow = test.lumaLow().get(new NDIndex("0:{}", n)).repeat(0, s);
        List<Decoding> out = new ArrayList<>();
        out.add(new Decoding("ground truth", test.ab().get(new NDIndex("0:{}", n)).repeat(0, s), s, 0));
        Seeds.seedEngine(Seeds.derive(seed, 7));
        for (Trained t : trained.values()) {
            long t0 = System.nanoTime();
            NDArray ab = t.model().colorize(ps, luma, lumaLow, 1.0);
            double ms = (System.nanoTime() - t0) / 1e6 / (n * s);
            String name = t.variant() == Variant.PER_PIXEL ? t.variant().label + ", random samples" : t.variant().label;
            out.add(new Decoding(name, ab, s, ms));
            if (t.model() instanceof PerPixelModel pp) {
                long t1 = System.nanoTime();
                NDArray map = pp.colorizeMap(ps, luma, lumaLow);
                out.add(new Decoding(t.variant().label + ", MAP", map, s, (System.nanoTime() - t1) / 1e6 / (n * s)));
            }
        }
        for (Decoding d : out) {
            d.ab().attach(into);
        }
        luma.attach(into);
        lumaLow.attach(into);
        return out;
    }

    /**
     * One decoding's measures (a row of the evaluation); NaN where a measure does not apply: bits/dim of the
     * ground truth and of the L2 regression, sample spread with one sample per input.
     *
     * @param saturation       average perceptual saturation (Lübbe 2010), %, over all pixels
     * @param ambiguousSpread  mean pairwise distance between samples of an input on the ambiguous objects (Lab units)
     * @param coherence        share of an ambiguous object's pixels that get its majority colour mode
     * @param diverseShare     share of the ambiguous objects that got more than one colour over the samples
     */
    public record Scores(String model, double bitsPerDim, double ambiguousBitsPerDim, double saturation,
                         double ambiguousSaturation, double ambiguousSpread, double determinedSpread,
                         double coherence, double diverseShare, double msPerImage) {
    }

    /**
     * Scores every decoding (likelihood, saturation, diversity, coherence and sampling time) and notes PIC's training
     * speed: the experiment's results.
     */
    public ColorizationResults evaluate(List<Decoding> decodings) {
        int n = config.evalImages();
        int s = config.samplesPerImage();
        List<Scores> scores = new ArrayList<>();
        try (NDManager m = manager.newSubManager()) {
            NDArray luma = test.luma().get(new NDIndex("0:{}", n)).repeat(0, s);
            NDArray mask = testScenes.ambiguousMask(m).get(new NDIndex("0:{}", n));
            NDArray maskFull = mask.repeat(0, s);
            NDArray maskLow = Chroma.down(mask, config.factor()).gte(0.5f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
            NDArray maskDet = maskLow.neg().add(1);
            for (Decoding d : decodings) {
                Variant v = variantOf(d.name());
                boolean likelihood = v != null && trained(v).model() instanceof LikelihoodModel;
                double bpd = likelihood ? testBitsPerDim(v, false) : Double.NaN;
                double bpdAmb = likelihood ? testBitsPerDim(v, true) : Double.NaN;
                NDArray lab = Lab.gamutClip(Chroma.recombine(luma, d.ab(), config.factor()));
                double sat = ColorMetrics.saturation(lab, null).mean().getFloat();
                double satAmb = ColorMetrics.saturation(lab, maskFull).mean().getFloat();
                NDArray abLab = Chroma.toLabUnits(d.ab());
                double divAmb = s > 1 ? ColorMetrics.diversity(abLab, s, maskLow) : Double.NaN;
                double divDet = s > 1 ? ColorMetrics.diversity(abLab, s, maskDet) : Double.NaN;
                ColorMetrics.ModeStats st = ColorMetrics.circleModes(abLab, s, testScenes.circleId(), config.side());
                scores.add(new Scores(d.name(), bpd, bpdAmb, sat, satAmb, divAmb, divDet, st.coherence(),
                        st.diverseShare(), d.msPerImage()));
            }
        }
        Trained pic = trained.get(Variant.PIC);
        return new ColorizationResults(config, seed, scores, pic == null ? OptionalDouble.empty()
                : OptionalDouble.of(pic.result().history().doubleColumn("examples_per_second").mean()));
    }

    private static Variant variantOf(String decodingName) {
        for (Variant v : Variant.values()) {
            if (decodingName.equals(v.label) || (v == Variant.PER_PIXEL && decodingName.startsWith(v.label + ","))) {
                return v;
            }
        }
        return null;
    }

    /** Sampling time at one chroma grid size: {@code passes} = side² sequential passes of f_theta. */
    public record CostPoint(int chromaSide, int passes, double msOneImage, double msPerImageBatched) {
    }

    /** Sampling time of one model over chroma grid sizes, one image at a time and in batches of {@code batch}. */
    public record SamplingCost(Variant variant, int batch, List<CostPoint> points) {
    }

    /**
     * Sampling cost of a trained PIC model against the chroma grid size (the model is fully convolutional,
     * so it runs at any size): h * w sequential passes of f_theta, batched over the images.
     */
    public SamplingCost samplingCost(Variant v, int[] chromaSides, int batch) {
        ChromaModel model = trained(v).model();
        ParameterStore ps = new ParameterStore(manager, false);
        List<CostPoint> points = new ArrayList<>();
        try (NDManager m = manager.newSubManager()) { // warm-up, so the first size is not charged for it
            Chroma.Batch b = Chroma.prepare(Scenes.generate(1, chromaSides[0] * config.factor(),
                    Seeds.stream(seed, "cost-warmup")).lab(m), config.factor());
            timeMs(model, ps, b.luma(), b.lumaLow());
        }
        for (int c : chromaSides) {
            Scenes.Set set = Scenes.generate(batch, c * config.factor(), Seeds.stream(seed, "cost-" + c));
            try (NDManager m = manager.newSubManager()) {
                Chroma.Batch b = Chroma.prepare(set.lab(m), config.factor());
                double one = timeMs(model, ps, b.luma().get("0:1"), b.lumaLow().get("0:1"));
                double many = timeMs(model, ps, b.luma(), b.lumaLow()) / batch;
                points.add(new CostPoint(c, c * c, one, many));
            }
        }
        return new SamplingCost(v, batch, points);
    }

    private static double timeMs(ChromaModel model, ParameterStore ps, NDArray luma, NDArray lumaLow) {
        long t0 = System.nanoTime();
        model.colorize(ps, luma, lumaLow, 1.0).close();
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Trainable parameters of every variant (freshly built, not trained), in {@link Variant} order. */
    public Map<Variant, Long> parameterCounts() {
        Map<Variant, Long> counts = new EnumMap<>(Variant.class);
        for (Variant v : Variant.values()) {
            ChromaModel m = newModel(v);
            counts.put(v, org.thesislab.core.ModelSummary.trainableParameters(m));
            m.getParameters().values().forEach(p -> p.getArray().close());
        }
        return counts;
    }

    @Override
    public void close() {
        manager.close();
    }
}
