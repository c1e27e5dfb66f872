package org.thesislab.odgi;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.NormalInitializer;

import java.util.Arrays;

/**
 * One ODGI stage, or a single-shot baseline: a small fully-convolutional "tiny-YOLO-like" network whose
 * I x J output grid is proportional to the input (stride 4 here, 32 in the thesis: this reproduction divides
 * image sizes and the stride by 8, so a 128-px input gets the 32 x 32 grid of the thesis' 1024-px inputs,
 * §3.1.4) and predicts one box per cell (§3.1.2, "Stage architecture").
 *
 * <p>Layers (this reproduction's "micro" backbone, widths configurable; the thesis' smallest backbone is the
 * 7-layer tiny-YOLOv2 network of §3.1.4): conv3x3 → maxpool 2 → conv3x3 →
 * maxpool 2 → conv3x3 → conv3x3 → 1x1 head, BatchNorm + LeakyReLU(0.1) after every conv but the head.
 * Head channels per cell: t_x, t_y, t_w, t_h, t_c and, for intermediate stages, the group logit and
 * two offset logits (8 channels); final stages and baselines have 5.
 */
public final class GridDetector implements AutoCloseable {
    /** Stage 1 of ODGI: box, confidence, group flag, offsets. */
    public static final int INTERMEDIATE_CHANNELS = 8;
    /** Last stage and single-shot baselines: box and confidence only. */
    public static final int FINAL_CHANNELS = 5;
    /** Total down-sampling of the backbone: a cell covers STRIDE x STRIDE input pixels. */
    public static final int STRIDE = 4;

    private final Model model;
    private final int headChannels;
    private final int[] widths;

    private GridDetector(Model model, int headChannels, int[] widths) {
        this.model = model;
        this.headChannels = headChannels;
        this.widths = widths;
    }

    /**
     * @param widths the four conv widths, e.g. {8, 16, 24, 32} for this reproduction's 12k-parameter "micro" net
     */
    public static GridDetector create(String name, int headChannels, int[] widths) {
        if (headChannels != INTERMEDIATE_CHANNELS && headChannels != FINAL_CHANNELS) {
            throw new IllegalArgumentException("headChannels must be " + INTERMEDIATE_CHANNELS + " (intermediate stage) or "
                    + FINAL_CHANNELS + " (final stage / baseline), got " + headChannels);
        }
        if (widths.length != 4) {
            throw new IllegalArgumentException("Need 4 conv widths, got " + Arrays.toString(widths));
        }
        SequentialBlock net = new SequentialBlock();
        for (int k = 0; k < 4; k++) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(widths[k]).build())
                    .add(BatchNorm.builder().optMomentum(0.9f).build())
                    .add(Activation.leakyReluBlock(0.1f));
            if (k < 2) {
                net.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
            }
        }
        Conv2d head = Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(headChannels).build();
        // The authors' head: 1x1 conv initialised with std 0.01, so training starts from near-zero logits.
        head.setInitializer(new NormalInitializer(0.01f), Parameter.Type.WEIGHT);
        net.add(head);
        Model model = Model.newInstance(name);
        model.setBlock(net);
        return new GridDetector(model, headChannels, widths.clone());
    }

    public Model model() { return model; }
    public Block block() { return model.getBlock(); }
    public int headChannels() { return headChannels; }
    public int[] widths() { return widths.clone(); }

    /** Grid side for an input side (the output map is proportional to the input). */
    public static int gridSize(int inputSize) {
        if (inputSize % STRIDE != 0) {
            throw new IllegalArgumentException("Input size must be a multiple of the stride " + STRIDE + ", got " + inputSize);
        }
        return inputSize / STRIDE;
    }

    /** Inference on a batch of channel-first images; returns the raw head output [B, C, I, J] as floats. */
    public float[] predict(NDManager manager, float[] images, int batch, int inputSize) {
        try (NDManager sub = manager.newSubManager()) {
            NDArray x = sub.create(images, new Shape(batch, 3, inputSize, inputSize));
            NDArray y = block().forward(new ParameterStore(sub, false), new NDList(x), false).singletonOrThrow();
            return y.toFloatArray();
        }
    }

    /** Number of trainable parameters (the block must be initialised). */
    public long parameters() {
        return block().getParameters().values().stream()
                .filter(Parameter::requiresGradient)
                .mapToLong(p -> p.getArray().getShape().size()).sum();
    }

    /**
     * Multiply-adds of one forward pass at this input size, counted layer by layer from the
     * convolutions' actual output shapes (BatchNorm, activations and pooling are not counted).
     */
    public long multiplyAdds(int inputSize) {
        Shape shape = new Shape(1, 3, inputSize, inputSize);
        long macs = 0;
        for (Block layer : block().getChildren().values()) {
            Shape out = layer.getOutputShapes(new Shape[]{shape})[0];
            if (layer instanceof Convolution conv) {
                long inChannels = shape.get(1) / conv.getGroups();
                macs += out.size() * inChannels * conv.getKernelShape().size();
            }
            shape = out;
        }
        return macs;
    }

    /** Initialises the parameters for inputs of this side. */
    public void initialize(NDManager manager, int inputSize) {
        block().initialize(manager, DataType.FLOAT32, new Shape(1, 3, inputSize, inputSize));
    }

    @Override
    public void close() {
        model.close();
    }
}
