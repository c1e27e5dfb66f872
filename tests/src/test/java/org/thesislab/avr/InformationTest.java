package org.thesislab.avr;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class InformationTest {

    @Test
    void independentCodeAndLabelGiveAboutZero() {
        Random rng = new Random(1);
        int n = 2000;
        float[] z = new float[n * 2];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            z[2 * i] = (float) rng.nextGaussian();
            z[2 * i + 1] = rng.nextFloat();
            c[i] = rng.nextInt(5);
        }
        assertEquals(0, Information.mutualInformation(z, 2, c, 3, 0), 0.02);
    }

    @Test
    void deterministicDiscreteFunctionGivesItsEntropy() {
        Random rng = new Random(2);
        int n = 2000;
        float[] z = new float[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = rng.nextInt(5);
            z[i] = c[i] * 10 + (float) rng.nextGaussian(); // well separated: z determines c
        }
        assertEquals(Math.log(5), Information.labelEntropy(c), 0.01);
        assertEquals(Math.log(5), Information.mutualInformation(z, 1, c, 3, 0), 0.03);
    }

    @Test
    void partialOverlapIsBetweenTheExtremes() {
        // two unit Gaussians two standard deviations apart: I = H(c) - H(c|z) = 0.3368 nats (numerical integral)
        Random rng = new Random(3);
        int n = 4000;
        float[] z = new float[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[i] = rng.nextInt(2);
            z[i] = (float) (c[i] * 2 + rng.nextGaussian());
        }
        double mi = Information.mutualInformation(z, 1, c, 3, 0);
        assertEquals(0.3368, mi, 0.03);
    }

    @Test
    void singletonLabelsAreDroppedFromEveryTermByHand() {
        // k = 2. Label 0 at 0, 1, 2.5; label 1 at 5.5, 6.5, 9; singleton labels 2 at 3.5 and 3 at 7.5.
        // Dropping the singletons leaves N = 6, every N_c = 3, every k_i = min(2, 3 - 1) = 2.
        // (1-D: the unit-variance scaling changes no radius order or count; no distance ties a radius.)
        //   z_i   same-label distances  d_i   points of the six strictly within d_i      m_i
        //   0     1, 2.5                2.5   0, 1                                       2
        //   1     1, 1.5                1.5   0, 1                                       2
        //   2.5   1.5, 2.5              2.5   1, 2.5             (+3.5 if kept)          2 (3)
        //   5.5   1, 3.5                3.5   2.5, 5.5, 6.5      (+3.5, 7.5 if kept)     3 (5)
        //   6.5   1, 2.5                2.5   5.5, 6.5           (+7.5 if kept)          2 (3)
        //   9     2.5, 3.5              3.5   6.5, 9             (+7.5 if kept)          2 (3)
        // psi(n) = H_{n-1} - gamma (harmonic numbers), so the gammas cancel in
        // I = psi(N) + psi(k) - <psi(N_c)> - <psi(m)> = H_5 + H_1 - H_2 - <H_{m-1}>
        //   = 137/60 + 1 - 3/2 - (5 * 1 + 3/2) / 6 = 107/60 - 65/60 = 0.7.
        // Counting the singletons in m alone (the old code) gives <H_{m-1}> = (1 + 1 + 3/2 + 25/12 + 3/2 + 3/2) / 6
        // = 103/72, so 107/60 - 103/72 = 127/360 = 0.3528.
        float[] z = {0, 1, 2.5f, 5.5f, 6.5f, 9, 3.5f, 7.5f};
        int[] c = {0, 0, 0, 1, 1, 1, 2, 3};
        assertEquals(0.7, Information.mutualInformation(z, 1, c, 2, 0), 1e-9);
    }

    @Test
    void addingSingletonLabelsLeavesTheEstimateUnchanged() {
        Random rng = new Random(5);
        int n = 300;
        int extra = 40;
        float[] z = new float[n + extra];
        int[] c = new int[n + extra];
        for (int i = 0; i < n; i++) {
            c[i] = rng.nextInt(3);
            z[i] = (float) (c[i] + rng.nextGaussian());
        }
        for (int i = n; i < n + extra; i++) {
            c[i] = 3 + i - n;
            z[i] = (float) (1 + rng.nextGaussian());
        }
        double without = Information.mutualInformation(Arrays.copyOf(z, n), 1, Arrays.copyOf(c, n), 3, 0);
        assertTrue(without > 0.1, "the example should be informative, got " + without);
        // 1-D: the scaling over all points moves no neighbour, so only the 1e-10 jitter differs
        assertEquals(without, Information.mutualInformation(z, 1, c, 3, 0), 1e-6);
    }

    @Test
    void kozachenkoLeonenkoOnUniformIntervals() {
        Random rng = new Random(4);
        int n = 3000;
        float[] z = new float[n];
        for (int i = 0; i < n; i++) {
            z[i] = 4 * rng.nextFloat();
        }
        assertEquals(Math.log(4), Information.entropy(z, 1, 3), 0.05);
    }

    @Test
    void digammaMatchesKnownValues() {
        assertEquals(-0.5772156649, Information.digamma(1), 1e-9);
        assertEquals(1 - 0.5772156649, Information.digamma(2), 1e-9);
        assertEquals(Math.log(1000) - 1 / 2000.0, Information.digamma(1000), 1e-6);
    }

    @Test
    void migOfTheThesisDiagonalMatrixIsOne() {
        double[][] mi = {{2.30, 0, 0}, {0, 2.08, 0}, {0, 0, 2.71}};
        assertEquals(1.0, Information.mig(mi, new double[] {2.30, 2.08, 2.71}), 1e-12);
        // a value captured equally by two blocks has no gap
        double[][] tied = {{1, 1}, {0, 1}};
        assertEquals(0.5, Information.mig(tied, new double[] {1, 1}), 1e-12);
    }
}
