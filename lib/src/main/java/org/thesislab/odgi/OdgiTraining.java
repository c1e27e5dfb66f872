package org.thesislab.odgi;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Training of the single-shot baselines and of ODGI's two stages (§3.1.3).
 *
 * <p>Why not core's TrainingLoop: ODGI's stage-2 examples do not exist beforehand; they are crops made
 * from the live stage-1 predictions of each batch ("delayed training": stage 2 starts after n_e
 * epochs and then trains jointly, each stage with its own Adam, no gradient from stage 2 to stage 1),
 * and targets are rebuilt after the random horizontal flip. So the loop below is written out, with
 * the same ingredients (DJL Trainer + Adam, seeded shuffles, NDManager scope per step, NaN guard).
 */
public final class OdgiTraining {
    private OdgiTraining() {
    }

    /**
     * @param epochs       passes over the training images
     * @param batchSize    images per step
     * @param learningRate Adam's step size (1e-3 in the thesis)
     * @param delayEpochs  n_e: stage-1-only epochs before stage 2 starts (3 in the thesis)
     * @param gammaTrain   crops per image for stage-2 training (10 in the thesis)
     * @param keepRatio    a ground-truth box belongs to a crop if more than this share of it is inside (0.33, code)
     * @param widths       the backbone's conv widths
     * @param slots        max boxes per cell for the final-stage/baseline loss
     * @param flip         horizontal-flip augmentation with p = 0.5 (code)
     */
    public record Settings(int epochs, int batchSize, double learningRate, int delayEpochs, int gammaTrain,
                           double keepRatio, int[] widths, int slots, boolean flip, long seed) {
        public Settings {
            if (epochs < 1 || batchSize < 1) {
                throw new IllegalArgumentException("epochs and batchSize must be >= 1, got " + epochs + ", " + batchSize);
            }
            if (delayEpochs >= epochs) {
                throw new IllegalArgumentException("delayEpochs (" + delayEpochs + ") must be below epochs (" + epochs
                        + "), or stage 2 never trains");
            }
        }

        public Settings withSeed(long s) {
            return new Settings(epochs, batchSize, learningRate, delayEpochs, gammaTrain, keepRatio, widths, slots, flip, s);
        }
    }

    /** Called after every epoch with the mean losses (NaN for a stage that did not train yet). */
    public interface Listener {
        void epoch(String model, int epoch, int epochs, double stage1Loss, double stage2Loss, double seconds);

        Listener SILENT = (m, e, n, a, b, s) -> { };
    }

    /** One row per epoch. */
    public record Epoch(String model, int epoch, double stage1Loss, double stage2Loss, double seconds) {
    }

    public record Trained<T>(T detector, List<Epoch> history) {
    }

    /** A single-shot baseline at one input resolution, trained with the final-stage loss. */
    public static Trained<SingleShotDetector> trainBaseline(NDManager manager, AerialData data, int res, Settings s, Listener listener) {
        String name = "single-shot " + res;
        Engine.getInstance().setRandomSeed((int) s.seed());
        GridDetector net = GridDetector.create(name, GridDetector.FINAL_CHANNELS, s.widths());
        OdgiLoss loss = new OdgiLoss(OdgiLoss.Settings.finalStage());
        List<Epoch> history = new ArrayList<>();
        Random rnd = new Random(s.seed());
        try (Trainer trainer = newTrainer(net, loss, s, res)) {
            for (int epoch = 1; epoch <= s.epochs(); epoch++) {
                long t0 = System.nanoTime();
                double sum = 0;
                int steps = 0;
                for (int[] batch : batches(data.size(), s.batchSize(), rnd)) {
                    Batch b = Batch.of(data, batch, res, s.flip() ? rnd : null);
                    sum += step(trainer, loss, b.pixels, batch.length, res, b.truths, false, s.slots(), null);
                    steps++;
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                history.add(new Epoch(name, epoch, sum / steps, Double.NaN, secs));
                listener.epoch(name, epoch, s.epochs(), sum / steps, Double.NaN, secs);
            }
        }
        return new Trained<>(new SingleShotDetector(net, res), history);
    }

    /**
     * ODGI R1-R2 with delayed training. {@code stage1Loss} is the full L_ODGI, or without L_groups for
     * the "no groups" ablation; {@code useGroups} is passed to the training-time transition.
     */
    public static Trained<OdgiDetector> trainOdgi(NDManager manager, AerialData data, int r1, int r2, Settings s,
                                                   OdgiLoss.Settings stage1Loss, Listener listener) {
        String name = "ODGI " + r1 + "-" + r2 + (stage1Loss.groups() ? "" : " (no groups)");
        Engine.getInstance().setRandomSeed((int) s.seed());
        GridDetector phi1 = GridDetector.create(name + " stage 1", GridDetector.INTERMEDIATE_CHANNELS, s.widths());
        GridDetector phi2 = GridDetector.create(name + " stage 2", GridDetector.FINAL_CHANNELS, s.widths());
        OdgiLoss loss1 = new OdgiLoss(stage1Loss);
        OdgiLoss loss2 = new OdgiLoss(OdgiLoss.Settings.finalStage());
        StageTransition transition = StageTransition.training(s.gammaTrain()).withGroups(stage1Loss.groups());
        int grid1 = GridDetector.gridSize(r1);
        List<Epoch> history = new ArrayList<>();
        Random rnd = new Random(s.seed());
        try (Trainer t1 = newTrainer(phi1, loss1, s, r1); Trainer t2 = newTrainer(phi2, loss2, s, r2)) {
            for (int epoch = 1; epoch <= s.epochs(); epoch++) {
                long t0 = System.nanoTime();
                boolean train2 = epoch > s.delayEpochs();
                double sum1 = 0, sum2 = 0;
                int steps = 0;
                for (int[] batch : batches(data.size(), s.batchSize(), rnd)) {
                    Batch b = Batch.of(data, batch, r1, s.flip() ? rnd : null);
                    float[][] raw = new float[1][];
                    sum1 += step(t1, loss1, b.pixels, batch.length, r1, b.truths, true, 1, train2 ? raw : null);
                    if (train2) {
                        // Stage-2 inputs: crops of the top-γ stage-1 boxes of this very batch (no gradient flows back).
                        List<List<CellPrediction>> preds = CellPrediction.decode(raw[0], batch.length, GridDetector.INTERMEDIATE_CHANNELS, grid1, grid1);
                        List<float[]> crops = new ArrayList<>();
                        List<List<Box>> cropTruths = new ArrayList<>();
                        int len = 3 * r1 * r1;
                        for (int n = 0; n < batch.length; n++) {
                            float[] input = java.util.Arrays.copyOfRange(b.pixels, n * len, (n + 1) * len);
                            for (Box region : transition.apply(preds.get(n)).regions()) {
                                crops.add(ImageOps.cropResize(input, r1, region, r2));
                                cropTruths.add(StageTransition.truthsInRegion(b.truths.get(n), region, s.keepRatio()));
                            }
                        }
                        float[] cropPixels = concat(crops, 3 * r2 * r2);
                        sum2 += step(t2, loss2, cropPixels, crops.size(), r2, cropTruths, false, s.slots(), null);
                    }
                    steps++;
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                double l2 = train2 ? sum2 / steps : Double.NaN;
                history.add(new Epoch(name, epoch, sum1 / steps, l2, secs));
                listener.epoch(name, epoch, s.epochs(), sum1 / steps, l2, secs);
            }
        }
        return new Trained<>(new OdgiDetector(phi1, phi2, r1, r2), history);
    }

    private static Trainer newTrainer(GridDetector net, OdgiLoss loss, Settings s, int res) {
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) s.learningRate()))
                .optBeta1(0.9f).optEpsilon(1e-8f).build();
        Trainer trainer = net.model().newTrainer(new DefaultTrainingConfig(loss).optOptimizer(adam));
        trainer.initialize(new Shape(s.batchSize(), 3, res, res));
        return trainer;
    }

    /** One optimisation step; returns the loss. If {@code rawOut} is given, the raw predictions are copied into it. */
    private static double step(Trainer trainer, OdgiLoss loss, float[] pixels, int count, int res, List<List<Box>> truths,
                               boolean groups, int slots, float[][] rawOut) {
        int grid = GridDetector.gridSize(res);
        try (NDManager sub = trainer.getManager().newSubManager()) {
            NDArray x = sub.create(pixels, new Shape(count, 3, res, res));
            List<GroupTargets> targets = truths.stream().map(t -> GroupTargets.of(t, grid, grid)).toList();
            NDList labels = OdgiLoss.targets(sub, targets, groups, slots);
            double value;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray pred = trainer.forward(new NDList(x)).singletonOrThrow();
                NDArray l = loss.evaluate(labels, new NDList(pred));
                value = l.getFloat();
                if (!Double.isFinite(value)) {
                    throw new IllegalStateException("ODGI loss became " + value + " for " + trainer.getModel().getName()
                            + ": lower the learning rate or check the targets (boxes must have positive size)");
                }
                gc.backward(l);
                if (rawOut != null) {
                    rawOut[0] = pred.toFloatArray();
                }
            }
            trainer.step();
            return value;
        }
    }

    private static List<int[]> batches(int n, int batchSize, Random rnd) {
        int[] order = new int[n];
        for (int k = 0; k < n; k++) {
            order[k] = k;
        }
        for (int k = n - 1; k > 0; k--) {
            int j = rnd.nextInt(k + 1);
            int t = order[k];
            order[k] = order[j];
            order[j] = t;
        }
        List<int[]> out = new ArrayList<>();
        for (int start = 0; start + batchSize <= n || (start < n && out.isEmpty()); start += batchSize) {
            out.add(java.util.Arrays.copyOfRange(order, start, Math.min(n, start + batchSize)));
        }
        return out;
    }

    private static float[] concat(List<float[]> parts, int len) {
        float[] out = new float[parts.size() * len];
        for (int k = 0; k < parts.size(); k++) {
            System.arraycopy(parts.get(k), 0, out, k * len, len);
        }
        return out;
    }

    /** A training batch after the random horizontal flip. */
    private record Batch(float[] pixels, List<List<Box>> truths) {
        static Batch of(AerialData data, int[] indices, int res, Random flipRnd) {
            int len = 3 * res * res;
            float[] pixels = new float[indices.length * len];
            List<List<Box>> truths = new ArrayList<>();
            for (int n = 0; n < indices.length; n++) {
                boolean flip = flipRnd != null && flipRnd.nextBoolean();
                float[] img = data.input(indices[n], res);
                System.arraycopy(flip ? ImageOps.flipX(img, res) : img, 0, pixels, n * len, len);
                truths.add(flip ? data.truths(indices[n]).stream().map(Box::flipX).toList() : data.truths(indices[n]));
            }
            return new Batch(pixels, truths);
        }
    }
}
