package org.thesislab.cpfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thesislab.core.Scale;
import org.thesislab.core.train.Checkpoints;
import org.thesislab.core.train.NonFiniteLossException;
import org.thesislab.core.train.TrainingInterruptedException;

class CpfsExperimentTest {
    @Test
    void smokeRunsEveryArmEndToEnd() {
        CpfsExperiment.Config s = CpfsExperiment.Config.forScale(Scale.SMOKE);
        assertTrue(s.arms().contains(CpfsExperiment.Arm.SHUFFLED));
        long t0 = System.nanoTime();
        CpfsResults results = CpfsExperiment.run(s, 0, Checkpoints.none());
        System.out.println(CpfsTables.transferTable(results).printAll());
        System.out.println(CpfsTables.probeTable(results, true).printAll());
        System.out.printf("smoke run %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertEquals(s.arms(), List.copyOf(results.scores().keySet()));
        for (var a : results.scores().values()) {
            double acc = a.probeAccuracy().get("hypercolumn")[0];
            assertTrue(acc > 0 && acc <= 1);
        }
    }

    /** CPFS-CE's pre-training, with early stopping's state, interrupted after epoch 1 of 3 and resumed. */
    @Test
    void anInterruptedPreTrainingResumesFromItsCheckpointExactly(@TempDir Path dir) {
        CpfsExperiment.Config s = CpfsExperiment.Config.forScale(Scale.SMOKE).with(32, 3, 1, 1, List.of(CpfsExperiment.Arm.CPFS_CE));
        Checkpoints checkpoints = Checkpoints.in(dir, s, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            CpfsExperiment.PretrainData data = CpfsExperiment.pretrainData(s, 0, false, m);
            var whole = CpfsExperiment.pretrain(CpfsExperiment.Arm.CPFS_CE, data, s, 0, null, Checkpoints.none(), m);
            try {
                assertThrows(TrainingInterruptedException.class, () -> CpfsExperiment.pretrain(CpfsExperiment.Arm.CPFS_CE,
                        data, s, 0, (epoch, row, history) -> Thread.currentThread().interrupt(), checkpoints, m));
            } finally {
                Thread.interrupted();
            }
            var resumed = CpfsExperiment.pretrain(CpfsExperiment.Arm.CPFS_CE, data, s, 0, null, checkpoints, m);
            assertArrayEquals(whole.result().history().doubleColumn("val_loss").asDoubleArray(),
                    resumed.result().history().doubleColumn("val_loss").asDoubleArray());
            assertEquals(whole.result().bestEpoch(), resumed.result().bestEpoch());
            var a = whole.net().getParameters().values();
            var b = resumed.net().getParameters().values();
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i).getArray().toFloatArray(), b.get(i).getArray().toFloatArray(), a.get(i).getName());
            }
        }
    }

    /** A learning rate far too large makes the weights overflow: the core guard stops, naming the arm, and saves nothing. */
    @Test
    void aDivergingPreTrainingStopsWithTheCoreErrorNamingTheArmAndSavesNothing(@TempDir Path dir) {
        CpfsExperiment.Config s = smokeWith(2, 2, 1e30f);
        Checkpoints checkpoints = Checkpoints.in(dir, s, 0);
        try (NDManager m = NDManager.newBaseManager()) {
            CpfsExperiment.PretrainData data = CpfsExperiment.pretrainData(s, 0, false, m);
            var e = assertThrows(NonFiniteLossException.class, () -> CpfsExperiment.pretrain(CpfsExperiment.Arm.CPFS_CE,
                    data, s, 0, null, checkpoints, m));
            assertTrue(e.model().contains(CpfsExperiment.Arm.CPFS_CE.key), e.model());
            assertEquals(1, e.epoch());
            assertFalse(java.nio.file.Files.exists(checkpoints.dir()), "a diverged first epoch leaves no checkpoint");
        }
    }

    /** Native memory stays flat: the caller's manager holds as many arrays after epoch 4 as after epoch 2. */
    @Test
    void nativeMemoryStaysFlatAcrossPreTrainingEpochs() {
        CpfsExperiment.Config s = smokeWith(4, 10, CpfsExperiment.Config.forScale(Scale.SMOKE).learningRate());
        try (NDManager m = NDManager.newBaseManager()) {
            CpfsExperiment.PretrainData data = CpfsExperiment.pretrainData(s, 0, false, m);
            int[] arrays = new int[4];
            CpfsExperiment.pretrain(CpfsExperiment.Arm.CPFS_CE, data, s, 0,
                    (epoch, row, history) -> arrays[epoch - 1] = m.getManagedArrays().size(), Checkpoints.none(), m);
            assertEquals(arrays[1], arrays[3], "arrays held between epochs 2 and 4: " + java.util.Arrays.toString(arrays));
        }
    }

    /** The smoke configuration, CPFS-CE only, with these epochs, patience and learning rate. */
    private static CpfsExperiment.Config smokeWith(int epochs, int patience, float learningRate) {
        CpfsExperiment.Config s = CpfsExperiment.Config.forScale(Scale.SMOKE);
        return new CpfsExperiment.Config(s.size(), s.architecture(), 32, s.validationFrames(), s.batchSize(), s.pixels(),
                epochs, patience, learningRate, s.flowClsLearningRate(), s.sigma2(), s.flowM(), s.labelledFrames(),
                s.labelSubsets(), s.testFrames(), s.probeEpochs(), s.probeLearningRate(), s.fineTunePixels(),
                s.fineTuneEpochs(), s.fineTuneLearningRate(), List.of(CpfsExperiment.Arm.CPFS_CE));
    }
}
