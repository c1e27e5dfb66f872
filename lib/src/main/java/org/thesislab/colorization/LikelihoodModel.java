package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/** A colorization model with an exact likelihood, comparable in bits per dimension. */
public interface LikelihoodModel {
    /** log p(x^ab_i | ...) in nats of every chroma pixel's factor in Eq. 3.10, shape (N, h, w). */
    NDArray logProb(ParameterStore ps, Chroma.Batch batch, boolean training);

    /** -log2 p(x^ab | x^L) / (number of chroma values) of each image (Eq. 3.12 in bits/dim), shape (N). */
    default NDArray bitsPerDim(ParameterStore ps, Chroma.Batch batch, boolean training) {
        return ChromaModel.bitsPerDim(logProb(ps, batch, training));
    }

    ChromaDistribution distribution();
}
