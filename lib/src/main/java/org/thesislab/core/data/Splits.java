package org.thesislab.core.data;

import java.util.Arrays;
import java.util.Random;
import org.thesislab.core.Seeds;

/** Seeded index splits and subsampling. */
public final class Splits {
    private Splits() {}

    /** Disjoint index sets that together cover 0..n-1. */
    public record Split(int[] train, int[] validation) {}

    /** A seeded random split with {@code round(fraction * n)} validation examples. */
    public static Split trainValidation(int n, double validationFraction, long seed) {
        if (validationFraction <= 0 || validationFraction >= 1) {
            throw new IllegalArgumentException("validationFraction must be in (0, 1); got " + validationFraction);
        }
        int[] perm = permutation(n, Seeds.stream(seed, "split"));
        int nVal = (int) Math.round(validationFraction * n);
        return new Split(Arrays.copyOfRange(perm, nVal, n), Arrays.copyOfRange(perm, 0, nVal));
    }

    /**
     * Up to {@code perClass} example indices of each class, chosen at random with {@code seed}; the result
     * is sorted. Used for the data-scarcity settings (1, 10, 100 images per class).
     */
    public static int[] perClass(int[] labels, int classes, int perClass, long seed) {
        int[] perm = permutation(labels.length, Seeds.stream(seed, "per-class"));
        int[] taken = new int[classes];
        int[] out = new int[Math.min(labels.length, classes * perClass)];
        int k = 0;
        for (int i : perm) {
            int c = labels[i];
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException("label " + c + " at index " + i + " is outside 0.." + (classes - 1));
            }
            if (taken[c] < perClass && k < out.length) {
                taken[c]++;
                out[k++] = i;
            }
        }
        int[] result = Arrays.copyOf(out, k);
        Arrays.sort(result);
        return result;
    }

    public static int[] permutation(int n, Random random) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return idx;
    }
}
