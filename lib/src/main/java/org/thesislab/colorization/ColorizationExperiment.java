package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import org.knowm.xchart.XYChart;
import org.thesislab.core.Scale;
import org.thesislab.core.Threads;
import org.thesislab.core.Seeds;
import org.thesislab.core.ThesisVsHere;
import org.thesislab.core.data.TensorDataset;
import org.thesislab.core.train.Adam;
import org.thesislab.core.train.TrainingLoop;
import org.thesislab.viz.Images;
import org.thesislab.viz.Plots;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import static org.thesislab.core.nn.Scalars.times;

/**
 * The chapter's experiment (Sects. 3.2.4-3.2.5 on procedural scenes): train PIC, its ungated ablation,
 * the per-pixel mixture (e_phi alone) and the L2 regression baseline on the same data, then compare
 * likelihood (bits/dim), saturation, sample diversity and sampling cost. Called by the notebook and by
 * the reproduction test; sizes come from the {@link Config}.
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
     */
    public record Config(Scale scale, int side, int factor, int trainImages, int testImages, int epochs,
                         int batchSize, float learningRate, double decayPerStep, double polyakDecay, double embeddingWidth,
                         int embeddingBlocks, int decoderWidth, int decoderBlocks, int components,
                         int categoricalBins, int evalImages, int samplesPerImage) {
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
                    s.pick(2, 4, 4));                // samples drawn per image
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

    public Scenes.Set testScenes() {
        return testScenes;
    }

    public ColorizationExperiment quiet() {
        showProgress = false;
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

    /** Test bits/dim per epoch (and training bits/dim) of the likelihood models. */
    public XYChart nllCurves() {
        Map<String, double[]> series = new LinkedHashMap<>();
        for (Trained t : trained.values()) {
            if (t.model() instanceof LikelihoodModel) {
                series.put(t.variant().label + " (test)", t.result().history().doubleColumn("val_loss").asDoubleArray());
                series.put(t.variant().label + " (train)", t.result().history().doubleColumn("train_loss").asDoubleArray());
            }
        }
        return Plots.curves("Negative log-likelihood (Eq. 3.12)", "epoch", "bits / dim", series);
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

    /** The evaluation table: likelihood, saturation, diversity, coherence and sampling time per model. */
    public Table evaluate(List<Decoding> decodings) {
        int n = config.evalImages();
        int s = config.samplesPerImage();
        StringColumn model = StringColumn.create("model");
        DoubleColumn bpd = DoubleColumn.create("test bits/dim");
        DoubleColumn bpdAmb = DoubleColumn.create("test bits/dim, ambiguous objects");
        DoubleColumn sat = DoubleColumn.create("saturation %");
        DoubleColumn satAmb = DoubleColumn.create("saturation % (ambiguous objects)");
        DoubleColumn divAmb = DoubleColumn.create("sample spread, ambiguous (Lab)");
        DoubleColumn divDet = DoubleColumn.create("sample spread, determined (Lab)");
        DoubleColumn coh = DoubleColumn.create("object coherence");
        DoubleColumn diverse = DoubleColumn.create("objects with >1 colour over samples");
        DoubleColumn ms = DoubleColumn.create("ms / image");
        try (NDManager m = manager.newSubManager()) {
            NDArray luma = test.luma().get(new NDIndex("0:{}", n)).repeat(0, s);
            NDArray mask = testScenes.ambiguousMask(m).get(new NDIndex("0:{}", n));
            NDArray maskFull = mask.repeat(0, s);
            NDArray maskLow = Chroma.down(mask, config.factor()).gte(0.5f).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
            NDArray maskDet = maskLow.neg().add(1);
            for (Decoding d : decodings) {
                Variant v = variantOf(d.name());
                model.append(d.name());
                boolean likelihood = v != null && trained(v).model() instanceof LikelihoodModel;
                bpd.append(likelihood ? testBitsPerDim(v, false) : Double.NaN);
                bpdAmb.append(likelihood ? testBitsPerDim(v, true) : Double.NaN);
                NDArray lab = Lab.gamutClip(Chroma.recombine(luma, d.ab(), config.factor()));
                sat.append(ColorMetrics.saturation(lab, null).mean().getFloat());
                satAmb.append(ColorMetrics.saturation(lab, maskFull).mean().getFloat());
                NDArray abLab = Chroma.toLabUnits(d.ab());
                divAmb.append(s > 1 ? ColorMetrics.diversity(abLab, s, maskLow) : Double.NaN);
                divDet.append(s > 1 ? ColorMetrics.diversity(abLab, s, maskDet) : Double.NaN);
                ColorMetrics.ModeStats st = ColorMetrics.circleModes(abLab, s, testScenes.circleId(), config.side());
                coh.append(st.coherence());
                diverse.append(st.diverseShare());
                ms.append(d.msPerImage());
            }
        }
        return Table.create("colorization on held-out scenes", model, bpd, bpdAmb, sat, satAmb, divAmb, divDet, coh, diverse, ms);
    }

    private static Variant variantOf(String decodingName) {
        for (Variant v : Variant.values()) {
            if (decodingName.equals(v.label) || (v == Variant.PER_PIXEL && decodingName.startsWith(v.label + ","))) {
                return v;
            }
        }
        return null;
    }

    /**
     * Grayscale input, ground truth, then every model's decodings (all S samples of the sampling models)
     * for the first {@code maxRows} evaluation inputs.
     */
    public BufferedImage sampleGrid(List<Decoding> decodings, int maxRows) {
        int s = config.samplesPerImage();
        int rows = Math.min(maxRows, config.evalImages());
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        int columns = 0;
        try (NDManager m = manager.newSubManager()) {
            NDArray lumaFull = test.luma().get(new NDIndex("0:{}", rows));
            List<List<BufferedImage>> cols = new ArrayList<>();
            List<String> names = new ArrayList<>();
            NDArray gray = times(lumaFull, 50).add(50);
            NDArray grayLab = ai.djl.ndarray.NDArrays.concat(new NDList(gray, gray.zerosLike(), gray.zerosLike()), 1);
            cols.add(Images.fromBatch(Lab.toSrgb(grayLab)));
            names.add("input L");
            for (Decoding d : decodings) {
                boolean stochastic = !d.name().equals("ground truth") && !d.name().contains("MAP")
                        && !d.name().startsWith(Variant.L2.label);
                int take = stochastic ? Math.min(s, 3) : 1;
                for (int k = 0; k < take; k++) {
                    NDArray ab = d.ab().get(new NDIndex("{}:{}:{}", k, rows * s, s));
                    cols.add(Images.fromBatch(Lab.toSrgb(Chroma.recombine(lumaFull, ab, config.factor()))));
                    names.add(take > 1 ? shortName(d.name()) + " #" + (k + 1) : shortName(d.name()));
                }
            }
            columns = cols.size();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    images.add(cols.get(c).get(r));
                    captions.add(r == rows - 1 ? names.get(c) : null);
                }
            }
        }
        return Plots.imageGrid(images, captions, columns, Math.max(2, 96 / config.side()));
    }

    private static String shortName(String name) {
        return name.replace("per-pixel mixture", "per-pixel").replace("random samples", "sample")
                .replace("ground truth", "truth").replace("L2 regression", "L2").replace(", no gating", " no-gate");
    }

    /**
     * Sampling cost of a trained PIC model against the chroma grid size (the model is fully convolutional,
     * so it runs at any size): h * w sequential passes of f_theta, batched over the images.
     */
    public Table samplingCost(Variant v, int[] chromaSides, int batch) {
        ChromaModel model = trained(v).model();
        ParameterStore ps = new ParameterStore(manager, false);
        IntColumn side = IntColumn.create("chroma side");
        IntColumn calls = IntColumn.create("f_theta passes");
        DoubleColumn one = DoubleColumn.create("ms / image (batch 1)");
        DoubleColumn many = DoubleColumn.create("ms / image (batch " + batch + ")");
        try (NDManager m = manager.newSubManager()) { // warm-up, so the first size is not charged for it
            Chroma.Batch b = Chroma.prepare(Scenes.generate(1, chromaSides[0] * config.factor(),
                    Seeds.stream(seed, "cost-warmup")).lab(m), config.factor());
            timeMs(model, ps, b.luma(), b.lumaLow());
        }
        for (int c : chromaSides) {
            Scenes.Set set = Scenes.generate(batch, c * config.factor(), Seeds.stream(seed, "cost-" + c));
            try (NDManager m = manager.newSubManager()) {
                Chroma.Batch b = Chroma.prepare(set.lab(m), config.factor());
                side.append(c);
                calls.append(c * c);
                one.append(timeMs(model, ps, b.luma().get("0:1"), b.lumaLow().get("0:1")));
                many.append(timeMs(model, ps, b.luma(), b.lumaLow()) / batch);
            }
        }
        return Table.create("sampling cost of " + v.label, side, calls, one, many);
    }

    private static double timeMs(ChromaModel model, ParameterStore ps, NDArray luma, NDArray lumaLow) {
        long t0 = System.nanoTime();
        model.colorize(ps, luma, lumaLow, 1.0).close();
        return (System.nanoTime() - t0) / 1e6;
    }

    /** Parameter counts of every variant (freshly built, not trained). */
    public Table modelSizes() {
        StringColumn name = StringColumn.create("model");
        IntColumn params = IntColumn.create("parameters");
        for (Variant v : Variant.values()) {
            ChromaModel m = newModel(v);
            name.append(v.label);
            params.append((int) org.thesislab.core.ModelSummary.trainableParameters(m));
            m.getParameters().values().forEach(p -> p.getArray().close());
        }
        return Table.create("model sizes (" + config.describe() + ")", name, params);
    }

    /** The summary.json headline numbers from an evaluation table. */
    public Map<String, Double> headline(Table evaluation) {
        Map<String, Double> h = new LinkedHashMap<>();
        h.put("pixelcnn_nll_bpd", value(evaluation, Variant.PIC.label, "test bits/dim"));
        h.put("perpixel_nll_bpd", value(evaluation, Variant.PER_PIXEL.label + ", random samples", "test bits/dim"));
        h.put("pixelcnn_nogate_nll_bpd", value(evaluation, Variant.PIC_NO_GATE.label, "test bits/dim"));
        h.put("pixelcnn_ambiguous_nll_bpd", value(evaluation, Variant.PIC.label, "test bits/dim, ambiguous objects"));
        h.put("perpixel_ambiguous_nll_bpd", value(evaluation, Variant.PER_PIXEL.label + ", random samples", "test bits/dim, ambiguous objects"));
        h.put("pixelcnn_saturation", value(evaluation, Variant.PIC.label, "saturation %"));
        h.put("l2_saturation", value(evaluation, Variant.L2.label, "saturation %"));
        h.put("perpixel_map_saturation", value(evaluation, Variant.PER_PIXEL.label + ", MAP", "saturation %"));
        h.put("ground_truth_saturation", value(evaluation, "ground truth", "saturation %"));
        h.put("pixelcnn_ambiguous_saturation", value(evaluation, Variant.PIC.label, "saturation % (ambiguous objects)"));
        h.put("l2_ambiguous_saturation", value(evaluation, Variant.L2.label, "saturation % (ambiguous objects)"));
        h.put("pixelcnn_sample_diversity", value(evaluation, Variant.PIC.label, "sample spread, ambiguous (Lab)"));
        h.put("pixelcnn_object_coherence", value(evaluation, Variant.PIC.label, "object coherence"));
        h.put("perpixel_object_coherence", value(evaluation, Variant.PER_PIXEL.label + ", random samples", "object coherence"));
        h.put("sample_ms_per_image", value(evaluation, Variant.PIC.label, "ms / image"));
        Trained pic = trained.get(Variant.PIC);
        if (pic != null) {
            h.put("train_images_per_second", pic.result().history().doubleColumn("examples_per_second").mean());
        }
        return h;
    }

    /** The thesis' numbers beside ours. */
    public ThesisVsHere thesisVsHere(Table evaluation) {
        String here = config.describe();
        return new ThesisVsHere("Thesis vs here")
                .row("NLL bits/dim, PIC", 2.72, "CIFAR-10 test, chroma 16x16", value(evaluation, "PIC", "test bits/dim"), here)
                .row("NLL bits/dim, PIC without gating", 2.78, "CIFAR-10 (ablation)", value(evaluation, Variant.PIC_NO_GATE.label, "test bits/dim"), here)
                .row("NLL bits/dim, per-pixel (e_phi only)", Double.NaN, "not reported", value(evaluation, Variant.PER_PIXEL.label + ", random samples", "test bits/dim"), here)
                .row("saturation %, PIC samples", 36.4, "ILSVRC val, 1000 samples", value(evaluation, "PIC", "saturation %"), here)
                .row("saturation %, e_phi MAP", 32.7, "ILSVRC val, fine-tuned e_phi", value(evaluation, Variant.PER_PIXEL.label + ", MAP", "saturation %"), here)
                .row("saturation %, L2 regression", Double.NaN, "not reported", value(evaluation, Variant.L2.label, "saturation %"), here)
                .row("saturation %, ground truth", Double.NaN, "not reported", value(evaluation, "ground truth", "saturation %"), here);
    }

    /** A value of the evaluation table by model name and column; NaN if the model was not evaluated. */
    public static double value(Table evaluation, String modelName, String column) {
        StringColumn names = evaluation.stringColumn("model");
        for (int i = 0; i < evaluation.rowCount(); i++) {
            if (names.get(i).equals(modelName)) {
                return evaluation.doubleColumn(column).get(i);
            }
        }
        return Double.NaN;
    }

    @Override
    public void close() {
        manager.close();
    }
}
