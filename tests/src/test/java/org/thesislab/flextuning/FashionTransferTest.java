package org.thesislab.flextuning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.thesislab.core.Threads;

class FashionTransferTest {

    @Test
    void targetsKeepEveryLabelAndScarcitySubsamplesAreBalanced() {
        Threads.configure();
        try (NDManager m = NDManager.newBaseManager();
             FashionTransfer data = FashionTransfer.load(m, new FashionTransfer.Sizes(200, 50, 12, 5, 4), 3)) {
            long[] sourceTestLabels = data.source().testY().toLongArray();
            float[] sourceTest = data.source().testX().toFloatArray();
            for (TargetShift shift : TargetShift.values()) {
                try (TargetDomain d = data.target(shift); NDManager sub = m.newSubManager()) {
                    // Label-preserving: the shifted test images are the source test images, same order, same labels.
                    assertArrayEquals(sourceTestLabels, d.testY().toLongArray(), shift.toString());
                    assertFalse(java.util.Arrays.equals(sourceTest, d.testX().toFloatArray()), shift + " changes the images");
                    assertArrayEquals(data.poolLabels(), d.poolLabels());
                    TransferData scarce = d.subsample(sub, 3, 9);
                    long[] y = scarce.trainY().toLongArray();
                    int[] perClass = new int[10];
                    for (long c : y) {
                        perClass[(int) c]++;
                    }
                    assertArrayEquals(new int[] {3, 3, 3, 3, 3, 3, 3, 3, 3, 3}, perClass, shift.toString());
                    assertEquals(50, scarce.valSize());
                    // The same draw for the same seed, a different one for another seed.
                    assertArrayEquals(scarce.trainX().toFloatArray(), d.subsample(sub, 3, 9).trainX().toFloatArray());
                    assertFalse(java.util.Arrays.equals(scarce.trainX().toFloatArray(), d.subsample(sub, 3, 10).trainX().toFloatArray()));
                }
            }
            try (TargetDomain d = data.target(TargetShift.ROTATED); NDManager sub = m.newSubManager()) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.subsample(sub, 13, 1));
                assertFalse(e.getMessage().isBlank());
            }
        }
    }
}
