package org.thesislab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {
    @Test
    void trainValidationIsADisjointCoverAndSeeded() {
        Splits.Split s = Splits.trainValidation(103, 0.2, 5);
        assertEquals(21, s.validation().length);
        int[] all = IntStream.concat(Arrays.stream(s.train()), Arrays.stream(s.validation())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 103).toArray(), all);
        assertArrayEquals(s.validation(), Splits.trainValidation(103, 0.2, 5).validation());
        assertFalse(Arrays.equals(s.validation(), Splits.trainValidation(103, 0.2, 6).validation()));
    }

    @Test
    void perClassTakesAtMostKOfEachClass() {
        int[] labels = new int[300];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = i % 3;
        }
        int[] picked = Splits.perClass(labels, 3, 4, 1);
        assertEquals(12, picked.length);
        int[] counts = new int[3];
        for (int i : picked) {
            counts[labels[i]]++;
        }
        assertArrayEquals(new int[] {4, 4, 4}, counts);
    }
}
