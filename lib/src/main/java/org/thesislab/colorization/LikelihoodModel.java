package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.training.ParameterStore;

/** A colorization model with an exact likelihood, comparable in bits per dimension. */
public interface LikelihoodModel {
    /** -log2 p(x^ab | x^L) / (number of chroma values) of each image (Eq. 3.12 in bits/dim), shape (N). */
    NDArray bitsPerDim(ParameterStore ps, Chroma.Batch batch, boolean training);

    ChromaDistribution distribution();
}
