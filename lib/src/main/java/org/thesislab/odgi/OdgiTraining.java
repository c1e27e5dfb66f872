package org.thesislab.odgi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import org.thesislab.core.Seeds;
import org.thesislab.core.data.Splits;
import org.thesislab.core.data.TensorDataset;
import org.thesislab.core.train.Adam;
import org.thesislab.core.train.TrainingStep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Training of the single-shot baselines and of ODGI's two stages (§3.1.3).
 *
 * <p>Why not core's TrainingLoop: ODGI's stage-2 examples do not exist beforehand; they are crops made
 * from the live stage-1 predictions of each batch ("delayed training": stage 2 starts after n_e
 * epochs and then trains jointly, each stage with its own Adam, no gradient from stage 2 to stage 1),
 * and targets are rebuilt after the random horizontal flip. So the epochs are written out here, while
 * every update goes through core's {@link TrainingStep} (NaN guard, backward, core {@link Adam}) inside
 * a per-step NDManager scope. Epoch e shuffles and flips with streams of {@code Seeds.derive(seed, e)},
 * so every model of a run sees the same images in the same order.
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

    /**
     * A single-shot baseline at one input resolution, trained with the final-stage loss.
     *
     * @param manager per-step scopes are opened under it; the weights belong to the detector
     */
    public static Trained<SingleShotDetector> trainBaseline(NDManager manager, AerialData data, int res, Settings s, Listener listener) {
        String name = "single-shot " + res;
        Seeds.seedEngine(s.seed());
        GridDetector net = GridDetector.create(name, GridDetector.FINAL_CHANNELS, s.widths());
        Stage stage = new Stage(name, net, res, OdgiLoss.Settings.finalStage(), false, s);
        List<Epoch> history = new ArrayList<>();
        int batches = batchCount(data.size(), s.batchSize());
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            long t0 = System.nanoTime();
            EpochDraw draw = EpochDraw.of(s, data.size(), epoch);
            int[] order = draw.order();
            Random flips = draw.flips();
            double sum = 0;
            for (int k = 0; k < batches; k++) {
                Batch b = Batch.of(data, TensorDataset.batchIndices(order, k, s.batchSize()), res, flips);
                try (NDManager scope = manager.newSubManager()) {
                    sum += stage.train(scope, b.pixels, b.truths, epoch, k + 1, batches, null);
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            history.add(new Epoch(name, epoch, sum / batches, Double.NaN, secs));
            listener.epoch(name, epoch, s.epochs(), sum / batches, Double.NaN, secs);
        }
        return new Trained<>(new SingleShotDetector(net, res), history);
    }

    /**
     * ODGI R1-R2 with delayed training. {@code stage1Loss} is the full L_ODGI, or without L_groups for
     * the "no groups" ablation; its {@code groups()} flag is also passed to the training-time transition.
     *
     * @param manager per-step scopes are opened under it; the weights belong to the detector
     */
    public static Trained<OdgiDetector> trainOdgi(NDManager manager, AerialData data, int r1, int r2, Settings s,
                                                   OdgiLoss.Settings stage1Loss, Listener listener) {
        String name = "ODGI " + r1 + "-" + r2 + (stage1Loss.groups() ? "" : " (no groups)");
        Seeds.seedEngine(s.seed());
        GridDetector phi1 = GridDetector.create(name + " stage 1", GridDetector.INTERMEDIATE_CHANNELS, s.widths());
        GridDetector phi2 = GridDetector.create(name + " stage 2", GridDetector.FINAL_CHANNELS, s.widths());
        Stage stage1 = new Stage(name + " stage 1", phi1, r1, stage1Loss, true, s);
        Stage stage2 = new Stage(name + " stage 2", phi2, r2, OdgiLoss.Settings.finalStage(), false, s);
        StageTransition transition = StageTransition.training(s.gammaTrain()).withGroups(stage1Loss.groups());
        int grid1 = GridDetector.gridSize(r1);
        int len = 3 * r1 * r1;
        List<Epoch> history = new ArrayList<>();
        int batches = batchCount(data.size(), s.batchSize());
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            long t0 = System.nanoTime();
            EpochDraw draw = EpochDraw.of(s, data.size(), epoch);
            int[] order = draw.order();
            Random flips = draw.flips();
            boolean train2 = epoch > s.delayEpochs();
            double sum1 = 0, sum2 = 0;
            for (int k = 0; k < batches; k++) {
                int[] indices = TensorDataset.batchIndices(order, k, s.batchSize());
                Batch b = Batch.of(data, indices, r1, flips);
                float[][] raw = new float[1][];
                try (NDManager scope = manager.newSubManager()) {
                    sum1 += stage1.train(scope, b.pixels, b.truths, epoch, k + 1, batches, train2 ? raw : null);
                }
                if (train2) {
                    // Delayed training (§3.1.3): stage 2 learns from crops of the top-γ boxes stage 1 predicts for
                    // this very batch; the crops are plain pixels, so no gradient flows back into stage 1.
                    List<List<CellPrediction>> preds = CellPrediction.decode(raw[0], indices.length,
                            GridDetector.INTERMEDIATE_CHANNELS, grid1, grid1);
                    List<float[]> crops = new ArrayList<>();
                    List<List<Box>> cropTruths = new ArrayList<>();
                    for (int n = 0; n < indices.length; n++) {
                        float[] input = Arrays.copyOfRange(b.pixels, n * len, (n + 1) * len);
                        for (Box region : transition.apply(preds.get(n)).regions()) {
                            crops.add(Resampling.cropResize(input, r1, region, r2));
                            cropTruths.add(StageTransition.truthsInRegion(b.truths.get(n), region, s.keepRatio()));
                        }
                    }
                    try (NDManager scope = manager.newSubManager()) {
                        sum2 += stage2.train(scope, concat(crops, 3 * r2 * r2), cropTruths, epoch, k + 1, batches, null);
                    }
                }
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            double l2 = train2 ? sum2 / batches : Double.NaN;
            history.add(new Epoch(name, epoch, sum1 / batches, l2, secs));
            listener.epoch(name, epoch, s.epochs(), sum1 / batches, l2, secs);
        }
        return new Trained<>(new OdgiDetector(phi1, phi2, r1, r2), history);
    }

    /**
     * Full batches only (the left-over images change with each epoch's shuffle), so every step has the
     * configured batch size; a dataset smaller than one batch is one step.
     */
    private static int batchCount(int n, int batchSize) {
        return Math.max(1, n / batchSize);
    }

    /**
     * One detector being trained: its initialised network, loss and the core training step with its own Adam.
     * Intermediate stages regress the group target B*_ij of each cell (3.3); final stages and baselines each
     * box assigned to the cell, in up to {@code slots} slots (see {@link OdgiLoss#targets}).
     */
    private static final class Stage {
        private final GridDetector net;
        private final int res;
        private final OdgiLoss loss;
        private final boolean groupTargets;
        private final int slots;
        private final ParameterStore store;
        private final TrainingStep step;

        Stage(String name, GridDetector net, int res, OdgiLoss.Settings loss, boolean groupTargets, Settings s) {
            NDManager weights = net.model().getNDManager();
            net.initialize(weights, res);
            this.net = net;
            this.res = res;
            this.loss = new OdgiLoss(loss);
            this.groupTargets = groupTargets;
            this.slots = groupTargets ? 1 : s.slots();
            this.store = new ParameterStore(weights, false);
            List<Parameter> trainable = net.block().getParameters().values().stream()
                    .filter(Parameter::requiresGradient).toList();
            // Each stage has its own Adam (§3.1.3); β1 0.9 and ε 1e-8 as in the authors' code.
            this.step = TrainingStep.ofParameters(name, new Adam((float) s.learningRate(), 0.9f, 0.999f, 1e-8f, 0f), trainable);
        }

        /**
         * One optimisation step on {@code truths.size()} images, its arrays in {@code scope}; returns the loss.
         * If {@code rawOut} is given, the raw predictions are copied into it.
         */
        float train(NDManager scope, float[] pixels, List<List<Box>> truths, int epoch, int batch, int batches,
                    float[][] rawOut) {
            int grid = GridDetector.gridSize(res);
            NDArray x = scope.create(pixels, new Shape(truths.size(), 3, res, res));
            List<GroupTargets> targets = truths.stream().map(t -> GroupTargets.of(t, grid, grid)).toList();
            NDList labels = OdgiLoss.targets(scope, targets, groupTargets, slots);
            return step.run(() -> {
                NDArray pred = net.block().forward(store, new NDList(x), true).singletonOrThrow();
                if (rawOut != null) {
                    rawOut[0] = pred.toFloatArray();
                }
                return loss.evaluate(labels, new NDList(pred));
            }, epoch, batch, batches);
        }
    }

    private static float[] concat(List<float[]> parts, int len) {
        float[] out = new float[parts.size() * len];
        for (int k = 0; k < parts.size(); k++) {
            System.arraycopy(parts.get(k), 0, out, k * len, len);
        }
        return out;
    }

    /** An epoch's seeded shuffle and flip stream, the same for the baselines and ODGI's stages. */
    private record EpochDraw(int[] order, Random flips) {
        static EpochDraw of(Settings s, int n, int epoch) {
            long epochSeed = Seeds.derive(s.seed(), epoch);
            return new EpochDraw(Splits.permutation(n, Seeds.stream(epochSeed, "shuffle")),
                    s.flip() ? Seeds.stream(epochSeed, "flip") : null);
        }
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
                System.arraycopy(flip ? Resampling.flipX(img, res) : img, 0, pixels, n * len, len);
                truths.add(flip ? data.truths(indices[n]).stream().map(Box::flipX).toList() : data.truths(indices[n]));
            }
            return new Batch(pixels, truths);
        }
    }
}
