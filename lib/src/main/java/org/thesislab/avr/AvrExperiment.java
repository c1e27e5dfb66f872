package org.thesislab.avr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import ai.djl.training.evaluator.Accuracy;
import org.thesislab.core.Scale;
import org.thesislab.core.Threads;
import org.thesislab.core.Seeds;
import org.thesislab.core.data.TensorDataset;
import org.thesislab.core.train.Adam;
import org.thesislab.core.train.Checkpoints;
import org.thesislab.core.train.Optimizer;
import org.thesislab.core.train.Sgd;
import org.thesislab.core.train.TrainingListener;
import org.thesislab.core.train.TrainingLoop;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * The experiment of §2.6 for one benchmark and one held-out setting: generate Y_train / Y_heldout data,
 * train each model on Y_train, and measure accuracy on fresh Y_train and on Y_heldout sequences (Table 2.2),
 * obliviousness (2.4) and the I(f_p; v_p') matrix with its MIG (Tables 2.3, 2.4). {@link #run(Config, long,
 * Checkpoints)} does it all for the benchmark, setting and models a {@link Config} names; the notebook and the
 * headline test call it with sizes taken from the {@link Scale}.
 */
public final class AvrExperiment {

    private AvrExperiment() {
    }

    /**
     * Which experiment (benchmark, held-out setting, models), sizes and optimisation. The thesis gives only the data
     * sizes (100k / 10k / 50k, §2.3) and, for -co, "Momentum SGD" with a domain-loss weight slowly increased from 0
     * (§2.6); the rest is this reproduction's choice.
     *
     * @param benchmark      the benchmark of Table 2.2 the experiment runs on
     * @param heldOutSetting the held-out setting, 0..2 (the thesis' settings 1..3; {@link Benchmark.Variant#heldOut})
     * @param models         the models trained, in this order, each from scratch on the same data
     * @param learningRate   Adam's learning rate (all models but the -co ones)
     * @param coLearningRate mu0 of the -co models' momentum SGD, annealed as mu0 / (1 + 10 t)^0.75 (the thesis'
     *                       "same training scheme" as Ganin et al.); 0 trains them with Adam like the others
     * @param lambdaMax      final gradient-reversal weight of the -co models (reached by Ganin's ramp)
     * @param oracleWeight   weight of the oracles' value regression
     * @param metricCount    sequences of every rationale (train and held-out) for the information metrics
     */
    public record Config(Benchmark.Variant benchmark, int heldOutSetting, List<RationaleModel.Kind> models,
                         int imageSize, int trainCount, int validationCount, int testCount, int metricCount,
                         int epochs, int batchSize, float learningRate, float lambdaMax, float oracleWeight,
                         float coLearningRate, RationaleModel.Sizes sizes) {

        public Config {
            models = List.copyOf(models);
        }

        /** 3DS, held-out setting 1, seven of the eight models of Table 2.2. */
        public static Config forScale(Scale scale) {
            return new Config(
                    Benchmark.Variant.SHAPES_3D,      // Table 2.2, left columns
                    0,                                // held-out setting 1 of the thesis' three
                    List.of(RationaleModel.Kind.CNN, RationaleModel.Kind.RN, RationaleModel.Kind.CNN_C,
                            RationaleModel.Kind.RN_C, RationaleModel.Kind.CNN_CO, RationaleModel.Kind.RN_CO,
                            RationaleModel.Kind.CNN_STAR_C), // Table 2.2's models but CNN* (an exercise)
                    scale.pick(16, 16, 64),           // panel side in px: not given by the thesis; 16 px keeps CPU runs short
                    scale.pick(1000, 8000, 100_000),  // training sequences (thesis: 100k, §2.3)
                    scale.pick(200, 1000, 10_000),    // validation sequences (thesis: 10k, §2.3)
                    scale.pick(200, 2000, 50_000),    // test sequences per split (thesis: 50k, §2.3)
                    scale.pick(250, 1000, 5000),      // sequences per rationale for the information metrics (Tables 2.3-2.4)
                    scale.pick(2, 15, 30),            // epochs: not given by the thesis; the loss flattens by 15 at quick
                    64,                               // batch: not given by the thesis
                    1e-3f,                            // Adam's learning rate: not given (tuned on validation in the thesis)
                    1.0f,                             // final gradient-reversal weight of -co (Ganin's ramp from 0, §2.6)
                    10f,                              // weight of the oracles' value regression: this reproduction's choice
                    0.02f,                            // -co: momentum SGD as in the thesis (§2.6), mu0 with Ganin's annealing
                    RationaleModel.Sizes.small());    // layer widths: not given by the thesis (RationaleModel.Sizes)
        }

        /**
         * Raven without distractors, held-out setting 1, the same models: 32 px grey images (24 px is the renderer's
         * minimum); fewer, costlier steps at 'quick'.
         */
        public static Config ravenForScale(Scale scale) {
            Config c = forScale(scale);
            return new Config(Benchmark.Variant.RAVEN, c.heldOutSetting(), c.models(), scale.pick(32, 32, 64),
                    scale.pick(1000, 6000, 100_000), c.validationCount(), c.testCount(), c.metricCount(),
                    scale.pick(2, 8, 30), c.batchSize(), c.learningRate(), c.lambdaMax(), c.oracleWeight(),
                    c.coLearningRate(), c.sizes());
        }

        /** The same Raven experiment with distractors (Table 2.2, right columns): the same held-out sets. */
        public Config withDistractors() {
            if (benchmark == Benchmark.Variant.SHAPES_3D) {
                throw new IllegalStateException("only Raven has a variant with distractors (in 3DS every other property is one)");
            }
            return new Config(Benchmark.Variant.RAVEN_DISTRACTORS, heldOutSetting, models, imageSize, trainCount,
                    validationCount, testCount, metricCount, epochs, batchSize, learningRate, lambdaMax, oracleWeight,
                    coLearningRate, sizes);
        }

        /** Held-out setting {@code s} (0..2) instead. */
        public Config withHeldOutSetting(int s) {
            return new Config(benchmark, s, models, imageSize, trainCount, validationCount, testCount, metricCount,
                    epochs, batchSize, learningRate, lambdaMax, oracleWeight, coLearningRate, sizes);
        }

        /** Trains these models instead, in this order. */
        public Config withModels(RationaleModel.Kind... kinds) {
            return new Config(benchmark, heldOutSetting, List.of(kinds), imageSize, trainCount, validationCount,
                    testCount, metricCount, epochs, batchSize, learningRate, lambdaMax, oracleWeight, coLearningRate, sizes);
        }

        public Config withEpochs(int e) {
            return new Config(benchmark, heldOutSetting, models, imageSize, trainCount, validationCount, testCount,
                    metricCount, e, batchSize, learningRate, lambdaMax, oracleWeight, coLearningRate, sizes);
        }

        public Config withLambdaMax(float l) {
            return new Config(benchmark, heldOutSetting, models, imageSize, trainCount, validationCount, testCount,
                    metricCount, epochs, batchSize, learningRate, l, oracleWeight, coLearningRate, sizes);
        }

        /** Adam's learning rate, and the -co models' SGD mu0 (0: they use Adam too). */
        public Config withOptimizer(float adamLr, float coSgdLr) {
            return new Config(benchmark, heldOutSetting, models, imageSize, trainCount, validationCount, testCount,
                    metricCount, epochs, batchSize, adamLr, lambdaMax, oracleWeight, coSgdLr, sizes);
        }

        public Config withImageSize(int size) {
            return new Config(benchmark, heldOutSetting, models, size, trainCount, validationCount, testCount,
                    metricCount, epochs, batchSize, learningRate, lambdaMax, oracleWeight, coLearningRate, sizes);
        }

        public Config withTrainCount(int n) {
            return new Config(benchmark, heldOutSetting, models, imageSize, n, validationCount, testCount,
                    metricCount, epochs, batchSize, learningRate, lambdaMax, oracleWeight, coLearningRate, sizes);
        }
    }

    /** The datasets of one held-out setting: all generated from disjoint seeds. */
    public record Data(Benchmark benchmark, HeldOut split, AvrDataset train, AvrDataset validation,
                       AvrDataset testTrain, AvrDataset testHeldOut, AvrDataset metric, double generationSeconds) {

        /** The data of the benchmark and held-out setting that {@code cfg} names, at its image size. */
        public static Data generate(Config cfg, long seed) {
            Benchmark b = cfg.benchmark().at(cfg.imageSize());
            return generate(b, cfg.benchmark().heldOut(b.universe(), cfg.heldOutSetting()), cfg, seed);
        }

        public static Data generate(Benchmark b, HeldOut split, Config cfg, long seed) {
            long t0 = System.nanoTime();
            AvrDataset train = b.generate(split.train(), cfg.trainCount(), Seeds.derive(seed, 1));
            AvrDataset val = b.generate(split.train(), cfg.validationCount(), Seeds.derive(seed, 2));
            AvrDataset testTrain = b.generate(split.train(), cfg.testCount(), Seeds.derive(seed, 3));
            AvrDataset testHeld = b.generate(split.heldOut(), cfg.testCount(), Seeds.derive(seed, 4));
            AvrDataset metric = b.generate(b.universe().rationales(), cfg.metricCount(), Seeds.derive(seed, 5));
            return new Data(b, split, train, val, testTrain, testHeld, metric, (System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * What one trained model scores.
     *
     * @param heldOutPredictions predicted class of every Y_heldout test sequence
     * @param domainAccuracy     accuracy of the pairwise domain classifiers on test images (-co models; NaN otherwise)
     * @param obliviousness      I[Z_{r,P}; P] (2.4), mean over rules (NaN for the unsystematic CNN)
     * @param informativeness    I(f_q; v_p) [p][q] (2.6), rows = values, columns = code blocks
     * @param invariance         H[f_p | v_p] (2.5) per property
     */
    public record Outcome(RationaleModel.Kind kind, Table history, double trainAccuracy, double heldOutAccuracy,
                          int[] heldOutPredictions, double domainAccuracy, double obliviousness,
                          double[] obliviousnessPerRule, double[][] informativeness, double[] invariance, double mig,
                          long parameters, double seconds) {
    }

    /**
     * The experiment {@code cfg} names: generates its data, trains and evaluates each of {@code cfg.models()} in turn
     * with a progress bar each ({@link #run(RationaleModel.Kind, Data, Config, long, boolean, Checkpoints)}), then
     * the diagnostics of a perfect encoder ({@link #trueValueAccuracy}, {@link #groundTruthObliviousness}). With
     * checkpoints, running it again after an interrupt resumes each model from its last completed epoch.
     */
    public static AvrResults run(Config cfg, long seed, Checkpoints checkpoints) {
        Data data = Data.generate(cfg, seed);
        var outcomes = new java.util.LinkedHashMap<RationaleModel.Kind, Outcome>();
        for (RationaleModel.Kind k : cfg.models()) {
            outcomes.put(k, run(k, data, cfg, seed, true, checkpoints));
        }
        return new AvrResults(cfg, seed, data.benchmark().name(), data.split(), data.testHeldOut().labels(), outcomes,
                trueValueAccuracy(data, cfg, seed), groundTruthObliviousness(data.metric(), seed));
    }

    /** Trains {@code kind} on {@code data.train()} (checkpoints in a folder named by the benchmark and model) and evaluates it. */
    public static Outcome run(RationaleModel.Kind kind, Data data, Config cfg, long seed, boolean progress,
                              Checkpoints checkpoints) {
        try (NDManager manager = NDManager.newBaseManager()) {
            return run(kind, data, cfg, seed, progress, checkpoints, (epoch, row, history) -> { }, manager);
        }
    }

    /** {@link #run}, telling {@code listener} about every epoch, with the model and its training in {@code manager}. */
    static Outcome run(RationaleModel.Kind kind, Data data, Config cfg, long seed, boolean progress,
                       Checkpoints checkpoints, TrainingListener listener, NDManager manager) {
        Universe u = data.benchmark().universe();
        int n = data.train().length();
        long t0 = System.nanoTime();
        Threads.configure();
        Seeds.seedEngine(seed);
        RationaleModel model = new RationaleModel(kind, u, n, cfg.sizes())
                .initialize(manager, data.train().channels(), data.train().size());
        RationaleLoss loss = new RationaleLoss(u, kind.oracle() ? cfg.oracleWeight() : 0f);
        boolean sgd = kind.adversarial() && cfg.coLearningRate() > 0;
        Optimizer optimizer = sgd ? new Sgd(cfg.coLearningRate(), 0.9f, 0f) : new Adam(cfg.learningRate());
        TrainingLoop.Builder loop = TrainingLoop.builder(model, loss, optimizer, manager)
                .batchSize(cfg.batchSize()).epochs(cfg.epochs()).seed(seed)
                .metric(new Accuracy()).progress(progress, kind.label())
                .checkpoints(checkpoints.forModel(data.benchmark().name() + " " + kind.label())).listener(listener);
        if (kind.adversarial()) {
            // Ganin et al.: the reversal weight ramps from 0 to lambdaMax, per step
            model.rampReversal(cfg.lambdaMax(), (long) cfg.epochs() * data.train().count() / cfg.batchSize(), optimizer::steps);
            if (sgd) {
                // and the learning rate anneals as mu0 / (1 + 10 t)^0.75
                loop.listener((epoch, row, history) -> optimizer.setLearningRate(
                        (float) (cfg.coLearningRate() / Math.pow(1 + 10.0 * epoch / cfg.epochs(), 0.75))));
            }
        }
        TrainingLoop.Result result;
        try (TensorDataset train = tensors(data.train(), manager); TensorDataset val = tensors(data.validation(), manager)) {
            result = loop.build().fit(train, val);
        }
        ParameterStore store = new ParameterStore(manager, false);
        int[] trainPred = predict(model, store, data.testTrain(), manager, cfg.batchSize());
        int[] heldPred = predict(model, store, data.testHeldOut(), manager, cfg.batchSize());
        double domainAcc = Double.NaN;
        double obl = Double.NaN;
        double[] oblPerRule = new double[0];
        double[][] info = new double[0][];
        double[] inv = new double[0];
        double mig = Double.NaN;
        if (kind.systematic()) {
            float[] codes = codes(model, store, data.metric(), manager, cfg.batchSize());
            oblPerRule = obliviousness(data.metric(), codes, model.codeDim(), seed);
            obl = java.util.Arrays.stream(oblPerRule).average().orElse(Double.NaN);
            info = informativeness(data.metric(), codes, model.codeDim(), seed);
            inv = invariance(data.metric(), codes, model.codeDim());
            double[] h = new double[u.numProperties()];
            for (int p = 0; p < h.length; p++) {
                h[p] = Information.labelEntropy(imageValues(data.metric(), p));
            }
            mig = Information.mig(info, h);
            if (kind.adversarial()) {
                domainAcc = domainAccuracy(model, store, data.testTrain(), manager, cfg.batchSize());
            }
        }
        return new Outcome(kind, result.history(), accuracy(trainPred, data.testTrain().labels()),
                accuracy(heldPred, data.testHeldOut().labels()), heldPred, domainAcc, obl, oblPerRule, info, inv,
                mig, model.parameterCount(), (System.nanoTime() - t0) / 1e9);
    }

    static TensorDataset tensors(AvrDataset d, NDManager manager) {
        return new TensorDataset(new NDList(d.imagesArray(manager)),
                new NDList(d.labelsArray(manager), d.oracleTargets(manager)));
    }

    /** argmax over all |R x P| logits (forbidden rationales are never predicted: their logits are masked). */
    public static int[] predict(RationaleModel model, ParameterStore store, AvrDataset d, NDManager manager, int batch) {
        int[] out = new int[d.count()];
        try (NDManager scope = manager.newSubManager(); TensorDataset t = tensors(d, scope)) {
            for (int from = 0; from < d.count(); from += batch) {
                try (NDManager step = scope.newSubManager()) {
                    TensorDataset.Batch b = t.slice(step, from, Math.min(d.count(), from + batch));
                    NDArray logits = model.forward(store, b.features(), false).head();
                    long[] arg = logits.argMax(1).toLongArray();
                    for (int i = 0; i < arg.length; i++) {
                        out[from + i] = (int) arg[i];
                    }
                }
            }
        }
        return out;
    }

    /** The per-image codes f(x) of every image, flattened as (N, n, P, d). */
    public static float[] codes(RationaleModel model, ParameterStore store, AvrDataset d, NDManager manager, int batch) {
        int per = d.length() * d.universe().numProperties() * model.codeDim();
        float[] out = new float[d.count() * per];
        try (NDManager scope = manager.newSubManager(); TensorDataset t = tensors(d, scope)) {
            for (int from = 0; from < d.count(); from += batch) {
                try (NDManager step = scope.newSubManager()) {
                    TensorDataset.Batch b = t.slice(step, from, Math.min(d.count(), from + batch));
                    float[] c = model.forward(store, b.features(), false).get(1).toFloatArray();
                    System.arraycopy(c, 0, out, from * per, c.length);
                }
            }
        }
        return out;
    }

    private static double domainAccuracy(RationaleModel model, ParameterStore store, AvrDataset d, NDManager manager, int batch) {
        double sum = 0;
        int count = 0;
        try (NDManager scope = manager.newSubManager(); TensorDataset t = tensors(d, scope)) {
            for (int from = 0; from < d.count(); from += batch) {
                try (NDManager step = scope.newSubManager()) {
                    TensorDataset.Batch b = t.slice(step, from, Math.min(d.count(), from + batch));
                    NDArray codes = model.forward(store, b.features(), false).get(1);
                    sum += RationaleLoss.domainAccuracy(model.domainLogits(store, codes, false)) * b.size();
                    count += b.size();
                }
            }
        }
        return sum / count;
    }

    public static double accuracy(int[] predicted, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += predicted[i] == labels[i] ? 1 : 0;
        }
        return right / (double) labels.length;
    }

    /**
     * I[Z_{r,P}; P] (2.4) for every rule r: Z_{r,p} = [f_p(x^1)..f_p(x^n)] over the sequences with
     * rationale (r, p), labelled p, pooled over p (Ross' estimator, k = 3).
     */
    public static double[] obliviousness(AvrDataset d, float[] codes, int codeDim, long seed) {
        Universe u = d.universe();
        int n = d.length();
        int numP = u.numProperties();
        double[] out = new double[u.numRules()];
        for (int r = 0; r < u.numRules(); r++) {
            List<float[]> z = new ArrayList<>();
            List<Integer> label = new ArrayList<>();
            for (int i = 0; i < d.count(); i++) {
                Rationale rat = d.rationale(i);
                if (rat.rule() != r) {
                    continue;
                }
                int p = rat.property();
                float[] zi = new float[n * codeDim];
                for (int panel = 0; panel < n; panel++) {
                    System.arraycopy(codes, ((i * n + panel) * numP + p) * codeDim, zi, panel * codeDim, codeDim);
                }
                z.add(zi);
                label.add(p);
            }
            out[r] = Information.mutualInformation(flatten(z), n * codeDim, label.stream().mapToInt(Integer::intValue).toArray(), Information.K, seed);
        }
        return out;
    }

    /**
     * Y_train and Y_heldout accuracy of the consistent reasoning module trained on the true abstract values
     * ({@link ValueReasoner}): what CNN*-c would reach with a perfect encoder.
     */
    public static double[] trueValueAccuracy(Data data, Config cfg, long seed) {
        Threads.configure();
        Seeds.seedEngine(seed);
        Universe u = data.benchmark().universe();
        try (NDManager manager = NDManager.newBaseManager()) {
            ValueReasoner phi = new ValueReasoner(u, data.train().length(), cfg.sizes().headHidden()).initialize(manager);
            TrainingLoop loop = TrainingLoop.builder(phi, new RationaleLoss(u, 0f), new Adam(cfg.learningRate()), manager)
                    .batchSize(cfg.batchSize()).epochs(cfg.epochs()).seed(seed).progress(false, "true values").build();
            try (TensorDataset train = valueTensors(data.train(), manager)) {
                loop.fit(train, null);
            }
            ParameterStore store = new ParameterStore(manager, false);
            double[] out = new double[2];
            AvrDataset[] sets = {data.testTrain(), data.testHeldOut()};
            for (int s = 0; s < 2; s++) {
                try (NDManager scope = manager.newSubManager()) {
                    NDArray logits = phi.forward(store, new NDList(sets[s].oracleTargets(scope)), false).head();
                    long[] arg = logits.argMax(1).toLongArray();
                    int[] pred = new int[arg.length];
                    for (int i = 0; i < arg.length; i++) {
                        pred[i] = (int) arg[i];
                    }
                    out[s] = accuracy(pred, sets[s].labels());
                }
            }
            return out;
        }
    }

    private static TensorDataset valueTensors(AvrDataset d, NDManager manager) {
        NDArray targets = d.oracleTargets(manager);
        return new TensorDataset(new NDList(targets), new NDList(d.labelsArray(manager), targets));
    }

    /**
     * Obliviousness (2.4) of the true abstract values used as codes (the oracle's targets): how much a
     * perfect oracle encoder would still reveal of the property, through the values' distributions alone.
     */
    public static double groundTruthObliviousness(AvrDataset d, long seed) {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] codes = d.oracleTargets(m).toFloatArray();
            return java.util.Arrays.stream(obliviousness(d, codes, d.universe().oracleDim(), seed)).average().orElse(Double.NaN);
        }
    }

    /** I(f_q(x); v_p) (2.6) over single images: [p][q], rows = values, columns = code blocks. */
    public static double[][] informativeness(AvrDataset d, float[] codes, int codeDim, long seed) {
        int numP = d.universe().numProperties();
        int[][] values = new int[numP][];
        for (int p = 0; p < numP; p++) {
            values[p] = imageValues(d, p);
        }
        double[][] out = new double[numP][numP];
        for (int q = 0; q < numP; q++) {
            double[] column = Information.mutualInformation(block(d, codes, codeDim, q), codeDim, values, Information.K, seed);
            for (int p = 0; p < numP; p++) {
                out[p][q] = column[p];
            }
        }
        return out;
    }

    /** H[f_p(x) | v_p] (2.5) = sum_v P(v) H(f_p | v_p = v), Kozachenko-Leonenko per value. */
    public static double[] invariance(AvrDataset d, float[] codes, int codeDim) {
        int numP = d.universe().numProperties();
        double[] out = new double[numP];
        for (int p = 0; p < numP; p++) {
            float[] f = block(d, codes, codeDim, p);
            int[] v = imageValues(d, p);
            java.util.Map<Integer, List<Integer>> byValue = new java.util.TreeMap<>();
            for (int i = 0; i < v.length; i++) {
                byValue.computeIfAbsent(v[i], k -> new ArrayList<>()).add(i);
            }
            double h = 0;
            int used = 0;
            for (List<Integer> idx : byValue.values()) {
                if (idx.size() <= Information.K) {
                    continue;
                }
                float[] sub = new float[idx.size() * codeDim];
                for (int j = 0; j < idx.size(); j++) {
                    System.arraycopy(f, idx.get(j) * codeDim, sub, j * codeDim, codeDim);
                }
                h += idx.size() * Information.entropy(sub, codeDim, Information.K);
                used += idx.size();
            }
            out[p] = used == 0 ? Double.NaN : h / used;
        }
        return out;
    }

    /** v_p of every image of the dataset (N * n labels). */
    static int[] imageValues(AvrDataset d, int p) {
        int images = d.count() * d.length();
        int[] v = new int[images];
        for (int img = 0; img < images; img++) {
            v[img] = d.values()[img * d.universe().numProperties() + p];
        }
        return v;
    }

    private static float[] block(AvrDataset d, float[] codes, int codeDim, int p) {
        int images = d.count() * d.length();
        int numP = d.universe().numProperties();
        float[] f = new float[images * codeDim];
        for (int img = 0; img < images; img++) {
            System.arraycopy(codes, (img * numP + p) * codeDim, f, img * codeDim, codeDim);
        }
        return f;
    }

    private static float[] flatten(List<float[]> rows) {
        int dim = rows.isEmpty() ? 0 : rows.get(0).length;
        float[] out = new float[rows.size() * dim];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, out, i * dim, dim);
        }
        return out;
    }
}
