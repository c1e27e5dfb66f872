package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.thesislab.core.nn.ShiftedConv2d;

/**
 * The gated residual block both networks are built from (Sect. 3.2.3): two 3x3-type convolutions, each
 * preceded by a concatenated ELU, a skip connection and a sigmoid gate:
 * <pre>
 *   c1 = conv1(cELU(x))  [+ conv1x1(cELU(a)) : the conditioning "biases the first convolution"]
 *   c2 = conv2(dropout(cELU(c1)))            (2F channels)
 *   out = x + g * sigmoid(h),  [g, h] = split(c2)
 * </pre>
 * Without gating (the thesis' ablation) conv2 has F channels and out = x + c2.
 * Inside f_theta the convolutions are the causally shifted ones; inside e_phi they are plain (optionally
 * dilated) 3x3 convolutions. Weight normalisation of the thesis is not used (plain initialisation).
 */
public final class GatedResidualBlock extends AbstractBlock {
    /** The convolution type of the block. */
    public enum ConvType {
        /** 3x3, same padding, optional dilation (e_phi). */
        PLAIN,
        /** down-shifted 2x3 (vertical stack of f_theta). */
        DOWN,
        /** down-right-shifted 2x2 (horizontal stack of f_theta). */
        DOWN_RIGHT
    }

    private final int channels;
    private final int condChannels;
    private final boolean gated;
    private final float dropout;
    private final Block conv1;
    private final Block conv2;
    private final Block condConv;

    /**
     * @param channels     F, the width of x and of the output
     * @param condChannels channels of the conditioning input a, 0 for none
     * @param dilation     dilation of the first convolution (PLAIN only)
     * @param gated        the sigmoid gate (false = the ablation)
     * @param dropout      dropout rate before the second convolution (training only)
     */
    public GatedResidualBlock(int channels, int condChannels, ConvType type, int dilation, boolean gated,
                              float dropout) {
        if (type != ConvType.PLAIN && dilation != 1) {
            throw new IllegalArgumentException("dilation is only supported for PLAIN blocks (e_phi)");
        }
        this.channels = channels;
        this.condChannels = condChannels;
        this.gated = gated;
        this.dropout = dropout;
        this.conv1 = addChildBlock("conv1", conv(type, channels, dilation));
        this.condConv = condChannels > 0
                ? addChildBlock("cond", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(channels).build())
                : null;
        this.conv2 = addChildBlock("conv2", conv(type, gated ? 2 * channels : channels, 1));
    }

    private static Block conv(ConvType type, int filters, int dilation) {
        return switch (type) {
            case PLAIN -> Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters)
                    .optPadding(new Shape(dilation, dilation)).optDilation(new Shape(dilation, dilation)).build();
            case DOWN -> new ShiftedConv2d(ShiftedConv2d.Kind.DOWN, 2, 3, filters);
            case DOWN_RIGHT -> new ShiftedConv2d(ShiftedConv2d.Kind.DOWN_RIGHT, 2, 2, filters);
        };
    }

    /** The second convolution, whose output is added to the skip path. */
    Block outputConv() {
        return conv2;
    }

    /** Concatenated ELU: ELU([z, -z]) along channels (doubles the width). */
    public static NDArray concatElu(NDArray z) {
        return Activation.elu(NDArrays.concat(new NDList(z, z.neg()), 1), 1f);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray c1 = conv1.forward(ps, new NDList(concatElu(x)), training).singletonOrThrow();
        if (condConv != null) {
            if (inputs.size() < 2) {
                throw new IllegalArgumentException("this block is conditioned: pass [x, a]");
            }
            c1 = c1.add(condConv.forward(ps, new NDList(concatElu(inputs.get(1))), training).singletonOrThrow());
        }
        NDArray h = concatElu(c1);
        if (dropout > 0) {
            h = Dropout.dropout(h, dropout, training).singletonOrThrow();
        }
        NDArray c2 = conv2.forward(ps, new NDList(h), training).singletonOrThrow();
        if (!gated) {
            return new NDList(x.add(c2));
        }
        NDArray g = c2.get(new NDIndex(":, 0:{}", channels));
        NDArray gate = c2.get(new NDIndex(":, {}:", channels));
        return new NDList(x.add(g.mul(Activation.sigmoid(gate))));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        conv1.initialize(manager, dataType, withChannels(x, 2 * channels));
        if (condConv != null) {
            condConv.initialize(manager, dataType, withChannels(inputShapes[1], 2 * condChannels));
        }
        conv2.initialize(manager, dataType, withChannels(x, 2 * channels));
    }

    static Shape withChannels(Shape s, long c) {
        return new Shape(s.get(0), c, s.get(2), s.get(3));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
