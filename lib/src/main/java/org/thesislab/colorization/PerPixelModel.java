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
 * The thesis' ablation without the autoregressive component (Sect. 3.2.5): e_phi alone, with a 1x1
 * head giving the same output distribution independently for every pixel. Its likelihood is exact,
 * so its bits/dim compare directly with PIC's. Decoded with MAP samples (as in the thesis) or with
 * independent random samples (the incoherent colours of Fig. 3.11).
 */
public final class PerPixelModel extends ChromaModel implements LikelihoodModel {
    private final ChromaDistribution distribution;
    private final Conv2d head;

    public PerPixelModel(EmbeddingNet.Spec spec, ChromaDistribution distribution) {
        super(spec);
        this.distribution = distribution;
        this.head = addChildBlock("head", Conv2d.builder().setKernelShape(new Shape(1, 1))
                .setFilters(distribution.channels()).build());
    }

    @Override
    public String name() {
        return "per-pixel mixture";
    }

    @Override
    public ChromaDistribution distribution() {
        return distribution;
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray e = embedding.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow();
        return head.forward(ps, new NDList(Activation.elu(e, 1f)), training);
    }

    @Override
    public NDArray logProb(ParameterStore ps, Chroma.Batch batch, boolean training) {
        NDArray params = forward(ps, features(batch), training).singletonOrThrow();
        return distribution.logProb(params, batch.ab(), batch.lumaLow());
    }

    @Override
    public Loss objective() {
        return new NllObjective(distribution);
    }

    /** Independent random samples per pixel. */
    @Override
    public NDArray colorize(ParameterStore ps, NDArray luma, NDArray lumaLow, double tau) {
        NDArray params = forward(ps, new NDList(luma), false).singletonOrThrow();
        return distribution.sample(params, lumaLow, tau);
    }

    /** The per-pixel MAP decoding (mean of the most probable component). */
    public NDArray colorizeMap(ParameterStore ps, NDArray luma, NDArray lumaLow) {
        NDArray params = forward(ps, new NDList(luma), false).singletonOrThrow();
        return distribution.mode(params, lumaLow);
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
        return new Shape[] {GatedResidualBlock.withChannels(e, distribution.channels())};
    }

    @Override
    protected java.util.List<ai.djl.nn.Block> outputHeads() {
        return java.util.List.of(head);
    }

    @Override
    protected float[] initialOutputBias() {
        return distribution.initialBias();
    }
}
