package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import static org.thesislab.core.nn.Scalars.over;

/**
 * A colorization model built on the embedding network e_phi: grayscale in, chroma on the low-resolution
 * grid out. Subclasses: the PIC model (e_phi + autoregressive f_theta), the per-pixel mixture (e_phi
 * alone with a likelihood head) and the feed-forward L2 regression baseline.
 */
public abstract class ChromaModel extends AbstractBlock {
    protected final GrayscaleEmbeddingNet embedding;

    protected ChromaModel(GrayscaleEmbeddingNet.Spec spec) {
        this.embedding = addChildBlock("e_phi", new GrayscaleEmbeddingNet(spec));
    }

    /** Short name for tables and legends. */
    public abstract String name();

    /** The block's inputs for a batch (what {@link #forward} takes). */
    public NDList features(Chroma.Batch batch) {
        return new NDList(batch.luma());
    }

    /** The targets every objective reads: [ab (N, 2, h, w), lumaLow (N, 1, h, w)]. */
    public static NDList labels(Chroma.Batch batch) {
        return new NDList(batch.ab(), batch.lumaLow());
    }

    /** The training objective on (labels, block outputs), a scalar. */
    public abstract Loss objective();

    /**
     * Colorizes each grayscale input once: luma (N, 1, S, S), lumaLow (N, 1, h, w) -> normalised chroma
     * (N, 2, h, w) on the grid of C. {@code tau} scales the sampling noise where the model samples.
     */
    public abstract NDArray colorize(ParameterStore ps, NDArray luma, NDArray lumaLow, double tau);

    /** Chroma subsampling factor between the image and the chroma grid (e_phi's total stride). */
    public int factor() {
        return embedding.spec().factor();
    }

    /** Initialises the weights (He-normal convolutions, zero biases) for images of {@code side} pixels. */
    public void initialize(NDManager manager, int side) {
        if (side % factor() != 0) {
            throw new IllegalArgumentException("image side " + side + " is not a multiple of the chroma factor "
                    + factor());
        }
        setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                XavierInitializer.FactorType.IN, 2), Parameter.Type.WEIGHT);
        // Without normalisation layers, residual blocks start near the identity and output heads near
        // zero (the thesis' code scales these convolutions' init by 0.1); otherwise activations explode.
        scaleDownOutputs(this);
        initialize(manager, DataType.FLOAT32, inputShapes(side));
        float[] bias = initialOutputBias();
        if (bias != null) {
            for (Block head : outputHeads()) {
                NDArray b = head.getParameters().get("bias").getArray();
                b.set(bias);
            }
        }
    }

    /** The output heads' initial bias (null = zeros). */
    protected float[] initialOutputBias() {
        return null;
    }

    private static final float OUTPUT_INIT_SCALE = 0.1f;

    private static void scaleDownOutputs(Block block) {
        if (block instanceof GatedResidualBlock grb) {
            grb.outputConv().setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                    XavierInitializer.FactorType.IN, 2 * OUTPUT_INIT_SCALE * OUTPUT_INIT_SCALE), Parameter.Type.WEIGHT);
        }
        for (Block head : block instanceof ChromaModel m ? m.outputHeads() : java.util.List.<Block>of()) {
            head.setInitializer(new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN,
                    XavierInitializer.FactorType.IN, 2 * OUTPUT_INIT_SCALE * OUTPUT_INIT_SCALE), Parameter.Type.WEIGHT);
        }
        for (Block child : block.getChildren().values()) {
            scaleDownOutputs(child);
        }
    }

    /** The convolutions that produce the model's outputs (initialised small). */
    protected abstract java.util.List<Block> outputHeads();

    /** The shapes {@link #initialize(NDManager, int)} passes to the block. */
    protected abstract Shape[] inputShapes(int side);

    /** Number of trainable scalars. */
    public long parameterCount() {
        return getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /** Bits per dimension of each image from per-pixel log-likelihoods (N, h, w) in nats: -sum / (ln 2 * h * w * 2). */
    static NDArray bitsPerDim(NDArray logProb) {
        Shape s = logProb.getShape();
        return over(logProb.sum(new int[] {1, 2}).neg(), Math.log(2) * s.get(1) * s.get(2) * 2);
    }
}
