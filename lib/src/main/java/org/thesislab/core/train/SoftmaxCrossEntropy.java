package org.thesislab.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.loss.Loss;

/**
 * Mean cross-entropy of class logits (N, C) against integer labels (N): -mean log softmax(z)_y. Used
 * instead of DJL's {@code Loss.softmaxCrossEntropyLoss()}, which multiplies by its weight through the
 * borrowed-scalar path that the backward pass can read after it is freed (see {@code Scalars}).
 */
public final class SoftmaxCrossEntropy extends Loss {
    public SoftmaxCrossEntropy() {
        super("SoftmaxCrossEntropyLoss");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logProb = predictions.singletonOrThrow().logSoftmax(-1);
        NDIndex pick = new NDIndex().addAllDim(logProb.getShape().dimension() - 1).addPickDim(labels.singletonOrThrow());
        return logProb.get(pick).neg().mean();
    }
}
