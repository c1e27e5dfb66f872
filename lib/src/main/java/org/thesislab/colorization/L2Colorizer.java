package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.PairList;

/**
 * The feed-forward regression baseline: e_phi and a 1x1 head predicting (an, bn) directly, trained with
 * the L2 loss. Its optimum is the conditional mean, which for an ambiguous object averages the
 * plausible colours towards grey: the desaturation the thesis' model avoids.
 */
public final class L2Colorizer extends ChromaModel {
    private final Conv2d head;

    public L2Colorizer(EmbeddingNet.Spec spec) {
        super(spec);
        this.head = addChildBlock("head", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(2).build());
    }

    @Override
    public String name() {
        return "L2 regression";
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray e = embedding.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow();
        return head.forward(ps, new NDList(Activation.elu(e, 1f)), training);
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
        NDArray pred = forward(ps, new NDList(luma), false).singletonOrThrow();
        return Chroma.snap(pred.clip(-1, 1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, inputShapes[0]);
        head.initialize(manager, dataType, embedding.getOutputShapes(new Shape[] {inputShapes[0]})[0]);
    }

    @Override
    protected Shape[] inputShapes(int side) {
        return new Shape[] {new Shape(1, 1, side, side)};
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape e = embedding.getOutputShapes(inputShapes)[0];
        return new Shape[] {GatedResidualBlock.withChannels(e, 2)};
    }

    @Override
    protected java.util.List<ai.djl.nn.Block> outputHeads() {
        return java.util.List.of(head);
    }
}
