package org.thesislab.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * The two shifts of an autoregressive (PixelCNN / PixelCNN++) network on NCHW feature maps. They move
 * information one step forward in raster order, so a causal feature computed "up to and including"
 * a position becomes one that sees only strictly earlier positions.
 */
public final class Shifts {
    private Shifts() {
    }

    /** {@code out(i, j) = z(i - 1, j)}, row 0 = 0: the vertical stack then sees only rows above. */
    public static NDArray downShift(NDArray z) {
        requireNchw(z, "downShift");
        long h = z.getShape().get(2);
        return z.get(new NDIndex(":, :, 0:{}, :", h - 1)).pad(new Shape(0, 0, 1, 0), 0);
    }

    /** {@code out(i, j) = z(i, j - 1)}, column 0 = 0: the horizontal stack then excludes the current pixel. */
    public static NDArray rightShift(NDArray z) {
        requireNchw(z, "rightShift");
        long w = z.getShape().get(3);
        return z.get(new NDIndex(":, :, :, 0:{}", w - 1)).pad(new Shape(1, 0, 0, 0), 0);
    }

    static void requireNchw(NDArray z, String op) {
        if (z.getShape().dimension() != 4) {
            throw new IllegalArgumentException(op + " expects an NCHW feature map (4 axes), got shape "
                    + z.getShape() + "; add a batch axis with expandDims(0) if you pass one image.");
        }
    }
}
