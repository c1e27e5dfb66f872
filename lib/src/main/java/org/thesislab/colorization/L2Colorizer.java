package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;

/**
 * The feed-forward regression baseline: e_phi and a 1x1 head predicting (an, bn) directly, trained with
 * the L2 loss. Its optimum is the conditional mean, which for an ambiguous object averages the
 * plausible colours towards grey: the desaturation the thesis' model avoids.
 */
public final class L2Colorizer extends FeedForwardChromaModel {
    public L2Colorizer(GrayscaleEmbeddingNet.Spec spec) {
        super(spec, 2);
    }

    @Override
    public String name() {
        return "L2 regression";
    }

    /** Mean squared error on the normalised chroma. */
    @Override
    public Loss objective() {
        return new Loss("l2") {
            @Override
            public NDArray evaluate(NDList labels, NDList predictions) {
                return predictions.get(0).sub(labels.get(0)).square().mean();
            }
        };
    }

    /** The regression output (deterministic; {@code tau} is ignored). */
    @Override
    public NDArray colorize(ParameterStore ps, NDArray luma, NDArray lumaLow, double tau) {
        return Chroma.snap(predict(ps, luma).clip(-1, 1));
    }
}
