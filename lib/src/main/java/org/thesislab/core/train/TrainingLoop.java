package org.thesislab.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.loss.Loss;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.thesislab.core.Progress;
import org.thesislab.core.Seeds;
import org.thesislab.core.data.BatchSource;
import org.thesislab.core.data.TensorDataset;
import tech.tablesaw.api.Table;

/**
 * The one training loop every chapter uses: seeded shuffled mini-batches (from a {@link TensorDataset}, or any
 * {@link BatchSource} that draws its batches afresh each epoch), a DJL block and loss, an {@link Optimizer},
 * per-epoch metrics into a Tablesaw table, validation with early stopping (the best epoch's weights are restored),
 * checkpoints with exact resume, a guard against NaN/Inf losses, and a per-batch hook that sees the predictions and
 * logs named loss terms of its own ({@link BatchHook}; ODGI's second stage trains there, declared with
 * {@link Builder#alsoTrains} so that checkpoints hold it). Besides a block it trains plain arrays under a forward
 * function ({@link Forward}: flex-tuning's units and scale-shift parameters), scored by a validation of the caller's
 * ({@link Builder#validation(Supplier)}) within a budget of steps ({@link Builder#maxSteps}).
 *
 * <p>Early stopping and checkpoints are listeners ({@code EarlyStopping}, {@code Checkpointing}), called after each
 * epoch before the caller's own ({@link TrainingListener}, as DJL's listeners); any listener can end training before
 * an epoch ({@link TrainingListener#stopBefore}). The NaN/Inf guard is in the step ({@link TrainingStep}), so that a
 * diverged batch updates nothing.
 *
 * <p>Epoch e shuffles with {@code Seeds.derive(seed, e)} and re-seeds the engine with it, so a run resumed
 * after epoch e continues exactly as the uninterrupted run would; the caller's listeners are first told the restored
 * epochs, so that their curves and records are whole. Each step runs inside its own
 * {@link NDManager} scope, so native memory stays flat across epochs. With {@link Builder#polyakAveraging}
 * validation, early stopping and the block that {@link #fit} leaves behind use the averaged weights.
 */
public final class TrainingLoop {
    /** Null when the loop trains {@link #arrays} under {@link #forward}. */
    private final Block block;
    private final Forward forward;
    private final List<NDArray> arrays;
    private final Loss loss;
    private final Optimizer optimizer;
    private final NDManager manager;
    private final int batchSize;
    private final int epochs;
    private final long seed;
    private final List<Evaluator> evaluators;
    private final String monitor;
    private final boolean maximize;
    private final int patience;
    private final Path checkpointDir;
    private final boolean showProgress;
    private final String title;
    private final List<TrainingListener> listeners;
    private final double polyakDecay;
    private final BatchHook afterStep;
    private final List<Checkpoint.Part> alsoTrained;
    private final Supplier<Map<String, Double>> validator;
    private final int maxSteps;
    private final String errorHint;

    private TrainingLoop(Builder b) {
        this.block = b.block;
        this.forward = b.forward;
        this.arrays = b.arrays;
        this.loss = b.loss;
        this.optimizer = b.optimizer;
        this.manager = b.manager;
        this.batchSize = b.batchSize;
        this.epochs = b.epochs;
        this.seed = b.seed;
        this.evaluators = List.copyOf(b.evaluators);
        this.monitor = b.monitor;
        this.maximize = b.maximize;
        this.patience = b.patience;
        this.checkpointDir = b.checkpointDir;
        this.showProgress = b.showProgress;
        this.title = b.title;
        this.listeners = List.copyOf(b.listeners);
        this.polyakDecay = b.polyakDecay;
        this.afterStep = b.afterStep;
        this.alsoTrained = List.copyOf(b.alsoTrained);
        this.validator = b.validator;
        this.maxSteps = b.maxSteps;
        this.errorHint = b.errorHint;
    }

    /**
     * @param block an initialized block whose parameters live in {@code manager}
     * @param loss the training objective (labels, predictions) -> scalar
     */
    public static Builder builder(Block block, Loss loss, Optimizer optimizer, NDManager manager) {
        return new Builder(Objects.requireNonNull(block, "block"), null, null, loss, optimizer, manager);
    }

    /**
     * A loop that updates plain arrays: {@code forward} computes the predictions from a batch's features using
     * {@code trainable} (and frozen arrays of its own).
     */
    public static Builder builder(Forward forward, List<NDArray> trainable, Loss loss, Optimizer optimizer, NDManager manager) {
        return new Builder(null, Objects.requireNonNull(forward, "forward"), List.copyOf(trainable), loss, optimizer, manager);
    }

    /** The forward pass of a model whose trained arrays are not a DJL block's parameters. */
    @FunctionalInterface
    public interface Forward {
        NDList forward(NDList features, boolean training);
    }

    /** The outcome of {@link #fit}: the per-epoch table and where the best epoch was. */
    public record Result(Table history, int bestEpoch, double bestScore, int epochsRun, double seconds) {
        /** The last value of a history column (e.g. "val_Accuracy"). */
        public double last(String column) {
            return history.doubleColumn(column).get(history.rowCount() - 1);
        }
    }

    /** Trains on {@code train}; {@code validation} may be null (then no early stopping). */
    public Result fit(BatchSource train, TensorDataset validation) {
        if (monitor != null && validation == null && validator == null) {
            throw new IllegalArgumentException("Early stopping monitors '" + monitor + "' but no validation set was given.");
        }
        List<Parameter> parameters = block == null ? List.of() : trainable();
        if (block == null ? arrays.isEmpty() : parameters.isEmpty()) {
            throw new IllegalStateException("The model has no trainable parameters: initialize it first, or unfreeze a unit.");
        }
        ParameterStore store = new ParameterStore(manager, false);
        List<Map<String, Double>> history = new ArrayList<>();
        Checkpoint.Part model = block == null ? Checkpoint.Part.ofArrays(arrays, optimizer)
                : Checkpoint.Part.ofBlock(block, parameters, optimizer);
        EarlyStopping stopping = monitor == null ? null : new EarlyStopping(monitor, maximize, patience, model::weights);
        List<Checkpoint.Part> parts = new ArrayList<>(List.of(model));
        parts.addAll(alsoTrained);
        // Polyak averaging: the arrays not in the block (the raw weights, while the block holds the averages after an
        // epoch) are checkpointed too; they start as copies of the initial weights.
        List<NDArray> polyakOther = Double.isNaN(polyakDecay) ? null : PolyakAverage.copies(trainedArrays(parameters));
        if (polyakOther != null) {
            parts.add(Checkpoint.Part.ofArrays(polyakOther, null));
        }
        Checkpointing checkpoints = checkpointDir == null ? null
                : new Checkpointing(checkpointDir, parts, stopping, history);
        int startEpoch = 1 + (checkpoints == null ? 0 : checkpoints.resume(manager));
        int stepsPerEpoch = train.batchCount(batchSize);
        int[] stepsTaken = {(int) Math.min((long) (startEpoch - 1) * stepsPerEpoch, maxSteps)};
        if (startEpoch > 1) {
            train.resumeAfter(startEpoch - 1, stepsTaken[0]);
            for (int e = 1; e < startEpoch; e++) {
                for (TrainingListener l : listeners) {
                    l.onEpochEnd(e, history.get(e - 1), toTable(history.subList(0, e)));
                }
            }
        }
        List<TrainingListener> all = new ArrayList<>();
        if (stopping != null) {
            all.add(stopping);
        }
        if (checkpoints != null) {
            all.add(checkpoints);
        }
        all.addAll(listeners);
        TrainingStep step = block == null ? TrainingStep.ofArrays(title, optimizer, arrays)
                : TrainingStep.ofParameters(title, optimizer, parameters);
        step.resumeHint(errorHint);
        long t0 = System.nanoTime();
        int epochsRun = startEpoch - 1;
        try (Progress bar = showProgress ? Progress.start(title, Math.min((long) epochs * stepsPerEpoch, maxSteps)) : null;
             PolyakAverage average = polyakOther == null ? null
                     : new PolyakAverage(trainedArrays(parameters), polyakOther, startEpoch > 1, polyakDecay)) {
            if (bar != null) {
                bar.update((long) (startEpoch - 1) * stepsPerEpoch, startEpoch > 1 ? "resumed after epoch " + (startEpoch - 1) : "");
            }
            for (int epoch = startEpoch; epoch <= epochs; epoch++) {
                if (stepsTaken[0] >= maxSteps) {
                    break;
                }
                String stop = null;
                for (int k = 0; k < all.size() && stop == null; k++) {
                    stop = all.get(k).stopBefore(epoch);
                }
                if (stop != null) {
                    if (bar != null) {
                        bar.finishEarly(String.format("stopped early after epoch %d of %d: %s", epoch - 1, epochs, stop));
                    }
                    break;
                }
                if (checkpoints != null) {
                    step.resumeHint(epoch > 1
                            ? "Run the same training again to resume after epoch " + (epoch - 1) + " (" + checkpoints.last() + ")."
                            : "No epoch had completed, so running it again starts over.");
                }
                long epochSeed = Seeds.derive(seed, epoch);
                Seeds.seedEngine(epochSeed);
                long e0 = System.nanoTime();
                Map<String, Double> row = new LinkedHashMap<>();
                row.put("epoch", (double) epoch);
                if (average != null) {
                    average.useWeights();
                }
                Map<String, Double> trainStats = trainEpoch(train.epoch(epochSeed, batchSize), store, step, average, epoch,
                        stepsPerEpoch, stepsTaken, bar);
                row.putAll(trainStats);
                double trainSeconds = (System.nanoTime() - e0) / 1e9;
                if (average != null) {
                    average.useAverages();
                }
                if (validation != null) {
                    row.putAll(evaluate(validation, store, "val_"));
                }
                if (validator != null) {
                    row.putAll(validator.get());
                }
                row.put("seconds", (System.nanoTime() - e0) / 1e9);
                row.put("examples_per_second", train.size() / trainSeconds);
                history.add(row);
                epochsRun = epoch;
                Table table = toTable(history);
                for (TrainingListener l : all) {
                    l.onEpochEnd(epoch, row, table);
                }
                if (bar != null) {
                    bar.update((long) epoch * stepsPerEpoch, status(row));
                }
            }
            if (average != null) {
                average.useAverages();
            }
        }
        if (stopping != null && stopping.bestWeights() != null && stopping.bestEpoch() != epochsRun) {
            Checkpoint.restore(model, stopping.bestWeights(), manager);
        }
        return new Result(toTable(history), stopping == null ? 0 : stopping.bestEpoch(),
                stopping == null ? Double.NEGATIVE_INFINITY : stopping.bestScore(), epochsRun, (System.nanoTime() - t0) / 1e9);
    }

    private Map<String, Double> trainEpoch(BatchSource.Epoch draw, ParameterStore store, TrainingStep step,
            PolyakAverage average, int epoch, int stepsPerEpoch, int[] stepsTaken, Progress bar) {
        double lossSum = 0;
        long seen = 0;
        Map<String, double[]> terms = new LinkedHashMap<>();
        for (Evaluator e : evaluators) {
            e.addAccumulator("train");
        }
        for (int b = 0; b < stepsPerEpoch && stepsTaken[0] < maxSteps; b++) {
            try (NDManager scope = manager.newSubManager()) {
                TensorDataset.Batch batch = draw.batch(scope, b);
                NDList[] predictions = new NDList[1];
                float value = step.run(() -> {
                    predictions[0] = forward(store, batch.features(), true);
                    return loss.evaluate(batch.labels(), predictions[0]);
                }, epoch, b + 1, stepsPerEpoch);
                stepsTaken[0]++;
                if (average != null) {
                    average.update();
                }
                if (afterStep != null) {
                    for (var t : afterStep.afterStep(epoch, b + 1, stepsPerEpoch, batch, predictions[0], scope).entrySet()) {
                        double[] sumAndCount = terms.computeIfAbsent(t.getKey(), k -> new double[2]);
                        sumAndCount[0] += t.getValue();
                        sumAndCount[1]++;
                    }
                }
                for (Evaluator e : evaluators) {
                    e.updateAccumulator("train", batch.labels(), predictions[0]);
                }
                lossSum += value * batch.size();
                seen += batch.size();
                if (bar != null) {
                    bar.update(stepsTaken[0],
                            String.format("epoch %d/%d, loss %.4f", epoch, epochs, lossSum / seen));
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("train_loss", lossSum / seen);
        terms.forEach((name, sumAndCount) -> out.put(name, sumAndCount[0] / sumAndCount[1]));
        for (Evaluator e : evaluators) {
            out.put("train_" + e.getName(), (double) e.getAccumulator("train"));
            e.resetAccumulator("train");
        }
        return out;
    }

    /** Loss and metrics of the block on {@code data} in inference mode, keys prefixed by {@code prefix}. */
    public Map<String, Double> evaluate(TensorDataset data, String prefix) {
        return evaluate(data, new ParameterStore(manager, false), prefix);
    }

    private Map<String, Double> evaluate(TensorDataset data, ParameterStore store, String prefix) {
        double lossSum = 0;
        for (Evaluator e : evaluators) {
            e.addAccumulator(prefix);
        }
        for (int from = 0; from < data.size(); from += batchSize) {
            try (NDManager step = manager.newSubManager()) {
                TensorDataset.Batch batch = data.slice(step, from, Math.min(data.size(), from + batchSize));
                NDList predictions = forward(store, batch.features(), false);
                lossSum += loss.evaluate(batch.labels(), predictions).getFloat() * batch.size();
                for (Evaluator e : evaluators) {
                    e.updateAccumulator(prefix, batch.labels(), predictions);
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(prefix + "loss", lossSum / data.size());
        for (Evaluator e : evaluators) {
            out.put(prefix + e.getName(), (double) e.getAccumulator(prefix));
            e.resetAccumulator(prefix);
        }
        return out;
    }

    /** The arrays being trained now (loading a checkpoint replaces a block's parameter arrays). */
    private List<NDArray> trainedArrays(List<Parameter> parameters) {
        return block == null ? arrays : parameters.stream().map(Parameter::getArray).toList();
    }

    private NDList forward(ParameterStore store, NDList features, boolean training) {
        return block == null ? forward.forward(features, training) : block.forward(store, features, training);
    }

    private List<Parameter> trainable() {
        return trainable(block);
    }

    /** A block's initialized parameters that require gradients: what an optimizer steps. */
    private static List<Parameter> trainable(Block block) {
        List<Parameter> out = new ArrayList<>();
        for (var pair : block.getParameters()) {
            Parameter p = pair.getValue();
            if (p.requiresGradient() && p.isInitialized()) {
                out.add(p);
            }
        }
        return out;
    }

    private static String status(Map<String, Double> row) {
        StringBuilder s = new StringBuilder();
        for (var e : row.entrySet()) {
            if (e.getKey().equals("seconds") || e.getKey().equals("examples_per_second")) {
                continue;
            }
            s.append(s.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                    .append(e.getKey().equals("epoch") ? String.valueOf(e.getValue().intValue()) : String.format("%.4f", e.getValue()));
        }
        return s.toString();
    }

    static Table toTable(List<Map<String, Double>> history) {
        Table t = Table.create("history");
        // A loss term a hook reports only in later epochs (ODGI's stage 2) is NaN before.
        Set<String> keys = new LinkedHashSet<>();
        history.forEach(row -> keys.addAll(row.keySet()));
        for (String key : keys) {
            if (key.equals("epoch")) {
                t.addColumns(tech.tablesaw.api.IntColumn.create(key,
                        history.stream().mapToInt(r -> r.get(key).intValue()).toArray()));
            } else {
                t.addColumns(tech.tablesaw.api.DoubleColumn.create(key,
                        history.stream().mapToDouble(r -> r.getOrDefault(key, Double.NaN)).toArray()));
            }
        }
        return t;
    }

    /** Configures a {@link TrainingLoop}; only block (or forward and arrays), loss, optimizer and manager are required. */
    public static final class Builder {
        private final Block block;
        private final Forward forward;
        private final List<NDArray> arrays;
        private final Loss loss;
        private final Optimizer optimizer;
        private final NDManager manager;
        private int batchSize = 64;
        private int epochs = 1;
        private long seed = Seeds.DEFAULT;
        private final List<Evaluator> evaluators = new ArrayList<>();
        private String monitor;
        private boolean maximize = true;
        private int patience = Integer.MAX_VALUE;
        private Path checkpointDir;
        private boolean showProgress = true;
        private String title = "training";
        private final List<TrainingListener> listeners = new ArrayList<>();
        private double polyakDecay = Double.NaN;
        private BatchHook afterStep;
        private final List<Checkpoint.Part> alsoTrained = new ArrayList<>();
        private Supplier<Map<String, Double>> validator;
        private int maxSteps = Integer.MAX_VALUE;
        private String errorHint = "";

        private Builder(Block block, Forward forward, List<NDArray> arrays, Loss loss, Optimizer optimizer, NDManager manager) {
            this.block = block;
            this.forward = forward;
            this.arrays = arrays;
            this.loss = Objects.requireNonNull(loss, "loss");
            this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
            this.manager = Objects.requireNonNull(manager, "manager");
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = atLeastOne("batchSize", batchSize);
            return this;
        }

        public Builder epochs(int epochs) {
            this.epochs = atLeastOne("epochs", epochs);
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** A metric computed on training and validation batches (e.g. {@code new Accuracy()}). */
        public Builder metric(Evaluator evaluator) {
            evaluators.add(evaluator);
            return this;
        }

        /**
         * Early stopping: stop after {@code patience} epochs without improvement of history column
         * {@code column} (e.g. "val_Accuracy"), then restore the best epoch's weights.
         */
        public Builder earlyStopping(String column, boolean maximize, int patience) {
            this.monitor = column;
            this.maximize = maximize;
            this.patience = patience;
            return this;
        }

        /** Writes last.ckpt (and best.ckpt) here each epoch, and resumes from last.ckpt when present. */
        public Builder checkpoints(Path dir) {
            this.checkpointDir = dir;
            return this;
        }

        public Builder progress(boolean show, String title) {
            this.showProgress = show;
            this.title = title;
            return this;
        }

        public Builder listener(TrainingListener listener) {
            listeners.add(listener);
            return this;
        }

        /**
         * Polyak averaging of the weights with this decay per update ({@link PolyakAverage}; PixelCNN++'s code
         * uses 0.999): validation, early stopping and the trained block use the averages; checkpoints hold both.
         */
        public Builder polyakAveraging(double decay) {
            this.polyakDecay = decay;
            return this;
        }

        /** Called after every training step with the batch and the predictions ({@link BatchHook}). */
        public Builder afterStep(BatchHook hook) {
            this.afterStep = hook;
            return this;
        }

        /**
         * Declares a network the batch hook trains with an optimizer of its own (ODGI's second stage): checkpoints
         * save and restore its weights and optimizer state beside the model's, so a resumed run continues exactly.
         */
        public Builder alsoTrains(Block network, Optimizer networkOptimizer) {
            alsoTrained.add(Checkpoint.Part.ofBlock(Objects.requireNonNull(network, "network"), trainable(network),
                    Objects.requireNonNull(networkOptimizer, "networkOptimizer")));
            return this;
        }

        /**
         * Scores computed after each epoch besides (or instead of) a validation set, e.g. {@code val_accuracy} from
         * cached features; early stopping can monitor them.
         */
        public Builder validation(Supplier<Map<String, Double>> scores) {
            this.validator = scores;
            return this;
        }

        /** Stops after this many steps in all, within an epoch if need be; that epoch is still validated. */
        public Builder maxSteps(int steps) {
            this.maxSteps = atLeastOne("maxSteps", steps);
            return this;
        }

        /** A sentence the divergence and interruption errors add for the user (without checkpoints). */
        public Builder errorHint(String hint) {
            this.errorHint = hint == null ? "" : hint;
            return this;
        }

        private static int atLeastOne(String name, int value) {
            if (value < 1) {
                throw new IllegalArgumentException(name + " must be at least 1; got " + value);
            }
            return value;
        }

        public TrainingLoop build() {
            if (!alsoTrained.isEmpty() && afterStep == null) {
                throw new IllegalStateException("alsoTrains declares a network that a batch hook trains, but there is no "
                        + "batch hook: add it with afterStep.");
            }
            return new TrainingLoop(this);
        }
    }
}
