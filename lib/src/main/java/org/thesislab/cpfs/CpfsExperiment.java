package org.thesislab.cpfs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thesislab.core.Scale;
import org.thesislab.core.Seeds;
import org.thesislab.core.data.TensorDataset;
import org.thesislab.core.train.Adam;
import org.thesislab.core.train.Checkpoints;
import org.thesislab.core.train.TrainingListener;
import org.thesislab.core.train.TrainingLoop;

/**
 * The chapter's experiment: pre-train the same embedding net with each pretext objective on MovingShapes
 * (no labels), then compare the frozen features (linear probes) and few-label fine-tuning on the
 * segmentation task against a randomly initialised net, the flow-classification baseline and a
 * shuffled-flow control. Callable from the notebook (step by step, ending in {@link #evaluate(Map, DownstreamData,
 * Config, long, NDManager)}) and in one call ({@link #run}). It only computes and returns records; {@link CpfsTables}
 * and {@link CpfsFigures} present them.
 */
public final class CpfsExperiment {
    private CpfsExperiment() {}

    /** The compared initialisations (§3.3.5, Tables 3.1–3.2) and the shuffled-flow control. */
    public enum Arm {
        RANDOM("random", null), CPFS_CE("cpfs_ce", PretextLoss.Kind.CE), CPFS_KTA("cpfs_kta", PretextLoss.Kind.KTA),
        CPFS_CE_REV("cpfs_ce_rev", PretextLoss.Kind.CE_REV), FLOW_CLS("flowcls", PretextLoss.Kind.FLOW_CLASSIFICATION),
        /** CPFS-CE trained on another frame's flow: the motion no longer belongs to the image. */
        SHUFFLED("shuffled", PretextLoss.Kind.CE);

        public final String key;
        public final PretextLoss.Kind loss;

        Arm(String key, PretextLoss.Kind loss) {
            this.key = key;
            this.loss = loss;
        }
    }

    /**
     * Sizes and hyperparameters per scale. 'paper' takes the thesis' optimiser settings (Section 3.3.3) on this
     * project's procedural moving-shapes videos ({@link MovingShapes}; the thesis pre-trains on real videos that
     * cannot be had here); 'quick' and 'smoke' shrink frames, pixels per frame and epochs to fit a CPU.
     */
    public record Config(int size, PixelEmbeddingNet.Architecture architecture, int pretrainFrames, int validationFrames,
            int batchSize, int pixels, int epochs, int patience, float learningRate, float flowClsLearningRate,
            float sigma2, float flowM, int labelledFrames, int labelSubsets, int testFrames, int probeEpochs,
            float probeLearningRate, int fineTunePixels, int fineTuneEpochs, float fineTuneLearningRate, List<Arm> arms) {
        public static Config forScale(Scale scale) {
            return new Config(
                    scale.pick(32, 32, 64),                  // frame side in pixels
                    scale.pick(PixelEmbeddingNet.Architecture.tiny(), PixelEmbeddingNet.Architecture.mini(),
                            PixelEmbeddingNet.Architecture.mini()),
                    scale.pick(64, 2048, 100_000),           // pre-training frames
                    scale.pick(32, 256, 5000),               // validation frames (early stopping)
                    scale.pick(16, 16, 96),                  // frames per batch
                    scale.pick(64, 128, 512),                // pixels sampled per frame for the pretext loss
                    scale.pick(1, 6, 30),                    // pre-training epochs
                    scale.pick(2, 2, 3),                     // early-stopping patience in epochs
                    (float) scale.pick(1e-3, 1e-3, 1e-4),    // pre-training learning rate (thesis: 1e-4)
                    1e-2f,                                   // learning rate of the flow-classification baseline
                    (float) scale.pick(0.01, 0.01, 0.0036),  // sigma^2 of the flow kernel
                    (float) scale.pick(6.0, 6.0, 12.0),      // flow normalisation m
                    scale.pick(8, 50, 100),                  // labelled frames per subset for the probes
                    scale.pick(1, 3, 5),                     // labelled subsets (the spread over them is reported)
                    scale.pick(8, 100, 1000),                // test frames
                    scale.pick(2, 10, 20),                   // probe epochs
                    1e-2f,                                   // probe learning rate
                    scale.pick(64, 128, 512),                // pixels per frame when fine-tuning
                    scale.pick(1, 60, 100),                  // fine-tuning epochs
                    1e-3f,                                   // fine-tuning learning rate
                    scale.pick(List.of(Arm.RANDOM, Arm.CPFS_CE, Arm.CPFS_KTA, Arm.FLOW_CLS, Arm.SHUFFLED),
                            List.of(Arm.RANDOM, Arm.CPFS_CE, Arm.CPFS_KTA, Arm.FLOW_CLS, Arm.SHUFFLED), List.of(Arm.values())));
        }

        /** The same settings with fewer frames, epochs, labelled subsets or arms (reproduction tests, exercises). */
        public Config with(int pretrainFrames, int epochs, int labelSubsets, int fineTuneEpochs, List<Arm> arms) {
            return new Config(size, architecture, pretrainFrames, validationFrames, batchSize, pixels, epochs, patience, learningRate,
                    flowClsLearningRate, sigma2, flowM, labelledFrames, labelSubsets, testFrames, probeEpochs, probeLearningRate,
                    fineTunePixels, fineTuneEpochs, fineTuneLearningRate, arms);
        }
    }

    /** Pre-training frames with their normalised flow (labels), validation frames, and a few clips to show. */
    public record PretrainData(TensorDataset train, TensorDataset validation, MovingShapes.Clips preview) {}

    public static MovingShapes source(Config s) {
        return new MovingShapes(MovingShapes.Settings.defaults(s.size()));
    }

    /**
     * Renders the pre-training and validation sets (disjoint seed ranges). With {@code shuffled}, every frame
     * gets the flow of the next frame instead of its own (the control).
     */
    public static PretrainData pretrainData(Config s, long seed, boolean shuffled, NDManager manager) {
        MovingShapes source = source(s);
        return new PretrainData(flowDataset(source, s, Seeds.derive(seed, 1), s.pretrainFrames(), shuffled, manager),
                flowDataset(source, s, Seeds.derive(seed, 2), s.validationFrames(), shuffled, manager),
                source.render(manager, Seeds.derive(seed, 2), 8));
    }

    private static TensorDataset flowDataset(MovingShapes source, Config s, long seed, int n, boolean shuffled, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            MovingShapes.Clips clips = source.render(scope, seed, n);
            NDArray flow = Flow.normalize(clips.flow(), s.flowM());
            if (shuffled) {
                long[] next = new long[n];
                for (int i = 0; i < n; i++) {
                    next[i] = (i + 1) % n;
                }
                flow = flow.get(scope.create(next));
            }
            NDArray frames = clips.frames();
            frames.attach(manager);
            flow.attach(manager);
            return new TensorDataset(new NDList(frames), new NDList(flow));
        }
    }

    /** Labelled frames for the downstream task: {@code labelSubsets} disjoint training sets and one test set. */
    public record DownstreamData(List<Transfer.Labelled> train, Transfer.Labelled test) {}

    public static DownstreamData downstreamData(Config s, long seed, NDManager manager) {
        MovingShapes source = source(s);
        List<Transfer.Labelled> train = new ArrayList<>();
        for (int k = 0; k < s.labelSubsets(); k++) {
            train.add(labelled(source, Seeds.derive(seed, 100 + k), s.labelledFrames(), manager));
        }
        return new DownstreamData(train, labelled(source, Seeds.derive(seed, 4), s.testFrames(), manager));
    }

    private static Transfer.Labelled labelled(MovingShapes source, long seed, int n, NDManager manager) {
        MovingShapes.Clips c = source.render(manager, seed, n);
        c.next().close();
        c.flow().close();
        c.instance().close();
        return new Transfer.Labelled(c.frames(), c.semantic());
    }

    /** A pre-trained (or random) network and its training history (null for the random one). */
    public record Pretrained(Arm arm, PixelEmbeddingNet net, TrainingLoop.Result result) {}

    /** The network every arm starts from: same architecture and the same seeded initial weights. */
    public static PixelEmbeddingNet initialNet(Arm arm, Config s, long seed, NDManager manager) {
        int outputs = arm.loss == null ? PretextLoss.EMBEDDING_DIM : arm.loss.headOutputs();
        boolean normalize = arm.loss != PretextLoss.Kind.FLOW_CLASSIFICATION;
        return PixelEmbeddingNet.create(manager, s.architecture(), outputs, normalize, s.pixels(), s.size(), Seeds.derive(seed, 10));
    }

    /**
     * Pre-trains one arm with Adam (no weight decay, §3.3.3) and early stopping on the validation loss; the
     * random arm only gets batch-norm statistics from unlabelled frames (cf. "Random-rescaled" [74]).
     * {@code curves} may be null; when given, it sees every epoch and a progress bar is shown
     * ({@link CpfsFigures#pretrainingCurves} draws them live in a notebook). With checkpoints, pre-training the arm
     * again after an interrupt resumes it from its last completed epoch.
     */
    public static Pretrained pretrain(Arm arm, PretrainData data, Config s, long seed, TrainingListener curves,
                                      Checkpoints checkpoints, NDManager manager) {
        PixelEmbeddingNet net = initialNet(arm, s, seed, manager);
        if (arm.loss == null) {
            calibrate(net, data.train(), s, manager);
            return new Pretrained(arm, net, null);
        }
        float lr = arm == Arm.FLOW_CLS ? s.flowClsLearningRate() : s.learningRate();
        TrainingLoop.Builder loop = TrainingLoop.builder(net, new PretextLoss(arm.loss, s.sigma2(), s.size()), new Adam(lr), manager)
                .batchSize(s.batchSize()).epochs(s.epochs()).seed(Seeds.derive(seed, 20 + arm.ordinal()))
                .earlyStopping("val_loss", false, s.patience())
                .progress(curves != null, "pre-training " + arm.key)
                .checkpoints(checkpoints.forModel("pre-training " + arm.key));
        if (curves != null) {
            loop.listener(curves);
        }
        return new Pretrained(arm, net, loop.build().fit(data.train(), data.validation()));
    }

    /** Batch-norm running statistics from up to 20 unlabelled batches (training-mode forward passes, no updates). */
    static void calibrate(PixelEmbeddingNet net, TensorDataset frames, Config s, NDManager manager) {
        ParameterStore store = new ParameterStore(manager, false);
        int batches = Math.min(20, frames.batchCount(s.batchSize()));
        for (int b = 0; b < batches; b++) {
            try (NDManager scope = manager.newSubManager()) {
                int to = Math.min(frames.size(), (b + 1) * s.batchSize());
                net.forward(store, frames.slice(scope, b * s.batchSize(), to).features(), true);
            }
        }
    }

    /** Probe and fine-tuning scores of one arm, each averaged over the labelled subsets (with the spread). */
    public record ArmScores(Map<String, double[]> probeAccuracy, Map<String, double[]> probeMeanIoU, double[] figureGroundAccuracy,
            double[] figureGroundIoU, double[] fineTuneAccuracy, double[] fineTuneMeanIoU) {}

    /** Linear probes of every layer in {@link Transfer#PROBED}, and fine-tuning when {@code fineTune}. */
    public static ArmScores evaluate(Pretrained p, DownstreamData data, Config s, long seed, boolean fineTune, NDManager manager) {
        Map<String, List<Transfer.Score>> probes = new LinkedHashMap<>();
        List<Transfer.Score> tuned = new ArrayList<>();
        List<Transfer.Score> figureGround = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            Map<String, NDArray> test = Transfer.pixelFeatures(p.net(), data.test().frames(), 32, scope);
            for (int k = 0; k < data.train().size(); k++) {
                Transfer.Labelled train = data.train().get(k);
                try (NDManager sub = scope.newSubManager()) {
                    Map<String, NDArray> features = Transfer.pixelFeatures(p.net(), train.frames(), 32, sub);
                    long probeSeed = Seeds.derive(seed, 30 + k);
                    for (String layer : Transfer.PROBED) {
                        probes.computeIfAbsent(layer, x -> new ArrayList<>()).add(Transfer.linearProbe(features.get(layer), train.semantic(),
                                test.get(layer), data.test().semantic(), Transfer.CLASSES, s.probeEpochs(), s.probeLearningRate(), probeSeed, sub));
                    }
                    figureGround.add(Transfer.linearProbe(features.get("hypercolumn"), Transfer.figureGround(train.semantic()),
                            test.get("hypercolumn"), Transfer.figureGround(data.test().semantic()), 2, s.probeEpochs(), s.probeLearningRate(),
                            probeSeed, sub));
                }
                if (fineTune) {
                    tuned.add(Transfer.fineTune(p.net(), train, data.test(), s.fineTunePixels(), s.fineTuneEpochs(), s.batchSize(),
                            s.fineTuneLearningRate(), Seeds.derive(seed, 40 + k), scope));
                }
            }
        }
        Map<String, double[]> acc = new LinkedHashMap<>();
        Map<String, double[]> iou = new LinkedHashMap<>();
        for (var e : probes.entrySet()) {
            acc.put(e.getKey(), meanStd(e.getValue().stream().mapToDouble(Transfer.Score::accuracy).toArray()));
            iou.put(e.getKey(), meanStd(e.getValue().stream().mapToDouble(Transfer.Score::meanIoU).toArray()));
        }
        return new ArmScores(acc, iou, meanStd(figureGround.stream().mapToDouble(Transfer.Score::accuracy).toArray()),
                meanStd(figureGround.stream().mapToDouble(Transfer.Score::meanIoU).toArray()), tuned.isEmpty() ? null : meanStd(tuned.stream().mapToDouble(Transfer.Score::accuracy).toArray()),
                tuned.isEmpty() ? null : meanStd(tuned.stream().mapToDouble(Transfer.Score::meanIoU).toArray()));
    }

    /** {mean, standard deviation} (0 for a single value). */
    static double[] meanStd(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x / v.length;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return new double[] {m, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0};
    }

    /** Arms fine-tuned as well as probed (fine-tuning costs the most; none when the settings give it no epochs). */
    public static boolean fineTuned(Arm arm, Config s) {
        return s.fineTuneEpochs() > 0 && (arm == Arm.CPFS_CE || arm == Arm.RANDOM);
    }

    /**
     * Every pre-trained arm (from {@link #pretrain}) probed, and fine-tuned where {@link #fineTuned} says so: the
     * notebook's last step.
     */
    public static CpfsResults evaluate(Map<Arm, Pretrained> nets, DownstreamData data, Config s, long seed, NDManager manager) {
        Map<Arm, TrainingLoop.Result> pretraining = new EnumMap<>(Arm.class);
        Map<Arm, ArmScores> scores = new EnumMap<>(Arm.class);
        for (var e : nets.entrySet()) {
            if (e.getValue().result() != null) {
                pretraining.put(e.getKey(), e.getValue().result());
            }
            scores.put(e.getKey(), evaluate(e.getValue(), data, s, seed, fineTuned(e.getKey(), s), manager));
        }
        return new CpfsResults(s, seed, pretraining, scores);
    }

    /**
     * The chapter's experiment in one call: pre-train every arm of the config and evaluate it, one arm at a time (so
     * that only one network is in memory), with the same numbers as the notebook's steps.
     */
    public static CpfsResults run(Config s, long seed, Checkpoints checkpoints) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Map<Arm, TrainingLoop.Result> pretraining = new EnumMap<>(Arm.class);
            Map<Arm, ArmScores> scores = new EnumMap<>(Arm.class);
            DownstreamData downstream = downstreamData(s, seed, manager);
            PretrainData data = pretrainData(s, seed, false, manager);
            PretrainData shuffled = null;
            for (Arm arm : s.arms()) {
                if (arm == Arm.SHUFFLED && shuffled == null) {
                    shuffled = pretrainData(s, seed, true, manager);
                }
                try (NDManager scope = manager.newSubManager()) {
                    Pretrained p = pretrain(arm, arm == Arm.SHUFFLED ? shuffled : data, s, seed, null, checkpoints, scope);
                    if (p.result() != null) {
                        pretraining.put(arm, p.result());
                    }
                    scores.put(arm, evaluate(p, downstream, s, seed, fineTuned(arm, s), scope));
                }
            }
            return new CpfsResults(s, seed, pretraining, scores);
        }
    }
}
