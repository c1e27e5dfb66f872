package org.thesislab.ganeval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.List;
import org.thesislab.core.Seeds;
import org.thesislab.core.data.TensorDataset;
import org.thesislab.core.train.Sgd;
import org.thesislab.core.train.SoftmaxCrossEntropy;
import org.thesislab.core.train.TrainingListener;
import org.thesislab.core.train.TrainingLoop;

/**
 * The classifier that GAN-train and GAN-test are measured with, the thesis' baseline for MNIST (§5.3.2): "four
 * convolutional layers with 32, 64, 128, 256 filters with batch normalization and max pooling in between, and global
 * average pooling before the final output layer", trained with the momentum optimizer, the learning rate dropped
 * tenfold at half and at three quarters of the iterations. Its global-average-pooled activations are the feature
 * space of our FID (the thesis uses Inception's).
 */
public final class BaselineClassifier implements AutoCloseable {

    /**
     * How one classifier is trained.
     *
     * @param widths      filters of the four 3x3 convolutions (thesis: 32, 64, 128, 256)
     * @param steps       training iterations whatever the size of the set (thesis: 64k)
     * @param batchSize   images per iteration (thesis: 128)
     * @param learningRate the initial rate, divided by 10 at 1/2 and 3/4 of the steps (thesis: 0.1)
     * @param momentum    of SGD (thesis: "momentum optimizer"; 0.9 as in He et al.'s schedule it copies)
     * @param weightDecay L2 weight decay (not given by the thesis; 1e-4 as in He et al.)
     */
    public record Settings(List<Integer> widths, int steps, int batchSize, float learningRate, float momentum,
                           float weightDecay) {
        public Settings {
            widths = List.copyOf(widths);
            if (widths.size() != 4 || steps < 1 || batchSize < 1) {
                throw new IllegalArgumentException("The baseline classifier has four convolutions and needs steps and batch "
                        + "size >= 1; got widths " + widths + ", steps " + steps + ", batch " + batchSize);
            }
        }

        /** The learning rate for an epoch that starts after {@code stepsDone} steps. */
        public float learningRateAfter(long stepsDone) {
            return stepsDone >= 3L * steps / 4 ? learningRate / 100 : stepsDone >= steps / 2 ? learningRate / 10 : learningRate;
        }
    }

    private final NDManager manager;
    private final SequentialBlock features;
    private final SequentialBlock network;
    private final TrainingLoop.Result training;

    private BaselineClassifier(NDManager manager, SequentialBlock features, SequentialBlock network, TrainingLoop.Result training) {
        this.manager = manager;
        this.features = features;
        this.network = network;
        this.training = training;
    }

    /**
     * Trains a fresh classifier, called {@code name} in errors, on {@code data} for {@code settings.steps()} steps, its
     * weights in a manager of its own under {@code parent}, with a progress bar; with a checkpoint folder, training it
     * again resumes after its last epoch.
     */
    public static BaselineClassifier train(String name, TensorDataset data, int classes, Settings settings, long seed,
                                           NDManager parent, Path checkpoints) {
        return train(name, data, classes, settings, seed, parent, checkpoints, (epoch, row, history) -> { }, true);
    }

    /** {@link #train}, telling {@code listener} of every epoch's end, with or without the progress bar. */
    static BaselineClassifier train(String name, TensorDataset data, int classes, Settings settings, long seed,
                                    NDManager parent, Path checkpoints, TrainingListener listener, boolean progress) {
        NDManager manager = parent.newSubManager();
        try {
            SequentialBlock trunk = new SequentialBlock();
            for (int i = 0; i < 4; i++) {
                trunk.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1))
                                .setFilters(settings.widths().get(i)).build())
                        .add(BatchNorm.builder().build())
                        .add(Activation.reluBlock());
                if (i < 3) {
                    trunk.add(Pool.maxPool2dBlock(new Shape(2, 2)));
                }
            }
            trunk.add(Pool.globalAvgPool2dBlock()).add(Blocks.batchFlattenBlock());
            SequentialBlock network = new SequentialBlock().add(trunk).add(Linear.builder().setUnits(classes).build());
            Shape image = data.features().get(0).getShape();
            Seeds.seedEngine(seed);
            network.initialize(manager, DataType.FLOAT32, new Shape(1, image.get(1), image.get(2), image.get(3)));

            Sgd sgd = new Sgd(settings.learningRate(), settings.momentum(), settings.weightDecay());
            int stepsPerEpoch = data.batchCount(settings.batchSize());
            TrainingLoop.Result result = TrainingLoop.builder(network, new SoftmaxCrossEntropy(), sgd, manager)
                    .batchSize(settings.batchSize())
                    .epochs((settings.steps() + stepsPerEpoch - 1) / stepsPerEpoch)
                    .maxSteps(settings.steps())
                    .seed(seed)
                    .progress(progress, name)
                    .listener((epoch, row, history) -> sgd.setLearningRate(settings.learningRateAfter((long) epoch * stepsPerEpoch)))
                    .listener(listener)
                    .checkpoints(checkpoints)
                    .build().fit(data, null);
            return new BaselineClassifier(manager, trunk, network, result);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The training history (loss per epoch) and time. */
    public TrainingLoop.Result training() {
        return training;
    }

    /** Share of {@code data} classified as its label. */
    public double accuracy(TensorDataset data) {
        int[] labels = data.labels().get(0).toType(DataType.INT32, false).toIntArray();
        float[][] p = outputs(data, network);
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += argMax(p[i]) == labels[i] ? 1 : 0;
        }
        return (double) right / labels.length;
    }

    /** Class probabilities p(y|x), one row per image. */
    public float[][] probabilities(TensorDataset data) {
        float[][] logits = outputs(data, network);
        for (float[] z : logits) {
            double max = Double.NEGATIVE_INFINITY;
            for (float v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int k = 0; k < z.length; k++) {
                z[k] = (float) Math.exp(z[k] - max);
                sum += z[k];
            }
            for (int k = 0; k < z.length; k++) {
                z[k] /= (float) sum;
            }
        }
        return logits;
    }

    /** The global-average-pooled activations, the penultimate layer: one row per image. */
    public float[][] features(TensorDataset data) {
        return outputs(data, features);
    }

    private float[][] outputs(TensorDataset data, SequentialBlock block) {
        float[][] out = new float[data.size()][];
        ParameterStore store = new ParameterStore(manager, false);
        for (int from = 0; from < data.size(); from += 500) {
            try (NDManager scope = manager.newSubManager()) {
                int to = Math.min(data.size(), from + 500);
                NDArray y = block.forward(store, new NDList(data.slice(scope, from, to).features().get(0)), false).singletonOrThrow();
                int width = (int) y.getShape().get(1);
                float[] flat = y.toFloatArray();
                for (int i = from; i < to; i++) {
                    out[i] = java.util.Arrays.copyOfRange(flat, (i - from) * width, (i - from + 1) * width);
                }
            }
        }
        return out;
    }

    private static int argMax(float[] v) {
        int best = 0;
        for (int k = 1; k < v.length; k++) {
            if (v[k] > v[best]) {
                best = k;
            }
        }
        return best;
    }

    @Override
    public void close() {
        manager.close();
    }
}
