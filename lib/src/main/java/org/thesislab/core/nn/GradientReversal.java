package org.thesislab.core.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import static org.thesislab.core.nn.Scalars.times;

/**
 * The Gradient Reversal Layer of Ganin et al. (2016): the identity in the forward pass, the incoming
 * gradient multiplied by -lambda in the backward pass. Placed between a feature extractor and a domain
 * classifier, it lets one backward pass train the classifier to separate domains while pushing the
 * features to make them indistinguishable. Lambda is mutable so that training can ramp it up.
 */
public final class GradientReversal extends AbstractBlock {

    private float lambda;

    public GradientReversal(float lambda) {
        setLambda(lambda);
    }

    /**
     * Identity forward, gradient times -lambda backward. The forward value is exactly x:
     * sg(x) + lambda * (sg(x) - x), where sg stops the gradient and sg(x) - x is exactly 0.
     */
    public static NDArray reverse(NDArray x, float lambda) {
        NDArray frozen = x.stopGradient();
        return frozen.add(times(frozen.sub(x), lambda));
    }

    public float lambda() {
        return lambda;
    }

    public void setLambda(float lambda) {
        if (!Float.isFinite(lambda) || lambda < 0) {
            throw new IllegalArgumentException("gradient reversal weight must be a finite number >= 0, got " + lambda);
        }
        this.lambda = lambda;
    }

    /**
     * Ganin et al.'s schedule for the reversal weight: 2 / (1 + exp(-gamma * progress)) - 1 with gamma = 10,
     * rising from 0 at the start of training to about 1 at the end (progress in [0, 1]).
     */
    public static float ganinRamp(double progress) {
        double t = Math.max(0, Math.min(1, progress));
        return (float) (2 / (1 + Math.exp(-10 * t)) - 1);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDList out = new NDList(inputs.size());
        for (NDArray x : inputs) {
            out.add(reverse(x, lambda));
        }
        return out;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
