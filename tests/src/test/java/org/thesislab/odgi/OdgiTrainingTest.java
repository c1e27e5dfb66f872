package org.thesislab.odgi;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thesislab.core.train.Checkpoints;
import org.thesislab.core.train.NonFiniteLossException;
import org.thesislab.core.train.TrainingInterruptedException;

import java.nio.file.Path;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** ODGI's training runs on core's training step: its NaN guard, seeded and repeatable updates, exact resume. */
class OdgiTrainingTest {
    private static final OdgiTraining.Settings TINY =
            new OdgiTraining.Settings(2, 8, 1e-3, 1, 2, 0.33, new int[]{4, 8, 8, 8}, 4, true, 7);

    private static AerialData data() {
        return new AerialData(SparseClusters.aerial(128).generate(24, 11));
    }

    @Test
    void aNanInputStopsOdgiWithTheCoreErrorNamingTheStage() {
        List<AerialImage> images = new ArrayList<>(data().images());
        AerialImage first = images.get(0);
        float[] pixels = first.pixels().clone();
        pixels[100] = Float.NaN;
        images.set(0, new AerialImage(pixels, first.size(), first.objects()));
        try (NDManager m = NDManager.newBaseManager()) {
            var e = assertThrows(NonFiniteLossException.class, () -> OdgiTraining.trainOdgi(m, new AerialData(images),
                    32, 16, TINY, OdgiLoss.Settings.intermediateStage(), OdgiTraining.Listener.SILENT, Checkpoints.none()));
            assertEquals("ODGI 32-16 stage 1", e.model());
            assertEquals(1, e.epoch());
            assertTrue(e.getMessage().contains("ODGI 32-16 stage 1") && e.getMessage().contains("NaN"), e.getMessage());
        }
    }

    @Test
    void theSameSeedGivesBitIdenticalWeightsAndAnotherSeedDoesNot() {
        AerialData d = data();
        try (NDManager m = NDManager.newBaseManager()) {
            OdgiDetector a = OdgiTraining.trainOdgi(m, d, 32, 16, TINY, OdgiLoss.Settings.intermediateStage(),
                    OdgiTraining.Listener.SILENT, Checkpoints.none()).detector();
            OdgiDetector b = OdgiTraining.trainOdgi(m, d, 32, 16, TINY, OdgiLoss.Settings.intermediateStage(),
                    OdgiTraining.Listener.SILENT, Checkpoints.none()).detector();
            OdgiDetector c = OdgiTraining.trainOdgi(m, d, 32, 16, TINY.withSeed(8), OdgiLoss.Settings.intermediateStage(),
                    OdgiTraining.Listener.SILENT, Checkpoints.none()).detector();
            assertArrayEquals(weights(a.stage1()), weights(b.stage1()), "stage 1");
            assertArrayEquals(weights(a.stage2()), weights(b.stage2()), "stage 2");
            assertFalse(java.util.Arrays.equals(weights(a.stage1()), weights(c.stage1())), "the seed must matter");
            for (OdgiDetector o : List.of(a, b, c)) {
                o.stage1().close();
                o.stage2().close();
            }
        }
    }

    @Test
    void nativeMemoryStaysFlatAcrossEpochsWhileBothStagesTrain() {
        AerialData d = data();
        var fourEpochs = new OdgiTraining.Settings(4, 8, 1e-3, 1, 2, 0.33, new int[]{4, 8, 8, 8}, 4, true, 7);
        try (NDManager m = NDManager.newBaseManager()) {
            int[] counts = new int[4];
            OdgiDetector o = OdgiTraining.trainOdgi(m, d, 32, 16, fourEpochs, OdgiLoss.Settings.intermediateStage(),
                    (model, epoch, epochs, l1, l2, s) -> counts[epoch - 1] = m.getManagedArrays().size(), Checkpoints.none()).detector();
            assertEquals(counts[1], counts[3], "arrays held by the caller's manager grew between epochs 2 and 4");
            o.stage1().close();
            o.stage2().close();
        }
    }

    @Test
    void anInterruptedTwoStageTrainingResumesFromItsCheckpointsExactlyAsIfUninterrupted(@TempDir Path dir) {
        AerialData d = data();
        var threeEpochs = new OdgiTraining.Settings(3, 8, 1e-3, 1, 2, 0.33, new int[]{4, 8, 8, 8}, 4, true, 7);
        Checkpoints checkpoints = Checkpoints.in(dir, threeEpochs, 7);
        try (NDManager m = NDManager.newBaseManager()) {
            var whole = OdgiTraining.trainOdgi(m, d, 32, 16, threeEpochs, OdgiLoss.Settings.intermediateStage(),
                    OdgiTraining.Listener.SILENT, Checkpoints.none());
            // Interrupted after epoch 2, when stage 2 (delayed by one epoch) has trained for one epoch with its own Adam.
            try {
                assertThrows(TrainingInterruptedException.class, () -> OdgiTraining.trainOdgi(m, d, 32, 16, threeEpochs,
                        OdgiLoss.Settings.intermediateStage(), (model, epoch, epochs, l1, l2, s) -> {
                            if (epoch == 2) {
                                Thread.currentThread().interrupt();
                            }
                        }, checkpoints));
            } finally {
                Thread.interrupted();
            }
            List<Integer> told = new ArrayList<>();
            var resumed = OdgiTraining.trainOdgi(m, d, 32, 16, threeEpochs, OdgiLoss.Settings.intermediateStage(),
                    (model, epoch, epochs, l1, l2, s) -> told.add(epoch), checkpoints);
            assertEquals(List.of(1, 2, 3), told, "the restored epochs are reported first");
            assertArrayEquals(weights(whole.detector().stage1()), weights(resumed.detector().stage1()), "stage 1");
            assertArrayEquals(weights(whole.detector().stage2()), weights(resumed.detector().stage2()), "stage 2");
            assertEquals(whole.history().stream().map(e -> List.of(e.stage1Loss(), e.stage2Loss())).toList(),
                    resumed.history().stream().map(e -> List.of(e.stage1Loss(), e.stage2Loss())).toList());
            for (var o : List.of(whole.detector(), resumed.detector())) {
                o.stage1().close();
                o.stage2().close();
            }
        }
    }

    /** Every parameter of the block, BatchNorm's running statistics included, in order. */
    private static float[] weights(GridDetector net) {
        List<float[]> parts = net.block().getParameters().values().stream().map(p -> p.getArray().toFloatArray()).toList();
        float[] out = new float[parts.stream().mapToInt(p -> p.length).sum()];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
