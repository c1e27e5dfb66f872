package org.thesislab.cpfs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The embedding CNN φ(I, p | Θ) of §3.2.3 / §3.3.1: an AlexNet-shaped backbone (conv1, pool1, conv2, pool2,
 * conv3, conv4, conv5, pool5, fc6, fc7 as convolutions) with parameter-free batch norm after every
 * convolution, a sparse hypercolumn of conv1, pool1, conv3, pool5 and fc7 read at sampled pixels, and an
 * MLP head. With {@code normalize} the head's output is L2-normalised (the CPFS embedding, D = 16); without
 * it the head gives logits (the flow-classification baseline, or a segmentation head when fine-tuning).
 *
 * <p>Input: frames (B, 3, H, W), optionally pixel indices (B, P) into H·W. Without pixels the net samples
 * P pixels per frame, uniformly at random in training (engine RNG) and at a fixed seeded set in
 * inference, so that validation losses are comparable across epochs. Output: (head output (B, P, K),
 * pixels (B, P)).
 */
public final class PixelEmbeddingNet extends AbstractBlock {
    /** The hypercolumn taps of §3.3.1. */
    public static final List<String> TAPS = List.of("conv1", "pool1", "conv3", "pool5", "fc7");

    /**
     * Layer widths and kernel sizes. {@link #mini()} is this reproduction's 32×32 "MiniAlexNet" (same topology and
     * taps as App. A with LRN and dropout left out); the thesis' AlexNet uses 96/256/384/384/256/256/256
     * channels on 224² frames.
     */
    public record Architecture(int conv1, int conv1Kernel, int conv2, int conv3, int conv4, int conv5, int fc6,
            int fc7, int mlpHidden) {
        public static Architecture mini() {
            return new Architecture(16, 5, 32, 48, 48, 32, 64, 64, 64);
        }

        /** Half the mini widths, for smoke runs and tests. */
        public static Architecture tiny() {
            return new Architecture(8, 5, 16, 24, 24, 16, 32, 32, 32);
        }

        public int hypercolumnChannels() {
            return conv1 + conv1 + conv3 + conv5 + fc7;
        }
    }

    private record NamedLayer(String name, Block block, int stride) {}

    private final Architecture architecture;
    private final int outputs;
    private final boolean normalize;
    private final int pixelsPerFrame;
    private final List<NamedLayer> layers = new ArrayList<>();
    private final Block head;
    private long[] inferencePixels;

    /**
     * @param outputs the head's width (16 for the CPFS embedding, 32 for 2×16 flow bins, classes for segmentation)
     * @param normalize L2-normalise the head's output (the CPFS embedding)
     * @param pixelsPerFrame P, the pixels sampled per frame when none are given
     */
    public PixelEmbeddingNet(Architecture architecture, int outputs, boolean normalize, int pixelsPerFrame) {
        this.architecture = architecture;
        this.outputs = outputs;
        this.normalize = normalize;
        this.pixelsPerFrame = pixelsPerFrame;
        Architecture a = architecture;
        int k1 = a.conv1Kernel();
        add("conv1", conv(a.conv1(), k1, k1 / 2), 1);
        add("pool1", Pool.maxPool2dBlock(new Shape(2, 2)), 2);
        add("conv2", conv(a.conv2(), 3, 1), 2);
        add("pool2", Pool.maxPool2dBlock(new Shape(2, 2)), 4);
        add("conv3", conv(a.conv3(), 3, 1), 4);
        add("conv4", conv(a.conv4(), 3, 1), 4);
        add("conv5", conv(a.conv5(), 3, 1), 4);
        add("pool5", Pool.maxPool2dBlock(new Shape(2, 2)), 8);
        add("fc6", conv(a.fc6(), 3, 1), 8);
        add("fc7", conv(a.fc7(), 1, 0), 8);
        head = addChildBlock("head", new SequentialBlock()
                .add(Linear.builder().setUnits(a.mlpHidden()).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(outputs).build()));
    }

    /** A convolution followed by parameter-free batch norm (no learned scale or shift, §3.3.3) and ReLU. */
    private static Block conv(int filters, int kernel, int pad) {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(kernel, kernel)).optPadding(new Shape(pad, pad)).setFilters(filters).build())
                .add(BatchNorm.builder().optScale(false).optCenter(false).build())
                .add(Activation.reluBlock());
    }

    private void add(String name, Block block, int stride) {
        layers.add(new NamedLayer(name, addChildBlock(name, block), stride));
    }

    public Architecture architecture() {
        return architecture;
    }

    public int outputs() {
        return outputs;
    }

    /** Names of the backbone layers in order, and their strides. */
    public Map<String, Integer> strides() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (NamedLayer l : layers) {
            out.put(l.name(), l.stride());
        }
        return out;
    }

    /** Every backbone layer's output for frames (B, 3, H, W), by name. */
    public Map<String, NDArray> layers(ParameterStore store, NDArray frames, boolean training) {
        checkFrames(frames);
        Map<String, NDArray> out = new LinkedHashMap<>();
        NDArray x = frames;
        for (NamedLayer l : layers) {
            x = l.block().forward(store, new NDList(x), training).singletonOrThrow();
            out.put(l.name(), x);
        }
        return out;
    }

    /**
     * The response of layer {@code name} before its ReLU (convolution and batch norm only), for frames
     * (B, 3, H, W): what activation maximisation drives up, since a unit that is off has no gradient after the ReLU.
     */
    public NDArray preActivation(ParameterStore store, NDArray frames, String name) {
        checkFrames(frames);
        NDArray x = frames;
        for (NamedLayer l : layers) {
            if (l.name().equals(name)) {
                if (!(l.block() instanceof SequentialBlock seq) || seq.getChildren().size() != 3) {
                    throw new IllegalArgumentException("Layer '" + name + "' has no ReLU (pooling); pick a convolution layer.");
                }
                for (int i = 0; i < 2; i++) {
                    x = seq.getChildren().get(i).getValue().forward(store, new NDList(x), false).singletonOrThrow();
                }
                return x;
            }
            x = l.block().forward(store, new NDList(x), false).singletonOrThrow();
        }
        throw new IllegalArgumentException("No layer '" + name + "'; the layers are " + strides().keySet());
    }

    /** The sparse hypercolumn (B, P, C) of {@link #TAPS} at pixels (B, P). */
    public NDArray hypercolumn(ParameterStore store, NDArray frames, NDArray pixels, boolean training) {
        return hypercolumn(layers(store, frames, training), pixels, (int) frames.getShape().get(3));
    }

    NDArray hypercolumn(Map<String, NDArray> all, NDArray pixels, int width) {
        List<NDArray> taps = new ArrayList<>();
        int[] strides = new int[TAPS.size()];
        for (int i = 0; i < TAPS.size(); i++) {
            taps.add(all.get(TAPS.get(i)));
            strides[i] = strides().get(TAPS.get(i));
        }
        return Hypercolumn.concat(taps, strides, pixels, width);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray frames = inputs.get(0);
        checkFrames(frames);
        NDArray pixels = inputs.size() > 1 ? inputs.get(1) : samplePixels(frames, training);
        NDArray columns = hypercolumn(store, frames, pixels, training);
        Shape s = columns.getShape();
        NDArray flat = columns.reshape(s.get(0) * s.get(1), s.get(2));
        NDArray out = head.forward(store, new NDList(flat), training).singletonOrThrow().reshape(s.get(0), s.get(1), outputs);
        return new NDList(normalize ? Kernels.l2Normalize(out) : out, pixels);
    }

    private NDArray samplePixels(NDArray frames, boolean training) {
        long b = frames.getShape().get(0);
        int area = (int) (frames.getShape().get(2) * frames.getShape().get(3));
        NDManager m = frames.getManager();
        if (training) {
            return m.randomInteger(0, area, new Shape(b, pixelsPerFrame), DataType.INT64);
        }
        if (inferencePixels == null || inferencePixels.length != Math.min(pixelsPerFrame, area)) {
            Random r = new Random(area * 31L + pixelsPerFrame);
            inferencePixels = r.ints(0, area).distinct().limit(Math.min(pixelsPerFrame, area)).asLongStream().toArray();
        }
        return m.create(inferencePixels).expandDims(0).repeat(0, b);
    }

    private void checkFrames(NDArray frames) {
        Shape s = frames.getShape();
        if (s.dimension() != 4 || s.get(1) != 3) {
            throw new IllegalArgumentException("PixelEmbeddingNet takes RGB frames (B, 3, H, W); got " + s);
        }
        if (s.get(2) % 8 != 0 || s.get(3) % 8 != 0) {
            throw new IllegalArgumentException("Frame sides must be multiples of 8 (three 2x2 poolings); got " + s);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long b = inputShapes[0].get(0);
        long p = inputShapes.length > 1 ? inputShapes[1].get(1) : pixelsPerFrame;
        return new Shape[] {new Shape(b, p, outputs), new Shape(b, p)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape shape = inputShapes[0];
        for (NamedLayer l : layers) {
            l.block().initialize(manager, dataType, shape);
            shape = l.block().getOutputShapes(new Shape[] {shape})[0];
        }
        head.initialize(manager, dataType, new Shape(1, architecture.hypercolumnChannels()));
    }

    /** A new network, initialised for frames of side {@code size}, with the engine seeded for its weights. */
    public static PixelEmbeddingNet create(NDManager manager, Architecture architecture, int outputs, boolean normalize,
            int pixelsPerFrame, int size, long seed) {
        org.thesislab.core.Seeds.seedEngine(seed);
        PixelEmbeddingNet net = new PixelEmbeddingNet(architecture, outputs, normalize, pixelsPerFrame);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, size, size));
        return net;
    }

    /** Copies the backbone's weights and batch-norm statistics from {@code from} (same architecture); the head stays. */
    public void copyBackboneFrom(PixelEmbeddingNet from) {
        for (int l = 0; l < layers.size(); l++) {
            var source = from.layers.get(l).block().getParameters();
            var target = layers.get(l).block().getParameters();
            for (int i = 0; i < target.size(); i++) {
                copy(source.get(i).getKey(), source.get(i).getValue().getArray(), target.get(i).getValue().getArray());
            }
        }
    }

    private static void copy(String name, NDArray src, NDArray dst) {
        if (!src.getShape().equals(dst.getShape())) {
            throw new IllegalArgumentException("Backbone parameter " + name + " is " + src.getShape() + " in the source but "
                    + dst.getShape() + " here: the architectures differ.");
        }
        dst.set(src.toFloatArray());
    }
}
