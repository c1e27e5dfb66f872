package org.thesislab.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scalar operands that the backward pass reads must survive a garbage collection between forward and backward. */
class ScalarsTest {
    private static final float[] X = {1.5f, -2f, 0.25f, 4f};

    private static float[] gradient(Function<NDArray, NDArray> f, boolean pressure) {
        try (NDManager m = NDManager.newBaseManager()) {
            return GcPressure.inputGradient(m.create(X), f, pressure);
        }
    }

    @Test
    void gradientsThroughScalarsAreExactAfterAGc() {
        assertArrayEquals(new float[] {3, 3, 3, 3}, gradient(x -> Scalars.times(x, 3), true));
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, gradient(x -> Scalars.over(x, 2), true));
        assertArrayEquals(new float[] {3, -4, 0.5f, 8}, gradient(x -> Scalars.power(x, 2), true));
        assertArrayEquals(new float[] {1, 0, 0, 1}, gradient(x -> Scalars.atLeast(x, 1), true));
        assertArrayEquals(new float[] {0, 1, 1, 0}, gradient(x -> Scalars.atMost(x, 1), true));
    }

    @Test
    void valuesMatchDjlsOwnScalarOps() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(X);
            assertArrayEquals(x.mul(1.7).toFloatArray(), Scalars.times(x, 1.7).toFloatArray());
            assertArrayEquals(x.div(127.5).toFloatArray(), Scalars.over(x, 127.5).toFloatArray());
            assertArrayEquals(x.abs().pow(1 / 2.4).toFloatArray(), Scalars.power(x.abs(), 1 / 2.4).toFloatArray());
            NDArray ints = m.create(new int[] {3, 4});
            assertEquals(ints.getDataType(), Scalars.times(ints, 2).getDataType(), "an integral constant keeps int type");
            assertArrayEquals(new float[] {1.5f, 2f}, Scalars.over(ints, 2).toFloatArray(), "a fractional one promotes");
        }
    }

    /**
     * Why {@link Scalars} exists: DJL 0.32's own {@code x.mul(3)} hands autograd a tensor whose memory is
     * freed with its Java buffer. If this starts failing, DJL fixed it and the workaround can go.
     */
    @Test
    void djlsScalarOperandIsReadAfterItIsFreed() {
        boolean wrong = false;
        for (int attempt = 0; attempt < 10 && !wrong; attempt++) {
            float[] g = gradient(x -> x.mul(3f), true);
            wrong = g[0] != 3f;
        }
        assertTrue(wrong, "x.mul(3f) gave the right gradient after a GC in 10 of 10 tries: DJL may have fixed"
                + " the borrowed scalar; check and retire Scalars");
    }
}
