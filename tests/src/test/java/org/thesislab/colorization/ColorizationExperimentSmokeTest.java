package org.thesislab.colorization;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thesislab.core.train.Checkpoints;
import org.thesislab.core.train.NonFiniteLossException;
import org.thesislab.core.train.TrainingInterruptedException;
import org.thesislab.core.Scale;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every code path of the experiment at 'smoke' sizes: training, decoding, evaluation, figures. */
class ColorizationExperimentSmokeTest {
    @Test
    void runsEndToEndAtSmokeScale() {
        ColorizationExperiment.Config cfg = ColorizationExperiment.Config.forScale(Scale.SMOKE);
        try (ColorizationExperiment exp = new ColorizationExperiment(cfg, 1).quiet();
             NDManager m = NDManager.newBaseManager()) {
            for (ColorizationExperiment.Variant v : ColorizationExperiment.Variant.values()) {
                long t0 = System.nanoTime();
                ColorizationExperiment.Trained t = exp.train(v);
                System.out.printf("%s trained in %.1fs%n", v, (System.nanoTime() - t0) / 1e9);
                assertTrue(Double.isFinite(t.result().last("val_loss")), v + " trained to a finite loss");
            }
            long t1 = System.nanoTime();
            List<ColorizationExperiment.Decoding> d = exp.decodings(m);
            System.out.printf("decodings in %.1fs%n", (System.nanoTime() - t1) / 1e9);
            ColorizationResults results = exp.evaluate(d);
            Table table = ColorizationTables.evaluation(results);
            System.out.println(table.printAll());
            assertEquals(d.size(), table.rowCount());
            double gtSat = results.model("ground truth").orElseThrow().saturation();
            assertTrue(gtSat > 10 && gtSat < 100, "ground-truth saturation " + gtSat);
            assertEquals(gtSat, ColorizationTables.summary(results).get("ground_truth_saturation"));
            BufferedImage grid = ColorizationFigures.sampleGrid(exp, d, 2);
            assertTrue(grid.getWidth() > 100 && grid.getHeight() > 50);
            ColorizationExperiment.SamplingCost cost = exp.samplingCost(ColorizationExperiment.Variant.PIC, new int[] {4, 8}, 2);
            assertEquals(2, ColorizationTables.samplingCost(cost).rowCount());
            ColorizationTables.thesisVsHere(results).table();
        }
    }

    /** {@link ColorizationExperiment#run} takes the notebook's steps: the numbers of training and evaluating step by step. */
    @Test
    void runGivesTheNumbersOfTheStepByStepExperiment() {
        ColorizationExperiment.Config cfg = ColorizationExperiment.Config.forScale(Scale.SMOKE)
                .withVariants(List.of(ColorizationExperiment.Variant.PIC, ColorizationExperiment.Variant.L2));
        ColorizationResults whole = ColorizationExperiment.run(cfg, 1, Checkpoints.none());
        assertEquals(cfg, whole.config());
        assertEquals(1, whole.seed());
        try (ColorizationExperiment exp = new ColorizationExperiment(cfg, 1).quiet();
             NDManager m = NDManager.newBaseManager()) {
            for (ColorizationExperiment.Variant v : cfg.variants()) {
                exp.train(v);
            }
            assertEquals(withoutTimes(ColorizationTables.summary(exp.evaluate(exp.decodings(m)))),
                    withoutTimes(ColorizationTables.summary(whole)));
        }
    }

    private static Map<String, Double> withoutTimes(Map<String, Double> summary) {
        Map<String, Double> numbers = new TreeMap<>(summary);
        numbers.keySet().removeAll(Set.of("sample_ms_per_image", "train_images_per_second"));
        return numbers;
    }

    /**
     * PIC with Polyak averaging and the per-step learning-rate decay, interrupted after epoch 1 of 3 and trained again
     * with the same checkpoints, ends with the weights and the history of an uninterrupted run.
     */
    @Test
    void anInterruptedVariantResumesFromItsCheckpointExactly(@TempDir Path dir) {
        ColorizationExperiment.Config cfg = smokeWith(3, ColorizationExperiment.Config.forScale(Scale.SMOKE).learningRate());
        Checkpoints checkpoints = Checkpoints.in(dir, cfg, 1);
        try (ColorizationExperiment whole = new ColorizationExperiment(cfg, 1).quiet();
             ColorizationExperiment cut = new ColorizationExperiment(cfg, 1).quiet().checkpoints(checkpoints);
             ColorizationExperiment resumed = new ColorizationExperiment(cfg, 1).quiet().checkpoints(checkpoints)) {
            ColorizationExperiment.Trained a = whole.train(ColorizationExperiment.Variant.PIC);
            try {
                assertThrows(TrainingInterruptedException.class, () -> cut.train(ColorizationExperiment.Variant.PIC,
                        (epoch, row, history) -> Thread.currentThread().interrupt()));
            } finally {
                Thread.interrupted();
            }
            ColorizationExperiment.Trained b = resumed.train(ColorizationExperiment.Variant.PIC);
            assertEquals(3, b.result().history().rowCount());
            assertArrayEquals(a.result().history().doubleColumn("val_loss").asDoubleArray(),
                    b.result().history().doubleColumn("val_loss").asDoubleArray());
            var pa = a.model().getParameters().values();
            var pb = b.model().getParameters().values();
            for (int i = 0; i < pa.size(); i++) {
                assertArrayEquals(pa.get(i).getArray().toFloatArray(), pb.get(i).getArray().toFloatArray(),
                        pa.get(i).getName() + " differs after resume");
            }
        }
    }

    /** A learning rate far too large makes the weights overflow: the core guard stops, naming the variant. */
    @Test
    void aDivergingVariantStopsWithTheCoreErrorNamingIt() {
        try (ColorizationExperiment exp = new ColorizationExperiment(smokeWith(1, 1e30f), 1).quiet()) {
            var e = assertThrows(NonFiniteLossException.class, () -> exp.train(ColorizationExperiment.Variant.PIC));
            assertTrue(e.model().startsWith("PIC ("), e.model());
            assertEquals(1, e.epoch());
        }
    }

    /** Native memory stays flat: the experiment's manager holds as many arrays after epoch 4 as after epoch 2. */
    @Test
    void nativeMemoryStaysFlatAcrossEpochs() {
        try (ColorizationExperiment exp = new ColorizationExperiment(
                smokeWith(4, ColorizationExperiment.Config.forScale(Scale.SMOKE).learningRate()), 1).quiet()) {
            int[] arrays = new int[4];
            exp.train(ColorizationExperiment.Variant.PIC, (epoch, row, history) -> arrays[epoch - 1] = exp.manager().getManagedArrays().size());
            assertEquals(arrays[1], arrays[3], "arrays held between epochs 2 and 4: " + java.util.Arrays.toString(arrays));
        }
    }

    /** The smoke configuration with 32 training images, {@code epochs} epochs and this learning rate. */
    private static ColorizationExperiment.Config smokeWith(int epochs, float learningRate) {
        return ColorizationExperiment.Config.forScale(Scale.SMOKE).withTrainImages(32).withEpochs(epochs)
                .withLearningRate(learningRate);
    }
}
