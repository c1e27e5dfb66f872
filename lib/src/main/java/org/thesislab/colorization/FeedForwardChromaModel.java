package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.List;

/** e_phi followed by a 1x1 convolution per pixel, with no autoregressive decoder: the thesis' baselines. */
abstract class FeedForwardChromaModel extends ChromaModel {
    private final Conv2d head;
    private final int outputChannels;

    FeedForwardChromaModel(GrayscaleEmbeddingNet.Spec spec, int outputChannels) {
        super(spec);
        this.outputChannels = outputChannels;
        this.head = addChildBlock("head", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(outputChannels).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray e = embedding.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow();
        return head.forward(ps, new NDList(Activation.elu(e, 1f)), training);
    }

    /** The head's output for a luma batch, in inference mode. */
    protected NDArray predict(ParameterStore ps, NDArray luma) {
        return forward(ps, new NDList(luma), false).singletonOrThrow();
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
        return new Shape[] {GatedResidualBlock.withChannels(e, outputChannels)};
    }

    @Override
    protected List<Block> outputHeads() {
        return List.of(head);
    }
}
