package org.thesislab.cpfs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.loss.Loss;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thesislab.core.Seeds;
import org.thesislab.core.data.TensorDataset;
import org.thesislab.core.train.Adam;
import org.thesislab.core.train.SoftmaxCrossEntropy;
import org.thesislab.core.train.TrainingLoop;

/**
 * Transfer evaluation on a downstream task from the same renderer: per-pixel semantic segmentation of
 * MovingShapes frames into background, disk, square and triangle (the VOC12-segmentation analogue of
 * §3.3.5). Frozen features are read at every pixel (bilinear, as the sparse hypercolumn does) and a linear
 * softmax probe is trained per layer (the Table 3.2 analogue); fine-tuning unfreezes everything under a new
 * hypercolumn head trained on sampled pixels, as the thesis' segmentation protocol does [78].
 */
public final class Transfer {
    /** The layers probed one by one, then the full hypercolumn. */
    public static final List<String> PROBED = List.of("conv1", "conv2", "conv3", "conv4", "conv5", "fc7", "hypercolumn");
    public static final int CLASSES = MovingShapes.CLASSES.size();

    /** Figure/ground labels (object = 1, background = 0) from semantic classes: the grouping motion should teach. */
    public static NDArray figureGround(NDArray semantic) {
        return semantic.gt(0).toType(DataType.INT32, false);
    }

    private Transfer() {}

    /** Pixel accuracy and mean intersection-over-union over the classes present. */
    public record Score(double accuracy, double meanIoU) {}

    /** Labelled frames (N, 3, H, W) with semantic classes (N, H, W). */
    public record Labelled(NDArray frames, NDArray semantic) {
        public int size() {
            return (int) frames.getShape().get(0);
        }
    }

    /**
     * Frozen per-pixel features of every probed layer for {@code frames}, in inference mode: layer → (N·H·W, C).
     * Batched by {@code batch} frames; arrays live in {@code manager}.
     */
    public static Map<String, NDArray> pixelFeatures(PixelEmbeddingNet net, NDArray frames, int batch, NDManager manager) {
        Map<String, List<NDArray>> parts = new LinkedHashMap<>();
        ParameterStore store = new ParameterStore(manager, false);
        int n = (int) frames.getShape().get(0);
        int h = (int) frames.getShape().get(2);
        int w = (int) frames.getShape().get(3);
        Map<String, Integer> strides = net.strides();
        for (int from = 0; from < n; from += batch) {
            try (NDManager scope = manager.newSubManager()) {
                int to = Math.min(n, from + batch);
                NDArray x = frames.get(from + ":" + to);
                x.attach(scope);
                Map<String, NDArray> layers = net.layers(store, x, false);
                NDArray pixels = Hypercolumn.allPixels(scope, to - from, h, w);
                for (String name : PROBED) {
                    NDArray f = name.equals("hypercolumn") ? net.hypercolumn(layers, pixels, w)
                            : Hypercolumn.atPixels(layers.get(name), pixels, w, strides.get(name));
                    NDArray flat = f.reshape(-1, f.getShape().get(2));
                    flat.attach(manager);
                    parts.computeIfAbsent(name, k -> new ArrayList<>()).add(flat);
                }
            }
        }
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (var e : parts.entrySet()) {
            out.put(e.getKey(), e.getValue().size() == 1 ? e.getValue().get(0) : NDArrays.concat(new NDList(e.getValue()), 0));
        }
        return out;
    }

    /**
     * A linear softmax probe on standardised frozen features (statistics from the training pixels), trained
     * with Adam; returns its score on the test pixels.
     */
    public static Score linearProbe(NDArray trainFeatures, NDArray trainLabels, NDArray testFeatures, NDArray testLabels,
            int classes, int epochs, float learningRate, long seed, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray mean = trainFeatures.mean(new int[] {0}, true);
            NDArray std = trainFeatures.sub(mean).square().mean(new int[] {0}, true).sqrt().add(1e-5f);
            NDArray train = trainFeatures.sub(mean).div(std);
            NDArray test = testFeatures.sub(mean).div(std);
            train.attach(scope);
            test.attach(scope);
            Seeds.seedEngine(seed);
            Linear probe = Linear.builder().setUnits(classes).build();
            probe.initialize(scope, DataType.FLOAT32, new Shape(1, train.getShape().get(1)));
            TensorDataset data = new TensorDataset(new NDList(train), new NDList(trainLabels.reshape(-1).toType(DataType.INT64, false)));
            TrainingLoop.builder(probe, new SoftmaxCrossEntropy(), new Adam(learningRate), scope)
                    .batchSize(2048).epochs(epochs).seed(seed).progress(false, "probe").build().fit(data, null);
            NDArray logits = probe.forward(new ParameterStore(scope, false), new NDList(test), false).singletonOrThrow();
            return score(logits.argMax(1), testLabels.reshape(-1), classes);
        }
    }

    /** Pixel accuracy and mIoU of predicted against true classes 0..classes−1 (any shapes, same size). */
    public static Score score(NDArray predicted, NDArray truth, int classes) {
        int[] p = predicted.toType(DataType.INT32, false).toIntArray();
        int[] t = truth.toType(DataType.INT32, false).toIntArray();
        if (p.length != t.length) {
            throw new IllegalArgumentException("score: " + p.length + " predictions for " + t.length + " labels");
        }
        long[] inter = new long[classes];
        long[] union = new long[classes];
        long right = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == t[i]) {
                right++;
                inter[t[i]]++;
                union[t[i]]++;
            } else {
                union[t[i]]++;
                union[p[i]]++;
            }
        }
        double iou = 0;
        int present = 0;
        for (int c = 0; c < classes; c++) {
            if (union[c] > 0) {
                iou += (double) inter[c] / union[c];
                present++;
            }
        }
        return new Score((double) right / p.length, iou / present);
    }

    /** Sparse per-pixel cross-entropy of head logits (B, P, K) against the classes (B, H, W) at the same pixels. */
    public static final class SegmentationLoss extends Loss {
        public SegmentationLoss() {
            super("segmentation_ce");
        }

        @Override
        public NDArray evaluate(NDList labels, NDList predictions) {
            NDArray logits = predictions.get(0);
            NDArray pixels = predictions.get(1);
            NDArray classes = labels.get(0);
            NDArray flat = classes.reshape(classes.getShape().get(0), -1).toType(DataType.INT64, false);
            NDArray target = flat.gather(pixels, 1);
            return logits.logSoftmax(-1).mul(target.oneHot((int) logits.getShape().get(2)))
                    .sum(new int[] {-1}).mean().neg();
        }
    }

    /**
     * Few-label fine-tuning: a copy of {@code pretrained}'s backbone under a fresh hypercolumn MLP head with
     * {@link #CLASSES} outputs, everything trained with Adam on {@code pixels} sampled pixels per frame;
     * scored on every pixel of the test frames.
     */
    public static Score fineTune(PixelEmbeddingNet pretrained, Labelled train, Labelled test, int pixels, int epochs, int batch,
            float learningRate, long seed, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            int size = (int) train.frames().getShape().get(2);
            PixelEmbeddingNet net = PixelEmbeddingNet.create(scope, pretrained.architecture(), CLASSES, false, pixels, size, seed);
            net.copyBackboneFrom(pretrained);
            TensorDataset data = new TensorDataset(new NDList(train.frames()), new NDList(train.semantic()));
            TrainingLoop.builder(net, new SegmentationLoss(), new Adam(learningRate), scope)
                    .batchSize(batch).epochs(epochs).seed(seed).progress(false, "fine-tune").build().fit(data, null);
            return segment(net, test, scope);
        }
    }

    /** Scores a segmentation net (head with {@link #CLASSES} outputs) on every pixel of the test frames. */
    static Score segment(PixelEmbeddingNet net, Labelled test, NDManager manager) {
        ParameterStore store = new ParameterStore(manager, false);
        int h = (int) test.frames().getShape().get(2);
        int w = (int) test.frames().getShape().get(3);
        List<NDArray> predictions = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            for (int from = 0; from < test.size(); from += 32) {
                int to = Math.min(test.size(), from + 32);
                NDArray x = test.frames().get(from + ":" + to);
                x.attach(scope);
                NDArray logits = net.forward(store, new NDList(x, Hypercolumn.allPixels(scope, to - from, h, w)), false).get(0);
                predictions.add(logits.argMax(2));
            }
            return score(NDArrays.concat(new NDList(predictions), 0), test.semantic(), CLASSES);
        }
    }
}
