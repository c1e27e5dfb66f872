package org.thesislab.flextuning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.thesislab.core.Seeds;
import org.thesislab.core.data.BatchSource;
import org.thesislab.core.data.Splits;
import org.thesislab.core.data.TensorDataset;
import org.thesislab.core.train.Adam;
import org.thesislab.core.train.SoftmaxCrossEntropy;
import org.thesislab.core.train.TrainingLoop;

/**
 * Fine-tunes a copy of a pre-trained {@link UnitNetwork} with a {@link Scheme}, early-stopped on validation
 * accuracy (Algorithms 3-5: "fine-tune unit ℓ of f on D until accuracy on D_val stops improving").
 *
 * <p>Trains on core's {@link TrainingLoop} over the run's trainable arrays (the tuned units' weights, or ft-ss
 * scales and shifts), which are not a DJL block's parameters. A flex sweep is hundreds of short runs, so each run
 * feeds the loop the cached activations of its frozen prefix f^{ℓ-1} ∘ … ∘ f^1, which never change while unit ℓ is
 * tuned, and validates every {@code evalEvery} steps (a loop "epoch" here is one such period) within
 * {@code maxSteps}.
 */
public final class FineTuner {

    private static final int EVAL_BATCH = 1000;
    private static final SoftmaxCrossEntropy LOSS = new SoftmaxCrossEntropy();

    private FineTuner() {
    }

    /** Copies {@code source}, tunes the copy with {@code scheme}; the copy is kept in the run if {@code keep}. */
    public static FineTuneRun run(UnitNetwork source, Scheme scheme, TransferData data, Protocol protocol,
                                  long seed, boolean keep) {
        UnitNetwork net = source.copy();
        try {
            FineTuneRun run = fit(net, scheme, data, protocol, seed, null);
            if (keep) {
                return run;
            }
            net.close();
            return run.withoutNetwork();
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
    }

    /**
     * Tunes {@code net} in place with {@code scheme} (used for pre-training the source network too); with a
     * {@code checkpoints} folder (else null) the same training run again resumes after its last validation period.
     */
    public static FineTuneRun fit(UnitNetwork net, Scheme scheme, TransferData data, Protocol protocol, long seed,
                                  Path checkpoints) {
        long t0 = System.nanoTime();
        int numUnits = net.size();
        for (int l : scheme.units()) {
            if (l < 1 || l > numUnits) {
                throw new IllegalArgumentException("Scheme " + scheme + " tunes unit " + l + " but the network has units 1.." + numUnits + ".");
            }
        }
        List<NDArray> trainable = prepare(net, scheme);
        long trainedParameters = trainable.stream().mapToLong(NDArray::size).sum();
        int first = scheme.firstChangedUnit();
        int n = data.trainSize();
        int batch = Math.min(protocol.batchSize(), n);
        int stepsPerEpoch = (n + batch - 1) / batch;
        int maxSteps = scheme.singleEpoch() ? stepsPerEpoch : protocol.maxSteps();
        int evalEvery = Math.min(maxSteps, scheme.singleEpoch() ? stepsPerEpoch : protocol.evalEvery());
        try (NDManager runManager = net.manager().newSubManager()) {
            // The frozen prefix f^{first-1} ∘ … ∘ f^1 is computed once per run.
            NDArray trainH = prefix(net, data.trainX(), first, runManager);
            NDArray valH = prefix(net, data.valX(), first, runManager);
            CachedBatches batches = new CachedBatches(trainH, data.trainY(), batch, evalEvery, Seeds.stream(seed, "shuffle"));
            List<double[]> curve = new ArrayList<>();
            // One loop "epoch" is one validation period of evalEvery steps (the last may be shorter).
            TrainingLoop.Result result = TrainingLoop.builder(
                            (features, training) -> new NDList(net.forward(features.singletonOrThrow(), first, net.size())),
                            trainable, LOSS, new Adam(protocol.learningRate()), runManager)
                    .batchSize(batch).epochs((maxSteps + evalEvery - 1) / evalEvery).maxSteps(maxSteps).seed(seed)
                    .validation(() -> Map.of(VAL_ACCURACY, net.accuracy(valH, data.valY(), first, EVAL_BATCH)))
                    .earlyStopping(VAL_ACCURACY, true, protocol.patience())
                    .listener((epoch, row, history) -> curve.add(new double[] {Math.min((long) epoch * evalEvery, maxSteps),
                            row.get(VAL_ACCURACY)}))
                    .errorHint("The learning rate is the Protocol's (Protocol.learningRate).")
                    .progress(false, scheme.toString()).checkpoints(checkpoints)
                    .build().fit(batches, null);
            trainable.forEach(a -> a.setRequiresGradient(false));
            finish(net, scheme);
            double seconds = (System.nanoTime() - t0) / 1e9;
            NDArray testH = prefix(net, data.testX(), first, runManager);
            double test = net.accuracy(testH, data.testY(), first, EVAL_BATCH);
            Cost cost = new Cost(batches.steps(), (double) batches.samples() / n, (long) result.epochsRun() * data.valSize(), seconds);
            int bestStep = (int) curve.get(result.bestEpoch() - 1)[0];
            return new FineTuneRun(scheme, result.bestScore(), test, bestStep, curve, cost, trainedParameters, net);
        }
    }

    private static final String VAL_ACCURACY = "val_accuracy";

    /**
     * Mini-batches of the cached prefix activations: one shuffle stream for the whole run, a new permutation each
     * pass over D, the last batch of a pass possibly smaller; periods of {@code period} steps for the loop.
     */
    private static final class CachedBatches implements BatchSource {
        private final NDArray h;
        private final NDArray y;
        private final int batch;
        private final int period;
        private final Random shuffle;
        private final int n;
        private int[] order;
        private int cursor;
        private int steps;
        private long samples;

        CachedBatches(NDArray h, NDArray y, int batch, int period, Random shuffle) {
            this.h = h;
            this.y = y;
            this.batch = batch;
            this.period = period;
            this.shuffle = shuffle;
            this.n = Math.toIntExact(h.getShape().get(0));
            this.order = Splits.permutation(n, shuffle);
        }

        @Override
        public int size() {
            return n;
        }

        @Override
        public int batchCount(int batchSize) {
            return period;
        }

        /** The run's one shuffle stream goes on across periods (the epoch seed is not used). */
        @Override
        public Epoch epoch(long epochSeed, int batchSize) {
            return (scope, b) -> next(scope);
        }

        /** Draws the permutations of the steps already trained again, so the stream continues where it stopped. */
        @Override
        public void resumeAfter(int epochs, long steps) {
            for (long k = 0; k < steps; k++) {
                advance();
            }
        }

        /** The rows of the next batch: the next part of the permutation, a new one at the start of a pass. */
        private long[] advance() {
            if (cursor >= n) {
                order = Splits.permutation(n, shuffle);
                cursor = 0;
            }
            int size = Math.min(batch, n - cursor);
            long[] idx = new long[size];
            for (int i = 0; i < size; i++) {
                idx[i] = order[cursor + i];
            }
            cursor += size;
            steps++;
            samples += size;
            return idx;
        }

        private TensorDataset.Batch next(NDManager scope) {
            long[] idx = advance();
            int size = idx.length;
            NDArray rows = scope.create(idx);
            return new TensorDataset.Batch(new NDList(h.get(scope, new NDIndex("{}", rows))),
                    new NDList(y.get(scope, new NDIndex("{}", rows))), size);
        }

        int steps() {
            return steps;
        }

        long samples() {
            return samples;
        }
    }

    /** Marks the scheme's arrays as trainable (adding ft-ss parameters first) and returns them. */
    private static List<NDArray> prepare(UnitNetwork net, Scheme scheme) {
        net.tuneOnly(scheme.units());
        List<NDArray> trainable = new ArrayList<>();
        for (int l : scheme.units()) {
            trainable.addAll(net.unit(l).parameters());
        }
        if (scheme.scaleShift()) {
            for (int l = 1; l <= net.size(); l++) {
                if (!scheme.units().contains(l)) {
                    for (Layer layer : net.unit(l).layers()) {
                        layer.addScaleShift();
                        for (NDArray p : layer.scaleShift()) {
                            p.setRequiresGradient(true);
                            trainable.add(p);
                        }
                    }
                }
            }
        }
        return trainable;
    }

    /** Freezes everything again and folds ft-ss parameters into the weights: the result is a plain network. */
    private static void finish(UnitNetwork net, Scheme scheme) {
        net.freezeAll();
        if (scheme.scaleShift()) {
            for (int l = 1; l <= net.size(); l++) {
                for (Layer layer : net.unit(l).layers()) {
                    layer.foldScaleShift();
                }
            }
        }
    }

    /** f^{first-1} ∘ … ∘ f^1 (x), in batches, on {@code manager}; x itself when first == 1. */
    private static NDArray prefix(UnitNetwork net, NDArray x, int first, NDManager manager) {
        if (first == 1) {
            return x;
        }
        long n = x.getShape().get(0);
        NDList parts = new NDList();
        for (long start = 0; start < n; start += EVAL_BATCH) {
            NDArray xb = x.get(manager, new NDIndex(start + ":" + Math.min(n, start + EVAL_BATCH)));
            parts.add(net.forward(xb, 1, first - 1));
        }
        if (parts.size() == 1) {
            return parts.head();
        }
        NDArray h = NDArrays.concat(parts, 0);
        parts.close();
        return h;
    }
}
