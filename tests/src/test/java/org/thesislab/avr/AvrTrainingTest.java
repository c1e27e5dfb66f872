package org.thesislab.avr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thesislab.core.Scale;
import org.thesislab.core.train.Checkpoints;
import org.thesislab.core.train.NonFiniteLossException;
import org.thesislab.core.train.TrainingInterruptedException;

/**
 * AVR's training on the core loop: it resumes exactly (the -co models' reversal ramp and SGD annealing continue where
 * they stopped), and a diverging run stops with the core's error.
 */
class AvrTrainingTest {
    @Test
    void anInterruptedCoModelResumesFromItsCheckpointExactly(@TempDir Path dir) {
        var cfg = AvrExperiment.Config.forScale(Scale.SMOKE).withTrainCount(320).withEpochs(3);
        Benchmark b = Benchmark.shapes3d(cfg.imageSize());
        var data = AvrExperiment.Data.generate(b, HeldOut.latinDiagonal(b.universe(), 0), cfg, 5);
        Checkpoints checkpoints = Checkpoints.in(dir, cfg, 5);
        var whole = AvrExperiment.run(RationaleModel.Kind.CNN_CO, data, cfg, 5, false, Checkpoints.none());
        try {
            assertThrows(TrainingInterruptedException.class, () -> {
                try (NDManager m = NDManager.newBaseManager()) {
                    AvrExperiment.run(RationaleModel.Kind.CNN_CO, data, cfg, 5, false, checkpoints,
                            (epoch, row, history) -> Thread.currentThread().interrupt(), m);
                }
            });
        } finally {
            Thread.interrupted();
        }
        var resumed = AvrExperiment.run(RationaleModel.Kind.CNN_CO, data, cfg, 5, false, checkpoints);
        assertEquals(3, resumed.history().rowCount());
        for (String column : new String[] {"train_loss", "val_loss", "val_Accuracy"}) {
            assertArrayEquals(whole.history().doubleColumn(column).asDoubleArray(),
                    resumed.history().doubleColumn(column).asDoubleArray(), column);
        }
        assertArrayEquals(whole.heldOutPredictions(), resumed.heldOutPredictions());
        assertEquals(whole.domainAccuracy(), resumed.domainAccuracy());
    }

    /** A learning rate far too large makes the weights overflow: the core guard stops, naming the model, and saves nothing. */
    @Test
    void aDivergingTrainingStopsWithTheCoreErrorNamingTheModelAndSavesNothing(@TempDir Path dir) {
        var cfg = AvrExperiment.Config.forScale(Scale.SMOKE).withTrainCount(320).withEpochs(2).withOptimizer(1e30f, 1e30f);
        Benchmark b = Benchmark.shapes3d(cfg.imageSize());
        var data = AvrExperiment.Data.generate(b, HeldOut.latinDiagonal(b.universe(), 0), cfg, 5);
        Checkpoints checkpoints = Checkpoints.in(dir, cfg, 5);
        var e = assertThrows(NonFiniteLossException.class,
                () -> AvrExperiment.run(RationaleModel.Kind.CNN, data, cfg, 5, false, checkpoints));
        assertEquals("CNN", e.model());
        assertEquals(1, e.epoch());
        assertTrue(e.getMessage().contains("epoch 1, batch " + e.batch()), e.getMessage());
        assertFalse(Files.exists(checkpoints.dir()), "a diverged first epoch leaves no checkpoint");
    }

    /** Native memory stays flat: the run's manager holds as many arrays after epoch 4 as after epoch 2. */
    @Test
    void nativeMemoryStaysFlatAcrossEpochs() {
        var cfg = AvrExperiment.Config.forScale(Scale.SMOKE).withTrainCount(320).withEpochs(4);
        Benchmark b = Benchmark.shapes3d(cfg.imageSize());
        var data = AvrExperiment.Data.generate(b, HeldOut.latinDiagonal(b.universe(), 0), cfg, 5);
        int[] arrays = new int[4];
        try (NDManager m = NDManager.newBaseManager()) {
            AvrExperiment.run(RationaleModel.Kind.CNN_CO, data, cfg, 5, false, Checkpoints.none(),
                    (epoch, row, history) -> arrays[epoch - 1] = m.getManagedArrays().size(), m);
        }
        assertEquals(arrays[1], arrays[3], "arrays held between epochs 2 and 4: " + java.util.Arrays.toString(arrays));
    }
}
