package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;

/**
 * A per-pixel distribution over the chrominance (a, b) of the discrete set C, parametrised by a
 * network output of {@link #channels()} values per chroma pixel. All maps are NCHW on the chroma grid;
 * chroma values are normalised (see {@link Chroma}).
 */
public interface ChromaDistribution {
    /** Number of network outputs per chroma pixel. */
    int channels();

    /** Short name for tables. */
    String name();

    /**
     * log p(a, b) in nats of each pixel's chroma, per unit cell of the 256 x 256 grid (so that models
     * with different parametrisations are comparable). params (N, channels, h, w), ab (N, 2, h, w),
     * lumaLow (N, 1, h, w) -> (N, h, w).
     */
    NDArray logProb(NDArray params, NDArray ab, NDArray lumaLow);

    /**
     * Draws (a, b) for every pixel independently, on the grid of C. {@code tau} scales the randomness
     * (1 = the model's distribution, 0 = no noise inside the chosen component / argmax).
     * params (N, channels, h, w), lumaLow (N, 1, h, w) -> (N, 2, h, w).
     */
    NDArray sample(NDArray params, NDArray lumaLow, double tau);

    /** A deterministic per-pixel "MAP" decoding (the thesis' e_phi baseline is shown with MAP samples). */
    NDArray mode(NDArray params, NDArray lumaLow);

    /** The initial bias of the output layer producing the parameters (zeros unless overridden). */
    default float[] initialBias() {
        return new float[channels()];
    }

    /** Checks a parameter map before use, naming the problem. */
    default void requireParams(NDArray params) {
        if (params.getShape().dimension() != 4 || params.getShape().get(1) != channels()) {
            throw new IllegalArgumentException(name() + " expects parameters (N, " + channels()
                    + ", h, w), got " + params.getShape());
        }
    }
}
