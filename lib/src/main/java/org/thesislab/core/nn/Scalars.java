package org.thesislab.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.function.BinaryOperator;

/**
 * Arithmetic between a tensor and a Java number that stays correct inside an autograd graph. Use these
 * instead of DJL's {@code x.mul(2)}, {@code x.div(c)}, {@code x.pow(c)}, {@code x.maximum(c)} and
 * {@code x.minimum(c)}.
 *
 * <p>Why: on the CPU, DJL 0.32's PyTorch engine turns the number into a tensor that borrows the memory of a
 * direct {@code ByteBuffer} and closes it right after the op. Autograd keeps that tensor for the backward
 * pass (the gradient of {@code x * c} is {@code c}), and once the garbage collector has freed the buffer
 * the backward pass reads freed memory: the gradient becomes garbage, silently and only when a GC falls
 * between forward and backward. Here the number becomes a tensor that libtorch allocates and owns.
 * {@code ScalarsTest} shows the failure and the fix; {@code NoBorrowedScalarsTest} keeps the library free of
 * the unsafe calls.
 */
public final class Scalars {
    private Scalars() {
    }

    /**
     * {@code value} as a 0-d tensor owned by libtorch, on {@code like}'s device and manager, of {@code like}'s
     * type when that is floating point (or when {@code value} is integral), else float32. The caller closes it.
     */
    public static NDArray constant(NDArray like, double value) {
        DataType t = like.getDataType();
        DataType type = t.isFloating() || value == Math.rint(value) ? t : DataType.FLOAT32;
        return like.getManager().full(new Shape(), (float) value, type);
    }

    /** {@code x * c}. */
    public static NDArray times(NDArray x, double c) {
        return with(x, c, NDArray::mul);
    }

    /** {@code x / c}. */
    public static NDArray over(NDArray x, double c) {
        return with(x, c, NDArray::div);
    }

    /** {@code x ^ c}. */
    public static NDArray power(NDArray x, double c) {
        return with(x, c, NDArray::pow);
    }

    /** {@code max(x, c)} element-wise. */
    public static NDArray atLeast(NDArray x, double c) {
        return with(x, c, NDArray::maximum);
    }

    /** {@code min(x, c)} element-wise. */
    public static NDArray atMost(NDArray x, double c) {
        return with(x, c, NDArray::minimum);
    }

    /** {@code x *= c} in place (outside a graph: optimizer state). */
    public static NDArray timesInPlace(NDArray x, double c) {
        return with(x, c, NDArray::muli);
    }

    /** {@code x /= c} in place (outside a graph). */
    public static NDArray overInPlace(NDArray x, double c) {
        return with(x, c, NDArray::divi);
    }

    /**
     * Closing the constant right away keeps long-lived managers (parameters, optimizer state) from filling
     * up; autograd holds its own reference to the libtorch tensor, so the backward pass still reads it.
     */
    private static NDArray with(NDArray x, double c, BinaryOperator<NDArray> op) {
        try (NDArray k = constant(x, c)) {
            return op.apply(x, k);
        }
    }
}
