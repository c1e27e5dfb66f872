package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;

/**
 * The thesis' ablation without the autoregressive component (Sect. 3.2.5): e_phi alone, with a 1x1
 * head giving the same output distribution independently for every pixel. Its likelihood is exact,
 * so its bits/dim compare directly with PIC's. Decoded with MAP samples (as in the thesis) or with
 * independent random samples (the incoherent colours of Fig. 3.11).
 */
public final class PerPixelModel extends FeedForwardChromaModel implements LikelihoodModel {
    private final ChromaDistribution distribution;

    public PerPixelModel(GrayscaleEmbeddingNet.Spec spec, ChromaDistribution distribution) {
        super(spec, distribution.channels());
        this.distribution = distribution;
    }

    @Override
    public String name() {
        return "per-pixel mixture";
    }

    @Override
    public ChromaDistribution distribution() {
        return distribution;
    }

    @Override
    public NDArray logProb(ParameterStore ps, Chroma.Batch batch, boolean training) {
        NDArray params = forward(ps, features(batch), training).singletonOrThrow();
        return distribution.logProb(params, batch.ab(), batch.lumaLow());
    }

    @Override
    public Loss objective() {
        return new NllObjective(distribution);
    }

    /** Independent random samples per pixel. */
    @Override
    public NDArray colorize(ParameterStore ps, NDArray luma, NDArray lumaLow, double tau) {
        return distribution.sample(predict(ps, luma), lumaLow, tau);
    }

    /** The per-pixel MAP decoding (mean of the most probable component). */
    public NDArray colorizeMap(ParameterStore ps, NDArray luma, NDArray lumaLow) {
        return distribution.mode(predict(ps, luma), lumaLow);
    }

    @Override
    protected float[] initialOutputBias() {
        return distribution.initialBias();
    }
}
