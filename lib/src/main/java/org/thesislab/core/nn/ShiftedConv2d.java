package org.thesislab.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A causally shifted convolution of PixelCNN++ (Salimans et al. 2017): zero padding on the top (and,
 * for {@link Kind#DOWN_RIGHT}, the left) followed by a VALID convolution, so the output keeps the
 * input's H x W and never looks below (or right of) its own position.
 * <ul>
 *   <li>{@link Kind#DOWN}, kernel kh x kw (kw odd): output (i, j) sees rows i-kh+1..i and columns
 *       j-(kw-1)/2..j+(kw-1)/2 (the vertical stack).</li>
 *   <li>{@link Kind#DOWN_RIGHT}, kernel kh x kw: output (i, j) sees rows i-kh+1..i and columns
 *       j-kw+1..j (the horizontal stack).</li>
 * </ul>
 * Both include the current position; combine with {@link Shifts} to exclude it (the "mask A" step).
 */
public final class ShiftedConv2d extends AbstractBlock {
    /** Which half-plane the convolution may see. */
    public enum Kind { DOWN, DOWN_RIGHT }

    private final Kind kind;
    private final int kh;
    private final int kw;
    private final int filters;
    private final Conv2d conv;

    public ShiftedConv2d(Kind kind, int kh, int kw, int filters) {
        if (kh < 1 || kw < 1 || filters < 1) {
            throw new IllegalArgumentException("kernel " + kh + "x" + kw + " and filters " + filters
                    + " must all be >= 1");
        }
        if (kind == Kind.DOWN && kw % 2 == 0) {
            throw new IllegalArgumentException("a DOWN shifted conv needs an odd kernel width (centred"
                    + " columns), got " + kw + "; use DOWN_RIGHT for even widths");
        }
        this.kind = kind;
        this.kh = kh;
        this.kw = kw;
        this.filters = filters;
        this.conv = addChildBlock("conv", Conv2d.builder().setKernelShape(new Shape(kh, kw))
                .setFilters(filters).build());
    }

    public Kind kind() {
        return kind;
    }

    /** The zero padding as (left, right, top, bottom). */
    private Shape padding() {
        return kind == Kind.DOWN
                ? new Shape((kw - 1) / 2, (kw - 1) / 2, kh - 1, 0)
                : new Shape(kw - 1, 0, kh - 1, 0);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        Shifts.requireNchw(x, "ShiftedConv2d");
        return conv.forward(ps, new NDList(x.pad(padding(), 0)), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = inputShapes[0];
        conv.initialize(manager, dataType, new Shape(s.get(0), s.get(1), s.get(2) + kh - 1, s.get(3) + kw - 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {new Shape(s.get(0), filters, s.get(2), s.get(3))};
    }
}
