package org.thesislab.avr;

import org.junit.jupiter.api.Test;

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
