package org.thesislab.core.train;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import java.util.List;

/**
 * A parameter update rule whose state (moments, step count) can be saved and restored, so that training
 * resumed from a checkpoint continues exactly as if it had never stopped.
 */
public interface Optimizer {
    /** Applies one update to every parameter that has a gradient, then zeroes those gradients. */
    void step(List<Parameter> parameters);

    float learningRate();

    void setLearningRate(float learningRate);

    /** The state to checkpoint, in parameter order. */
    NDList state(List<Parameter> parameters);

    /** Restores state written by {@link #state}. */
    void loadState(List<Parameter> parameters, NDList state);

    /** Number of updates applied so far. */
    long steps();
}
