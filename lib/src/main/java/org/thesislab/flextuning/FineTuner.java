package org.thesislab.flextuning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.thesislab.core.Seeds;
import org.thesislab.core.data.Splits;
import org.thesislab.core.train.Adam;
import org.thesislab.core.train.SoftmaxCrossEntropy;
import org.thesislab.core.train.TrainingStep;

/**
 * Fine-tunes a copy of a pre-trained {@link UnitNetwork} with a {@link Scheme}, early-stopped on validation
 * accuracy (Algorithms 3-5: "fine-tune unit ℓ of f on D until accuracy on D_val stops improving").
 *
 * <p>Why not the core training loop: a flex sweep is hundreds of short runs that each train a different
 * subset of arrays (or ft-ss reparameterisations) and stop at step granularity; we also feed each run the
 * cached activations of its frozen prefix f^{ℓ-1} ∘ … ∘ f^1, which never change while unit ℓ is tuned.
 * Each step is still the core {@link TrainingStep} (objective, NaN guard, backward, {@link Adam} update) in its
 * own NDManager scope, with the core loss and seeded shuffling.
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
            FineTuneRun run = fit(net, scheme, data, protocol, seed);
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

    /** Tunes {@code net} in place with {@code scheme} (used for pre-training the source network too). */
    public static FineTuneRun fit(UnitNetwork net, Scheme scheme, TransferData data, Protocol protocol, long seed) {
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
        int evalEvery = scheme.singleEpoch() ? stepsPerEpoch : protocol.evalEvery();

        TrainingStep trainingStep = TrainingStep.ofArrays(scheme.toString(), new Adam(protocol.learningRate()), trainable)
                .resumeHint("The learning rate is the Protocol's (Protocol.learningRate).");
        Random shuffle = Seeds.stream(seed, "shuffle");
        List<double[]> curve = new ArrayList<>();
        double best = -1;
        int bestStep = 0;
        float[][] bestWeights = null;
        long samples = 0;
        long valExamples = 0;
        int step = 0;
        int checksWithoutGain = 0;
        try (NDManager runManager = net.manager().newSubManager()) {
            // The frozen prefix f^{first-1} ∘ … ∘ f^1 is computed once per run.
            NDArray trainH = prefix(net, data.trainX(), first, runManager);
            NDArray valH = prefix(net, data.valX(), first, runManager);
            int[] order = Splits.permutation(n, shuffle);
            int cursor = 0;
            while (step < maxSteps) {
                if (cursor >= n) {
                    order = Splits.permutation(n, shuffle);
                    cursor = 0;
                }
                // Runs count steps; a divergence message names the pass over D (epoch) and the batch within it.
                int epoch = 1 + (int) (samples / n);
                int batchInEpoch = 1 + cursor / batch;
                int size = Math.min(batch, n - cursor);
                long[] idx = new long[size];
                for (int i = 0; i < size; i++) {
                    idx[i] = order[cursor + i];
                }
                cursor += size;
                step(net, trainingStep, trainH, data.trainY(), idx, first, runManager, epoch, batchInEpoch, stepsPerEpoch);
                step++;
                samples += size;
                if (step % evalEvery == 0 || step == maxSteps) {
                    double acc = net.accuracy(valH, data.valY(), first, EVAL_BATCH);
                    valExamples += data.valSize();
                    curve.add(new double[] {step, acc});
                    if (acc > best) {
                        best = acc;
                        bestStep = step;
                        bestWeights = snapshot(trainable);
                        checksWithoutGain = 0;
                    } else if (++checksWithoutGain >= protocol.patience()) {
                        break;
                    }
                }
            }
            restore(trainable, bestWeights);
            finish(net, scheme);
            double seconds = (System.nanoTime() - t0) / 1e9;
            NDArray testH = prefix(net, data.testX(), first, runManager);
            double test = net.accuracy(testH, data.testY(), first, EVAL_BATCH);
            Cost cost = new Cost(step, (double) samples / n, valExamples, seconds);
            return new FineTuneRun(scheme, best, test, bestStep, curve, cost, trainedParameters, net);
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

    /** One Adam step on a mini-batch: softmax cross-entropy, gradients only for the trainable arrays. */
    private static void step(UnitNetwork net, TrainingStep trainingStep, NDArray h, NDArray y, long[] idx, int first,
                             NDManager parent, int epoch, int batch, int batches) {
        try (NDManager sub = parent.newSubManager()) {
            NDArray rows = sub.create(idx);
            NDArray xb = h.get(sub, new NDIndex("{}", rows));
            NDArray yb = y.get(sub, new NDIndex("{}", rows));
            trainingStep.run(() -> LOSS.evaluate(new NDList(yb), new NDList(net.forward(xb, first, net.size()))),
                    epoch, batch, batches);
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

    private static float[][] snapshot(List<NDArray> arrays) {
        float[][] copy = new float[arrays.size()][];
        for (int i = 0; i < arrays.size(); i++) {
            copy[i] = arrays.get(i).toFloatArray();
        }
        return copy;
    }

    private static void restore(List<NDArray> arrays, float[][] values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < arrays.size(); i++) {
            NDArray a = arrays.get(i);
            a.setRequiresGradient(false);
            a.set(values[i]);
        }
    }
}
