package org.thesislab.flextuning;

import ai.djl.ndarray.NDManager;
import org.thesislab.core.Progress;
import org.thesislab.core.Scale;
import org.thesislab.core.Seeds;
import org.thesislab.core.Threads;
import org.thesislab.core.train.Checkpoints;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The chapter's experiment (thesis §4.1.4-4.1.5 on Fashion-MNIST): pre-train the 4-unit source network once,
 * then for every target shift, data-scarcity ratio and repetition, make the fine-tuning runs of every scheme
 * and apply flex, fast-flex and faster-flex. The source network stays in memory: every run starts from an
 * in-memory copy of its weights.
 */
public final class FlexExperiment implements AutoCloseable {

    /** The sizes of one experiment; {@link #forScale(Scale)} gives the chapter's three scales. */
    public record Config(FashionTransfer.Sizes sizes, int sourceEpochs, List<TargetShift> targets, List<Integer> ratios,
                         List<Integer> repeats, Protocol protocol) {

        public Config {
            targets = List.copyOf(targets);
            ratios = List.copyOf(ratios);
            repeats = List.copyOf(repeats);
            if (ratios.size() != repeats.size() || ratios.isEmpty() || targets.isEmpty()) {
                throw new IllegalArgumentException("Config needs targets and one repeat count per ratio; got ratios "
                        + ratios + ", repeats " + repeats + ", targets " + targets + ".");
            }
            for (int r : ratios) {
                if (r > sizes.poolPerClass()) {
                    throw new IllegalArgumentException("Ratio " + r + " images/class exceeds the target pool ("
                            + sizes.poolPerClass() + "/class); raise poolPerClass.");
                }
            }
        }

        /**
         * smoke: seconds, 2 targets. quick: 6 targets, ratios 3/30/300 images per class (the thesis' MNIST
         * ratios) with 3/1/1 repetitions. paper: the thesis' MNIST sizes (25k source images, 5k validation, the
         * rest as target pools), all 7 targets, 20 repetitions at the scarcest ratio.
         */
        public static Config forScale(Scale scale) {
            return new Config(
                    new FashionTransfer.Sizes(
                            scale.pick(2000, 12000, 25000),   // source training images (thesis' MNIST setting: 25k, Table 4.2)
                            scale.pick(300, 1000, 5000),      // source validation images (5k, as in §4.1.4)
                            scale.pick(30, 300, 2400),        // target pool per class: the largest ratio (thesis ~3k/class)
                            scale.pick(10, 50, 500),          // target validation images per class: not given by the thesis
                            scale.pick(20, 100, 1000)),       // target test images per class: not given by the thesis
                    scale.pick(1, 3, 10),                     // source pre-training epochs: not given by the thesis
                    // targets: the thesis' MNIST targets (Blurry, Occluded, MNIST-M, SVHN, ...) have no Fashion-MNIST
                    // analogue, so each target is a shift of the same images (TargetShift); all 7 at paper
                    scale.pick(List.of(TargetShift.INVERTED, TargetShift.ROTATED),
                            List.of(TargetShift.NOISY, TargetShift.BLURRY, TargetShift.INVERTED, TargetShift.ROTATED,
                                    TargetShift.AFFINE, TargetShift.TEXTURED),
                            List.of(TargetShift.values())),
                    scale.pick(List.of(3, 30), List.of(3, 30, 300), List.of(3, 30, 300, 2400)),  // images per class (Table 4.2: ~3, 30, 300, 3k)
                    scale.pick(List.of(1, 1), List.of(3, 1, 1), List.of(20, 3, 1, 1)),  // repetitions per ratio (thesis: 20 at the scarcest)
                    Protocol.forScale(scale));
        }

        /** Number of (target, ratio, repetition) transfer problems. */
        public int problems() {
            return targets.size() * repeats.stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final NDManager manager;
    private final Config config;
    private final long seed;
    private final FashionTransfer data;
    private final UnitNetwork source;
    private final FineTuneRun pretraining;

    private FlexExperiment(NDManager manager, Config config, long seed, FashionTransfer data, UnitNetwork source,
                           FineTuneRun pretraining) {
        this.manager = manager;
        this.config = config;
        this.seed = seed;
        this.data = data;
        this.source = source;
        this.pretraining = pretraining;
    }

    /**
     * Loads the data and pre-trains the source network (Adam 1e-3, batch 64, best source-validation epoch); with
     * checkpoints, preparing the same configuration again resumes the pre-training where it stopped.
     */
    public static FlexExperiment prepare(Config config, long seed, Checkpoints checkpoints) {
        Threads.configure();
        NDManager manager = NDManager.newBaseManager();
        try {
            FashionTransfer data = FashionTransfer.load(manager, config.sizes(), seed);
            UnitNetwork source = UnitNetwork.fourUnit(manager, Seeds.derive(seed, 11));
            int stepsPerEpoch = (config.sizes().sourceTrain() + 63) / 64;
            Protocol pretrain = new Protocol(1e-3f, 64, stepsPerEpoch, Integer.MAX_VALUE, config.sourceEpochs() * stepsPerEpoch);
            FineTuneRun run = FineTuner.fit(source, Scheme.all(source.size()), data.source(), pretrain, Seeds.derive(seed, 12),
                    checkpoints.forModel("source network"));
            return new FlexExperiment(manager, config, seed, data, source, run.withoutNetwork());
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /**
     * The chapter's experiment in one call: {@link #prepare}, {@link #sweep} and close. The notebook makes the same
     * two steps in cells of their own.
     */
    public static FlexResults run(Config config, long seed, Checkpoints checkpoints) {
        try (FlexExperiment e = prepare(config, seed, checkpoints)) {
            return e.sweep();
        }
    }

    public Config config() {
        return config;
    }

    public UnitNetwork source() {
        return source;
    }

    public FashionTransfer data() {
        return data;
    }

    /** The source network's pre-training run (its test accuracy is on the un-shifted test images). */
    public FineTuneRun pretraining() {
        return pretraining;
    }

    /** A target domain built from this experiment's images (the caller closes it). */
    public TargetDomain target(TargetShift shift) {
        return data.target(shift);
    }

    /** Every scheme on every (target, ratio, repetition), and the three selection methods on each. */
    public FlexResults sweep() {
        long t0 = System.nanoTime();
        int numUnits = source.size();
        List<FlexResults.RunRow> runs = new ArrayList<>();
        List<FlexResults.SelectionRow> selections = new ArrayList<>();
        Map<TargetShift, Double> base = new EnumMap<>(TargetShift.class);
        Map<String, Scheme> baselines = new java.util.LinkedHashMap<>();
        baselines.put("ft-fc(1)", Scheme.unit(numUnits));
        baselines.put("ft-fc(2)", Scheme.lastTwo(numUnits));
        baselines.put("ft-ss", Scheme.scaleShift(numUnits));
        baselines.put("ft-all", Scheme.all(numUnits));
        try (Progress progress = Progress.start("flex sweep", config.problems())) {
            for (TargetShift shift : config.targets()) {
                try (TargetDomain domain = data.target(shift)) {
                    base.put(shift, source.accuracy(domain.testX(), domain.testY()));
                    for (int i = 0; i < config.ratios().size(); i++) {
                        int ratio = config.ratios().get(i);
                        for (int rep = 0; rep < config.repeats().get(i); rep++) {
                            // The same images (per ratio and repetition) under every shift: targets differ only by the shift.
                            long problemSeed = Seeds.derive(seed, 1000L * ratio + rep);
                            try (NDManager sub = manager.newSubManager()) {
                                TransferData d = domain.subsample(sub, ratio, problemSeed);
                                try (FlexTuning.Candidates c = new FlexTuning.Candidates(source, d, config.protocol(), problemSeed)) {
                                    List<FlexTuning.Selection> chosen = new ArrayList<>(List.of(
                                            FlexTuning.flex(c), FlexTuning.fastFlex(c), FlexTuning.fasterFlex(c)));
                                    baselines.forEach((name, b) -> chosen.add(FlexTuning.baseline(c, name, b)));
                                    for (FineTuneRun r : c.runs()) {
                                        runs.add(new FlexResults.RunRow(shift, ratio, rep, r.scheme().name(), r.scheme().singleUnit(),
                                                r.valAccuracy(), r.testAccuracy(), r.cost(), r.bestStep(), r.trainedParameters()));
                                    }
                                    for (FlexTuning.Selection s : chosen) {
                                        selections.add(new FlexResults.SelectionRow(shift, ratio, rep, s.method(), s.pick().name(),
                                                s.proxyPick(), s.valAccuracy(), s.testAccuracy(), s.cost(), s.proxyScores()));
                                    }
                                }
                            }
                            progress.step(shift.label() + " · " + ratio + "/class · rep " + (rep + 1));
                        }
                    }
                }
            }
        }
        return new FlexResults(config, seed, numUnits, pretraining.testAccuracy(), base, runs, selections,
                (System.nanoTime() - t0) / 1e9);
    }

    @Override
    public void close() {
        manager.close();
    }
}
