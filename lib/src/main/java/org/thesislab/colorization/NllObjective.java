package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * L_PIC = -log p(x^ab | x^L) (Eq. 3.12), reported in bits per chroma dimension and averaged over the
 * batch. Labels: [ab, lumaLow]; predictions: [distribution parameters].
 */
public final class NllObjective extends Loss {
    private final ChromaDistribution distribution;

    public NllObjective(ChromaDistribution distribution) {
        super("bits_per_dim");
        this.distribution = distribution;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return ChromaModel.bitsPerDim(distribution.logProb(predictions.get(0), labels.get(0), labels.get(1))).mean();
    }
}
