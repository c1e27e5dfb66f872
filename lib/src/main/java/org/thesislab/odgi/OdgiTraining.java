package org.thesislab.odgi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.thesislab.core.Seeds;
import org.thesislab.core.data.BatchSource;
import org.thesislab.core.data.Splits;
import org.thesislab.core.data.TensorDataset;
import org.thesislab.core.train.Adam;
import org.thesislab.core.train.Checkpoints;
import org.thesislab.core.train.TrainingLoop;
import org.thesislab.core.train.TrainingStep;

/**
 * Training of the single-shot baselines and of ODGI's two stages (§3.1.3) on core's {@link TrainingLoop}.
 *
 * <p>The batches are drawn afresh each epoch ({@link AerialBatches}): the images of epoch e are shuffled and flipped
 * with streams of {@code Seeds.derive(seed, e)}, and the targets are rebuilt after the flip, so every model of a run
 * sees the same images in the same order. Stage 2's examples do not exist beforehand: they are crops of the boxes
 * stage 1 predicts for the batch just trained ("delayed training": stage 2 starts after n_e epochs and then trains
 * jointly, with its own Adam and no gradient into stage 1), so stage 2 trains in the loop's per-batch hook with
 * core's {@link TrainingStep}, and its loss is logged beside stage 1's.
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
     * @param manager     per-step scopes are opened under it; the weights belong to the detector
     * @param checkpoints where the model's checkpoints go (training resumes from them), or {@link Checkpoints#none()}
     */
    public static Trained<SingleShotDetector> trainBaseline(NDManager manager, AerialData data, int res, Settings s,
                                                            Listener listener, Checkpoints checkpoints) {
        String name = "single-shot " + res;
        Seeds.seedEngine(s.seed());
        GridDetector net = GridDetector.create(name, GridDetector.FINAL_CHANNELS, s.widths());
        net.initialize(net.model().getNDManager(), res);
        List<Epoch> history = new ArrayList<>();
        loop(name, name, net, OdgiLoss.Settings.finalStage(), adam(s), s, manager, history, listener)
                .checkpoints(checkpoints.forModel(name)).build()
                .fit(new AerialBatches(data, res, false, s), null);
        return new Trained<>(new SingleShotDetector(net, res), history);
    }

    /**
     * ODGI R1-R2 with delayed training. {@code stage1Loss} is the full L_ODGI, or without L_groups for
     * the "no groups" ablation; its {@code groups()} flag is also passed to the training-time transition.
     *
     * @param manager     per-step scopes are opened under it; the weights belong to the detector
     * @param checkpoints where both stages' checkpoints go (training resumes from them), or {@link Checkpoints#none()}
     */
    public static Trained<OdgiDetector> trainOdgi(NDManager manager, AerialData data, int r1, int r2, Settings s,
                                                   OdgiLoss.Settings stage1Loss, Listener listener, Checkpoints checkpoints) {
        String name = "ODGI " + r1 + "-" + r2 + (stage1Loss.groups() ? "" : " (no groups)");
        Seeds.seedEngine(s.seed());
        GridDetector phi1 = GridDetector.create(name + " stage 1", GridDetector.INTERMEDIATE_CHANNELS, s.widths());
        GridDetector phi2 = GridDetector.create(name + " stage 2", GridDetector.FINAL_CHANNELS, s.widths());
        phi1.initialize(phi1.model().getNDManager(), r1);
        phi2.initialize(phi2.model().getNDManager(), r2);
        Adam adam2 = adam(s);
        StageTwo stage2 = new StageTwo(name + " stage 2", phi2, adam2, r1, r2, StageTransition.training(s.gammaTrain())
                .withGroups(stage1Loss.groups()), s);
        AerialBatches batches = new AerialBatches(data, r1, true, s);
        List<Epoch> history = new ArrayList<>();
        loop(name, name + " stage 1", phi1, stage1Loss, adam(s), s, manager, history, listener)
                .afterStep((epoch, b, n, batch, predictions, scope) -> epoch <= s.delayEpochs() ? Map.of()
                        : Map.of(STAGE2_LOSS, (double) stage2.train(scope, batch, predictions, batches.lastTruths(), epoch, b, n)))
                .alsoTrains(phi2.block(), adam2).checkpoints(checkpoints.forModel(name))
                .build().fit(batches, null);
        return new Trained<>(new OdgiDetector(phi1, phi2, r1, r2), history);
    }

    /** The history column of stage 2's mean loss per epoch. */
    private static final String STAGE2_LOSS = "stage2_loss";

    /**
     * The core loop for a baseline or ODGI's stage 1: Adam with β1 0.9 and ε 1e-8 as in the authors' code (each
     * stage has its own, §3.1.3); every epoch becomes an {@link Epoch} of {@code model} in {@code history} and goes
     * to {@code listener}. {@code network} names the trained network in a divergence or interruption error.
     */
    private static TrainingLoop.Builder loop(String model, String network, GridDetector net, OdgiLoss.Settings loss,
                                             Adam adam, Settings s, NDManager manager, List<Epoch> history,
                                             Listener listener) {
        return TrainingLoop.builder(net.block(), new OdgiLoss(loss), adam, manager)
                .batchSize(s.batchSize()).epochs(s.epochs()).seed(s.seed()).progress(false, network)
                .listener((epoch, row, table) -> {
                    Epoch e = new Epoch(model, epoch, row.get("train_loss"), row.getOrDefault(STAGE2_LOSS, Double.NaN),
                            row.get("seconds"));
                    history.add(e);
                    listener.epoch(e.model(), epoch, s.epochs(), e.stage1Loss(), e.stage2Loss(), e.seconds());
                });
    }

    private static Adam adam(Settings s) {
        return new Adam((float) s.learningRate(), 0.9f, 0.999f, 1e-8f, 0f);
    }

    /**
     * ODGI's stage 2, trained on each batch after stage 1 (delayed training, §3.1.3): crops of the top-γ regions
     * stage 1 predicts for that batch, resized to R2; the crops are plain pixels, so no gradient flows back into
     * stage 1. Final-stage targets: each box assigned to its cell, in up to {@code slots} slots ({@link OdgiLoss#targets}).
     */
    private static final class StageTwo {
        private final GridDetector net;
        private final int r1;
        private final int r2;
        private final StageTransition transition;
        private final double keepRatio;
        private final int slots;
        private final OdgiLoss loss = new OdgiLoss(OdgiLoss.Settings.finalStage());
        private final ParameterStore store;
        private final TrainingStep step;

        StageTwo(String name, GridDetector net, Adam adam, int r1, int r2, StageTransition transition, Settings s) {
            this.net = net;
            this.r1 = r1;
            this.r2 = r2;
            this.transition = transition;
            this.keepRatio = s.keepRatio();
            this.slots = s.slots();
            this.store = new ParameterStore(net.model().getNDManager(), false);
            List<Parameter> trainable = net.block().getParameters().values().stream()
                    .filter(Parameter::requiresGradient).toList();
            this.step = TrainingStep.ofParameters(name, adam, trainable);
        }

        /** One step on the crops of this stage-1 batch; returns the loss. */
        float train(NDManager scope, TensorDataset.Batch stage1Batch, NDList stage1Predictions, List<List<Box>> truths,
                    int epoch, int batch, int batches) {
            int grid1 = GridDetector.gridSize(r1);
            List<List<CellPrediction>> preds = CellPrediction.decode(stage1Predictions.singletonOrThrow().toFloatArray(),
                    stage1Batch.size(), GridDetector.INTERMEDIATE_CHANNELS, grid1, grid1);
            float[] pixels = stage1Batch.features().singletonOrThrow().toFloatArray();
            int len = 3 * r1 * r1;
            List<float[]> crops = new ArrayList<>();
            List<List<Box>> cropTruths = new ArrayList<>();
            for (int n = 0; n < stage1Batch.size(); n++) {
                float[] input = Arrays.copyOfRange(pixels, n * len, (n + 1) * len);
                for (Box region : transition.apply(preds.get(n)).regions()) {
                    crops.add(Resampling.cropResize(input, r1, region, r2));
                    cropTruths.add(StageTransition.truthsInRegion(truths.get(n), region, keepRatio));
                }
            }
            try (NDManager sub = scope.newSubManager()) {
                NDArray x = sub.create(concat(crops, 3 * r2 * r2), new Shape(crops.size(), 3, r2, r2));
                NDList labels = OdgiLoss.targets(sub, targetsOf(cropTruths, r2), false, slots);
                return step.run(() -> loss.evaluate(labels, net.block().forward(store, new NDList(x), true)),
                        epoch, batch, batches);
            }
        }
    }

    private static List<GroupTargets> targetsOf(List<List<Box>> truths, int res) {
        int grid = GridDetector.gridSize(res);
        return truths.stream().map(t -> GroupTargets.of(t, grid, grid)).toList();
    }

    private static float[] concat(List<float[]> parts, int len) {
        float[] out = new float[parts.size() * len];
        for (int k = 0; k < parts.size(); k++) {
            System.arraycopy(parts.get(k), 0, out, k * len, len);
        }
        return out;
    }

    /**
     * Aerial images at one resolution as training batches: each epoch shuffles them and flips each with p = 0.5
     * (streams "shuffle" and "flip" of the epoch's seed), then builds the targets from the flipped boxes: group
     * targets B*_ij (3.3) for an intermediate stage, every box in up to {@code slots} slots for a baseline. Full
     * batches only (the left-over images change with each epoch's shuffle), so every step has the configured size; a
     * dataset smaller than one batch is one step.
     */
    private static final class AerialBatches implements BatchSource {
        private final AerialData data;
        private final int res;
        private final boolean groupTargets;
        private final int slots;
        private final boolean flip;
        private List<List<Box>> lastTruths = List.of();

        AerialBatches(AerialData data, int res, boolean groupTargets, Settings s) {
            this.data = data;
            this.res = res;
            this.groupTargets = groupTargets;
            this.slots = groupTargets ? 1 : s.slots();
            this.flip = s.flip();
        }

        @Override
        public int size() {
            return data.size();
        }

        @Override
        public int batchCount(int batchSize) {
            return Math.max(1, data.size() / batchSize);
        }

        @Override
        public Epoch epoch(long epochSeed, int batchSize) {
            int[] order = Splits.permutation(data.size(), Seeds.stream(epochSeed, "shuffle"));
            Random flips = flip ? Seeds.stream(epochSeed, "flip") : null;
            return (scope, b) -> batch(scope, TensorDataset.batchIndices(order, b, batchSize), flips);
        }

        /** The boxes of the batch drawn last, after its flips: the one the loop's hook sees. */
        List<List<Box>> lastTruths() {
            return lastTruths;
        }

        private TensorDataset.Batch batch(NDManager scope, int[] indices, Random flips) {
            int len = 3 * res * res;
            float[] pixels = new float[indices.length * len];
            List<List<Box>> truths = new ArrayList<>();
            for (int n = 0; n < indices.length; n++) {
                boolean flipped = flips != null && flips.nextBoolean();
                float[] img = data.input(indices[n], res);
                System.arraycopy(flipped ? Resampling.flipX(img, res) : img, 0, pixels, n * len, len);
                truths.add(flipped ? data.truths(indices[n]).stream().map(Box::flipX).toList() : data.truths(indices[n]));
            }
            lastTruths = truths;
            NDArray x = scope.create(pixels, new Shape(indices.length, 3, res, res));
            NDList labels = OdgiLoss.targets(scope, targetsOf(truths, res), groupTargets, slots);
            return new TensorDataset.Batch(new NDList(x), labels, indices.length);
        }
    }
}
