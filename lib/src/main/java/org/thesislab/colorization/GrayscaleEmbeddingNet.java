package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

import java.util.ArrayList;
import java.util.List;

/**
 * The embedding network e_phi (Table 3.5): a feed-forward CNN from the grayscale image to a spatial
 * embedding on the chroma grid. Stages of "Conv 3x3/stride -> k gated residual blocks (dilation D)",
 * then a last Conv 3x3/1. Input: [Ln, 1] (normalised luminance and a constant channel).
 */
public final class GrayscaleEmbeddingNet extends AbstractBlock {
    /** One row group of Table 3.5: a Conv 3x3/stride to {@code width}, then {@code blocks} residual blocks. */
    public record Stage(int stride, int width, int blocks, int dilation) {
    }

    /** The architecture: stages, the final conv's width, dropout in the residual blocks. */
    public record Spec(List<Stage> stages, int outWidth, float dropout) {
        /** Spatial downsampling from image to embedding. */
        public int factor() {
            return stages.stream().mapToInt(Stage::stride).reduce(1, (a, b) -> a * b);
        }

        /**
         * Table 3.5 (left, CIFAR-10) with its widths multiplied by {@code widthScale} and at most
         * {@code maxBlocks} residual blocks per stage; with {@code factor} 4 the 128-wide stage also has
         * stride 2, as in the ILSVRC table. {@code table35(2, 1.0, 3, 0.5f)} is the thesis' CIFAR network.
         */
        public static Spec table35(int factor, double widthScale, int maxBlocks, float dropout) {
            if (factor != 1 && factor != 2 && factor != 4) {
                throw new IllegalArgumentException("chroma subsampling factor must be 1, 2 or 4, got " + factor);
            }
            int[] widths = {32, 64, 128, 256};
            int[] blocks = {2, 2, 2, 3};
            int[] dilations = {1, 1, 1, 2};
            int[] strides = {1, factor >= 2 ? 2 : 1, factor >= 4 ? 2 : 1, 1};
            List<Stage> stages = new ArrayList<>();
            for (int i = 0; i < widths.length; i++) {
                stages.add(new Stage(strides[i], scaled(widths[i], widthScale), Math.min(blocks[i], maxBlocks),
                        dilations[i]));
            }
            return new Spec(stages, scaled(256, widthScale), dropout);
        }

        private static int scaled(int width, double s) {
            return Math.max(4, (int) Math.round(width * s));
        }
    }

    private final Spec spec;
    private final List<Block> layers = new ArrayList<>();

    public GrayscaleEmbeddingNet(Spec spec) {
        this.spec = spec;
        int i = 0;
        for (Stage st : spec.stages()) {
            layers.add(addChildBlock("conv" + i, conv3x3(st.width(), st.stride())));
            for (int b = 0; b < st.blocks(); b++) {
                layers.add(addChildBlock("grb" + i + "_" + b, new GatedResidualBlock(st.width(), 0,
                        GatedResidualBlock.ConvType.PLAIN, st.dilation(), true, spec.dropout())));
            }
            i++;
        }
        layers.add(addChildBlock("out", conv3x3(spec.outWidth(), 1)));
    }

    public Spec spec() {
        return spec;
    }

    private static Block conv3x3(int width, int stride) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(width)
                .optStride(new Shape(stride, stride)).optPadding(new Shape(1, 1)).build();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray luma = inputs.singletonOrThrow();
        NDArray x = NDArrays.concat(new NDList(luma, luma.onesLike()), 1);
        for (Block layer : layers) {
            x = layer.forward(ps, new NDList(x), training).singletonOrThrow();
        }
        return new NDList(x);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape s = new Shape(inputShapes[0].get(0), 2, inputShapes[0].get(2), inputShapes[0].get(3));
        for (Block layer : layers) {
            layer.initialize(manager, dataType, s);
            s = layer.getOutputShapes(new Shape[] {s})[0];
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        int f = spec.factor();
        return new Shape[] {new Shape(s.get(0), spec.outWidth(), s.get(2) / f, s.get(3) / f)};
    }
}
