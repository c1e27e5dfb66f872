package org.thesislab.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.thesislab.core.Scoped;
import static org.thesislab.core.nn.Scalars.times;
import static org.thesislab.core.nn.Scalars.timesInPlace;

/** Stochastic gradient descent with PyTorch-style momentum (v = mu v + g; w -= lr v) and L2 weight decay. */
public final class Sgd extends Optimizer {
    private final float momentum;

    public Sgd(float learningRate) {
        this(learningRate, 0f, 0f);
    }

    public Sgd(float learningRate, float momentum, float weightDecay) {
        super(learningRate, weightDecay, 1);
        this.momentum = momentum;
    }

    @Override
    protected void update(NDManager scope, NDArray w, NDArray g, NDArray[] velocity, long step) {
        NDArray direction = g;
        if (momentum != 0) {
            timesInPlace(velocity[0], momentum).addi(g);
            direction = velocity[0];
        }
        w.subi(Scoped.in(scope, times(direction, learningRate())));
    }
}
