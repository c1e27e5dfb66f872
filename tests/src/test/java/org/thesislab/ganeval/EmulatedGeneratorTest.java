package org.thesislab.ganeval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.thesislab.core.data.TensorDataset;

/** Each emulated generator against its definition, on a synthetic "real" set whose every image is distinct. */
class EmulatedGeneratorTest {
    private static final int N = 400;
    private static final int SIDE = 8;
    private static NDManager manager;
    private static TensorDataset real;

    @BeforeAll
    static void makeRealSet() {
        manager = NDManager.newBaseManager();
        float[] pixels = new float[N * SIDE * SIDE];
        int[] labels = new int[N];
        for (int i = 0; i < N; i++) {
            labels[i] = i % 10;
            for (int p = 0; p < SIDE * SIDE; p++) {
                // mid-grey with the image index in the first pixel, so that images stay tellable apart under noise
                pixels[i * SIDE * SIDE + p] = p == 0 ? i / (float) N : 0.5f;
            }
        }
        real = new TensorDataset(new NDList(manager.create(pixels, new Shape(N, 1, SIDE, SIDE))), new NDList(manager.create(labels)));
    }

    @AfterAll
    static void close() {
        manager.close();
    }

    @Test
    void subsampledKeepsDistinctRealImagesWithTheirLabels() {
        try (NDManager m = manager.newSubManager()) {
            TensorDataset s = new EmulatedGenerator.Subsampled(50).generate(real, m, 3);
            int[] index = indices(s);
            assertEquals(50, new HashSet<>(java.util.Arrays.stream(index).boxed().toList()).size(), "50 distinct images");
            int[] labels = s.labels().get(0).toIntArray();
            for (int i = 0; i < index.length; i++) {
                assertEquals(index[i] % 10, labels[i], "the label of real image " + index[i]);
            }
            assertArrayEquals(index, indices(new EmulatedGenerator.Subsampled(50).generate(real, m, 3)), "same seed, same set");
            int[] larger = indices(new EmulatedGenerator.Subsampled(100).generate(real, m, 3));
            Set<Integer> big = new HashSet<>(java.util.Arrays.stream(larger).boxed().toList());
            assertTrue(java.util.Arrays.stream(index).allMatch(big::contains), "subsets of one seed are nested");
            assertThrows(IllegalArgumentException.class, () -> new EmulatedGenerator.Subsampled(N + 1).generate(real, m, 3));
        }
    }

    @Test
    void saltAndPepperReplacesTheGivenShareOfPixelsByBlackOrWhite() {
        try (NDManager m = manager.newSubManager()) {
            float[] x = new EmulatedGenerator.SaltAndPepper(0.2).generate(real, m, 1).features().get(0).toFloatArray();
            int replaced = 0;
            int black = 0;
            int others = 0;
            for (int i = 0; i < N; i++) {
                for (int p = 1; p < SIDE * SIDE; p++) {
                    float v = x[i * SIDE * SIDE + p];
                    replaced += v != 0.5f ? 1 : 0;
                    black += v == 0f ? 1 : 0;
                    others += v != 0.5f && v != 0f && v != 1f ? 1 : 0;
                }
            }
            double share = replaced / (double) (N * (SIDE * SIDE - 1));
            assertEquals(0.2, share, 0.01, "share of replaced pixels");
            assertEquals(0.5, black / (double) replaced, 0.03, "half black, half white");
            assertEquals(0, others, "a replaced pixel is black or white");
        }
    }

    @Test
    void gaussianNoiseHasTheGivenSigmaOnTheByteScale() {
        try (NDManager m = manager.newSubManager()) {
            TensorDataset noisy = new EmulatedGenerator.GaussianNoise(5, 0).generate(real, m, 1);
            assertEquals(N, noisy.size());
            float[] x = noisy.features().get(0).toFloatArray();
            double sum = 0;
            double sq = 0;
            int n = 0;
            for (int i = 0; i < N; i++) {
                for (int p = 1; p < SIDE * SIDE; p++) {
                    double d = (x[i * SIDE * SIDE + p] - 0.5) * 255;
                    sum += d;
                    sq += d * d;
                    n++;
                }
            }
            assertEquals(0, sum / n, 0.1, "zero mean");
            assertEquals(5, Math.sqrt(sq / n), 0.1, "σ = 5 grey levels");
            assertEquals(40, new EmulatedGenerator.GaussianNoise(5, 40).generate(real, m, 1).size());
        }
    }

    @Test
    void memorizerMakesOnlyItsDistinctImagesTheSubsampledOnesOfTheSameSeed() {
        try (NDManager m = manager.newSubManager()) {
            TensorDataset drawn = new EmulatedGenerator.Memorizer(30, 300).generate(real, m, 5);
            assertEquals(300, drawn.size());
            Set<Integer> made = new HashSet<>(java.util.Arrays.stream(indices(drawn)).boxed().toList());
            Set<Integer> pool = new HashSet<>(java.util.Arrays.stream(indices(new EmulatedGenerator.Subsampled(30)
                    .generate(real, m, 5))).boxed().toList());
            assertTrue(pool.containsAll(made), "only the memorized images");
            assertTrue(made.size() >= 28, "300 draws from 30 reach (almost) all of them: " + made.size());
        }
    }

    /** The real image each generated image was made from (its first pixel holds the index). */
    private static int[] indices(TensorDataset s) {
        float[] x = s.features().get(0).toFloatArray();
        int[] out = new int[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.round(x[i * SIDE * SIDE] * N);
        }
        return out;
    }
}
