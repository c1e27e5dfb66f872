package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.PairList;

/**
 * Probabilistic Image Colorization (Fig. 3.12): p(X^ab | X^L) = prod_i f_theta(X^ab_{<i}; e_phi(X^L))
 * (Eqs. 3.10-3.11). Trained on the exact negative log-likelihood (Eq. 3.12) with teacher forcing: the
 * canvas holds the ground-truth chroma and the decoder's causality makes every factor see only its
 * predecessors. Sampled by ancestral sampling in raster order.
 * The canvas is [Ln_low, an, bn, 1] on the chroma grid (the thesis' code uses the low-resolution RGB).
 */
public final class PicModel extends ChromaModel implements LikelihoodModel {
    static final int CANVAS_CHANNELS = 4;
    private final ChromaDistribution distribution;
    private final PixelCnnDecoder decoder;
    private final boolean gated;

    /**
     * @param width  channels of f_theta's convolutions (160 in the thesis)
     * @param blocks residual blocks per stack (4 in the thesis)
     * @param gated  gated residual blocks in f_theta (false = the ablation)
     */
    public PicModel(GrayscaleEmbeddingNet.Spec spec, ChromaDistribution distribution, int width, int blocks, boolean gated) {
        super(spec);
        this.distribution = distribution;
        this.gated = gated;
        this.decoder = addChildBlock("f_theta", new PixelCnnDecoder(width, blocks, spec.outWidth(),
                distribution.channels(), gated));
    }

    @Override
    public String name() {
        return gated ? "PIC" : "PIC (no gating)";
    }

    @Override
    public ChromaDistribution distribution() {
        return distribution;
    }

    /** The decoder's input: the (partially known) chroma with the low-resolution luminance and a ones channel. */
    public static NDArray canvas(NDArray lumaLow, NDArray ab) {
        return NDArrays.concat(new NDList(lumaLow, ab, lumaLow.onesLike()), 1);
    }

    /** inputs: [luma (N, 1, S, S), canvas (N, 4, h, w)] -> [distribution parameters (N, C, h, w)]. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray e = embedding.forward(ps, new NDList(inputs.get(0)), training).singletonOrThrow();
        return decoder.forward(ps, new NDList(inputs.get(1), e), training);
    }

    @Override
    public NDArray logProb(ParameterStore ps, Chroma.Batch batch, boolean training) {
        NDArray params = forward(ps, features(batch), training).singletonOrThrow();
        return distribution.logProb(params, batch.ab(), batch.lumaLow());
    }

    /** Teacher forcing: the canvas holds the ground-truth chroma (causality hides each pixel's own). */
    @Override
    public NDList features(Chroma.Batch batch) {
        return new NDList(batch.luma(), canvas(batch.lumaLow(), batch.ab()));
    }

    @Override
    public Loss objective() {
        return new NllObjective(distribution);
    }

    /**
     * Ancestral sampling (Sect. 3.2.2): e_phi runs once; then for each chroma position in raster order,
     * one batched pass of f_theta over all N canvases, a draw of x^ab_i from its factor, written into the
     * canvas. h * w network calls per batch, whatever N is.
     */
    @Override
    public NDArray colorize(ParameterStore ps, NDArray luma, NDArray lumaLow, double tau) {
        NDManager manager = luma.getManager();
        NDArray e = embedding.forward(ps, new NDList(luma), false).singletonOrThrow();
        Shape s = lumaLow.getShape();
        NDArray canvas = canvas(lumaLow, manager.zeros(new Shape(s.get(0), 2, s.get(2), s.get(3))));
        for (long y = 0; y < s.get(2); y++) {
            for (long x = 0; x < s.get(3); x++) {
                try (NDManager step = manager.newSubManager()) {
                    e.tempAttach(step);
                    canvas.tempAttach(step);
                    lumaLow.tempAttach(step);
                    NDArray params = decoder.forward(ps, new NDList(canvas, e), false).singletonOrThrow();
                    NDIndex at = new NDIndex(":, :, {}:{}, {}:{}", y, y + 1, x, x + 1);
                    NDArray ab = distribution.sample(params.get(at), lumaLow.get(at), tau);
                    canvas.set(new NDIndex(":, 1:3, {}:{}, {}:{}", y, y + 1, x, x + 1), ab);
                }
            }
        }
        NDArray ab = canvas.get(new NDIndex(":, 1:3"));
        e.close();
        return ab;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        embedding.initialize(manager, dataType, inputShapes[0]);
        Shape e = embedding.getOutputShapes(new Shape[] {inputShapes[0]})[0];
        decoder.initialize(manager, dataType, inputShapes[1], e);
    }

    @Override
    protected Shape[] inputShapes(int side) {
        int h = side / factor();
        return new Shape[] {new Shape(1, 1, side, side), new Shape(1, CANVAS_CHANNELS, h, h)};
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return decoder.getOutputShapes(new Shape[] {inputShapes[1]});
    }

    @Override
    protected java.util.List<ai.djl.nn.Block> outputHeads() {
        return java.util.List.of(decoder.outputConv());
    }

    @Override
    protected float[] initialOutputBias() {
        return distribution.initialBias();
    }
}
