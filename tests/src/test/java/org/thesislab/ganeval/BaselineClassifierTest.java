package org.thesislab.ganeval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thesislab.core.Threads;
import org.thesislab.core.data.FashionMnist;
import org.thesislab.core.data.TensorDataset;
import org.thesislab.core.train.NonFiniteLossException;
import org.thesislab.core.train.TrainingInterruptedException;

/** The thesis' MNIST classifier: its shape, its learning-rate schedule, exact resume and a clear divergence. */
class BaselineClassifierTest {
    private static final BaselineClassifier.Settings SMALL = new BaselineClassifier.Settings(List.of(4, 8, 8, 16), 8, 32,
            0.1f, 0.9f, 1e-4f);

    @Test
    void theLearningRateDropsTenfoldAtHalfAndThreeQuartersOfTheSteps() {
        var s = new BaselineClassifier.Settings(List.of(32, 64, 128, 256), 64_000, 128, 0.1f, 0.9f, 1e-4f);
        assertEquals(0.1f, s.learningRateAfter(0));
        assertEquals(0.1f, s.learningRateAfter(31_999));
        assertEquals(0.01f, s.learningRateAfter(32_000), 1e-9);
        assertEquals(0.001f, s.learningRateAfter(48_000), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new BaselineClassifier.Settings(List.of(32, 64, 128), 10, 8, 0.1f, 0.9f, 0));
    }

    @Test
    void itClassifiesAndItsFeaturesAreThePooledLastConvolution() {
        Threads.configure();
        try (NDManager m = NDManager.newBaseManager(); TensorDataset d = FashionMnist.load(m, FashionMnist.Split.TEST, 100);
             BaselineClassifier c = BaselineClassifier.train("test", d, 10, SMALL, 0, m, null)) {
            assertEquals(16, c.features(d)[0].length, "one feature per filter of the fourth convolution");
            float[][] p = c.probabilities(d);
            assertEquals(100, p.length);
            double sum = 0;
            for (float v : p[0]) {
                sum += v;
            }
            assertEquals(1, sum, 1e-5);
            double acc = c.accuracy(d);
            assertTrue(acc >= 0 && acc <= 1);
        }
    }

    /** Interrupted after epoch 3 of 4 (past the first learning-rate drop) and resumed: the same weights as in one go. */
    @Test
    void anInterruptedTrainingResumesFromItsCheckpointExactly(@TempDir Path dir) {
        Threads.configure();
        try (NDManager m = NDManager.newBaseManager(); TensorDataset d = FashionMnist.load(m, FashionMnist.Split.TEST, 64)) {
            // 64 images of batch 32: 2 steps per epoch, 8 steps = 4 epochs, the rate drops after epochs 2 and 3
            float[][] whole;
            try (BaselineClassifier c = BaselineClassifier.train("whole", d, 10, SMALL, 7, m, null)) {
                whole = c.features(d);
            }
            try {
                assertThrows(TrainingInterruptedException.class, () -> BaselineClassifier.train("interrupted", d, 10, SMALL, 7,
                        m, dir, (epoch, row, history) -> {
                            if (epoch == 3) {
                                Thread.currentThread().interrupt();
                            }
                        }, false));
            } finally {
                Thread.interrupted();
            }
            try (BaselineClassifier c = BaselineClassifier.train("resumed", d, 10, SMALL, 7, m, dir)) {
                assertEquals(4, c.training().epochsRun());
                float[][] resumed = c.features(d);
                for (int i = 0; i < whole.length; i++) {
                    assertArrayEquals(whole[i], resumed[i], "image " + i);
                }
            }
        }
    }

    @Test
    void aDivergingTrainingNamesTheClassifier() {
        Threads.configure();
        var huge = new BaselineClassifier.Settings(List.of(4, 8, 8, 16), 8, 32, 1e30f, 0.9f, 0);
        try (NDManager m = NDManager.newBaseManager(); TensorDataset d = FashionMnist.load(m, FashionMnist.Split.TEST, 64)) {
            var e = assertThrows(NonFiniteLossException.class,
                    () -> BaselineClassifier.train("classifier on salt & pepper 20%", d, 10, huge, 0, m, null));
            assertTrue(e.model().contains("salt & pepper 20%"), e.model());
        }
    }
}
