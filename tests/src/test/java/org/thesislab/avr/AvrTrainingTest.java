package org.thesislab.avr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thesislab.core.Scale;
import org.thesislab.core.train.Checkpoints;
import org.thesislab.core.train.TrainingInterruptedException;

/** AVR's training resumes exactly: the -co models' reversal ramp and SGD annealing continue where they stopped. */
class AvrTrainingTest {
    @Test
    void anInterruptedCoModelResumesFromItsCheckpointExactly(@TempDir Path dir) {
        var cfg = AvrExperiment.Config.forScale(Scale.SMOKE).withTrainCount(320).withEpochs(3);
        Benchmark b = Benchmark.shapes3d(cfg.imageSize());
        var data = AvrExperiment.Data.generate(b, HeldOut.latinDiagonal(b.universe(), 0), cfg, 5);
        Checkpoints checkpoints = Checkpoints.in(dir, cfg, 5);
        var whole = AvrExperiment.run(RationaleModel.Kind.CNN_CO, data, cfg, 5, false, Checkpoints.none());
        try {
            assertThrows(TrainingInterruptedException.class, () -> AvrExperiment.run(RationaleModel.Kind.CNN_CO, data,
                    cfg, 5, false, checkpoints, (epoch, row, history) -> Thread.currentThread().interrupt()));
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
}
