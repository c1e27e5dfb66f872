package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.thesislab.core.nn.ShiftedConv2d;

import java.util.ArrayList;
import java.util.List;

import static org.thesislab.core.nn.Shifts.downShift;
import static org.thesislab.core.nn.Shifts.rightShift;

/**
 * The autoregressive network f_theta (Eq. 3.11): a PixelCNN++-style gated network with a vertical and a
 * horizontal stack of constant resolution (no blind spot), conditioned on the embedding e_phi(X^L),
 * which is added through a 1x1 convolution into the first convolution of every residual block.
 * <pre>
 *   u  = downShift(DS_2x3(canvas))                                    rows above only
 *   ul = downShift(DS_1x3(canvas)) + rightShift(DRS_2x1(canvas))      strictly before (i, j)
 *   repeat l times:  u = GRB_DS(u, E);  ul = GRB_DRS(ul, [u, E])
 *   params = Conv1x1(ELU(ul))
 * </pre>
 * The output at chroma position i depends only on the canvas at positions 1..i-1 in raster order.
 */
public final class PixelCnnDecoder extends AbstractBlock {
    private final int width;
    private final int condChannels;
    private final int outChannels;
    private final Block inVertical;
    private final Block inHorizontalTop;
    private final Block inHorizontalLeft;
    private final List<Block> vertical = new ArrayList<>();
    private final List<Block> horizontal = new ArrayList<>();
    private final Block out;

    /**
     * @param width        channels of every convolution (160 in the thesis)
     * @param blocks       residual blocks per stack (4 in the thesis)
     * @param condChannels channels of the embedding E
     * @param outChannels  distribution parameters per pixel
     * @param gated        gated residual blocks (false = the thesis' ablation)
     */
    public PixelCnnDecoder(int width, int blocks, int condChannels, int outChannels, boolean gated) {
        this.width = width;
        this.condChannels = condChannels;
        this.outChannels = outChannels;
        inVertical = addChildBlock("in_u", new ShiftedConv2d(ShiftedConv2d.Kind.DOWN, 2, 3, width));
        inHorizontalTop = addChildBlock("in_ul_top", new ShiftedConv2d(ShiftedConv2d.Kind.DOWN, 1, 3, width));
        inHorizontalLeft = addChildBlock("in_ul_left", new ShiftedConv2d(ShiftedConv2d.Kind.DOWN_RIGHT, 2, 1, width));
        for (int l = 0; l < blocks; l++) {
            vertical.add(addChildBlock("u" + l, new GatedResidualBlock(width, condChannels,
                    GatedResidualBlock.ConvType.DOWN, 1, gated, 0f)));
            horizontal.add(addChildBlock("ul" + l, new GatedResidualBlock(width, width + condChannels,
                    GatedResidualBlock.ConvType.DOWN_RIGHT, 1, gated, 0f)));
        }
        out = addChildBlock("out", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(outChannels).build());
    }

    /** The final 1x1 convolution producing the distribution parameters. */
    Block outputConv() {
        return out;
    }

    /** inputs: [canvas (N, C, h, w), E (N, condChannels, h, w)] -> [params (N, outChannels, h, w)]. */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
                                     PairList<String, Object> params) {
        NDArray canvas = inputs.get(0);
        NDArray e = inputs.get(1);
        if (!canvas.getShape().slice(2).equals(e.getShape().slice(2))) {
            throw new IllegalArgumentException("the embedding grid " + e.getShape() + " must equal the chroma grid "
                    + canvas.getShape() + " (check the chroma subsampling factor against e_phi's strides)");
        }
        NDArray u = downShift(one(inVertical, ps, canvas, training));
        NDArray ul = downShift(one(inHorizontalTop, ps, canvas, training))
                .add(rightShift(one(inHorizontalLeft, ps, canvas, training)));
        for (int l = 0; l < vertical.size(); l++) {
            u = vertical.get(l).forward(ps, new NDList(u, e), training).singletonOrThrow();
            ul = horizontal.get(l).forward(ps, new NDList(ul, NDArrays.concat(new NDList(u, e), 1)), training)
                    .singletonOrThrow();
        }
        return out.forward(ps, new NDList(Activation.elu(ul, 1f)), training);
    }

    private static NDArray one(Block b, ParameterStore ps, NDArray x, boolean training) {
        return b.forward(ps, new NDList(x), training).singletonOrThrow();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape canvas = inputShapes[0];
        Shape e = GatedResidualBlock.withChannels(canvas, condChannels);
        Shape hidden = GatedResidualBlock.withChannels(canvas, width);
        inVertical.initialize(manager, dataType, canvas);
        inHorizontalTop.initialize(manager, dataType, canvas);
        inHorizontalLeft.initialize(manager, dataType, canvas);
        for (int l = 0; l < vertical.size(); l++) {
            vertical.get(l).initialize(manager, dataType, hidden, e);
            horizontal.get(l).initialize(manager, dataType, hidden,
                    GatedResidualBlock.withChannels(canvas, width + condChannels));
        }
        out.initialize(manager, dataType, hidden);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {GatedResidualBlock.withChannels(inputShapes[0], outChannels)};
    }
}
