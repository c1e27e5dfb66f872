package org.thesislab.tour;

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
import ai.djl.training.evaluator.Accuracy;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.thesislab.core.Run;
import org.thesislab.core.Seeds;
import org.thesislab.core.Scale;
import org.thesislab.core.data.FashionMnist;
import org.thesislab.core.data.Splits;
import org.thesislab.core.data.TensorDataset;
import org.thesislab.core.train.Adam;
import org.thesislab.core.train.Checkpoints;
import org.thesislab.core.train.SoftmaxCrossEntropy;
import org.thesislab.core.train.LiveCurves;
import org.thesislab.core.train.TrainingLoop;
import org.thesislab.viz.Images;
import org.thesislab.viz.Plots;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The environment tour (notebook 00): a small convnet trained on the real Fashion-MNIST. */
public final class FashionMnistTour {
    private FashionMnistTour() {}

    /** Sizes per scale: the whole of Fashion-MNIST from 'quick' on. */
    public record Config(int trainExamples, int testExamples, int epochs, int batchSize, float learningRate) {
        public static Config forScale(Scale scale) {
            return new Config(
                    scale.pick(1024, 60_000, 60_000),  // training images (10% of them held out for validation)
                    scale.pick(512, 10_000, 10_000),   // test images
                    scale.pick(1, 3, 15),              // epochs
                    128,                               // batch
                    1e-3f);                            // Adam learning rate
        }
    }

    /** Train / validation (10% of the training split, seeded) / test. */
    public record Data(TensorDataset train, TensorDataset validation, TensorDataset test) {}

    public static Data load(NDManager manager, Config settings, long seed) {
        TensorDataset all = FashionMnist.load(manager, FashionMnist.Split.TRAIN, settings.trainExamples());
        Splits.Split split = Splits.trainValidation(all.size(), 0.1, seed);
        TensorDataset train = all.subset(manager, split.train());
        TensorDataset validation = all.subset(manager, split.validation());
        all.close();
        return new Data(train, validation, FashionMnist.load(manager, FashionMnist.Split.TEST, settings.testExamples()));
    }

    /** Two 3x3 conv blocks (32, 64 channels) with batch norm and 2x2 max pooling, then a 128-unit layer. */
    public static SequentialBlock convNet() {
        SequentialBlock net = new SequentialBlock();
        for (int filters : new int[] {32, 64}) {
            net.add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).build())
                    .add(BatchNorm.builder().build())
                    .add(Activation.reluBlock())
                    .add(Pool.maxPool2dBlock(new Shape(2, 2)));
        }
        return net.add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(128).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(FashionMnist.CLASSES.size()).build());
    }

    /** The convnet with its initial weights drawn from the engine seeded with {@code seed}: the same seed, the same net. */
    public static SequentialBlock initializedConvNet(NDManager manager, long seed) {
        SequentialBlock net = convNet();
        Seeds.seedEngine(seed);
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 1, FashionMnist.SIDE, FashionMnist.SIDE));
        return net;
    }

    /**
     * Trains with Adam and cross-entropy, early stopping on validation accuracy; curves redraw live. With checkpoints,
     * training again after an interrupt resumes from the last completed epoch.
     */
    public static TrainingLoop.Result train(SequentialBlock net, Data data, Config settings, Run run,
            NDManager manager, Checkpoints checkpoints) {
        TrainingLoop.Builder loop = TrainingLoop.builder(net, new SoftmaxCrossEntropy(), new Adam(settings.learningRate()), manager)
                .batchSize(settings.batchSize())
                .epochs(settings.epochs())
                .seed(run.seed())
                .metric(new Accuracy())
                .earlyStopping("val_Accuracy", true, 3)
                .listener(new LiveCurves(run, "training-curves", "Fashion-MNIST convnet",
                        new String[] {"train_loss", "val_loss"}, "train_Accuracy", "val_Accuracy"))
                .progress(true, "Fashion-MNIST convnet")
                .checkpoints(checkpoints.forModel("convnet"));
        return loop.build().fit(data.train(), data.validation());
    }

    /** Predicted class of every example, batched. */
    public static int[] predict(SequentialBlock net, TensorDataset data, NDManager manager) {
        int[] out = new int[data.size()];
        ParameterStore store = new ParameterStore(manager, false);
        for (int from = 0; from < data.size(); from += 512) {
            try (NDManager scope = manager.newSubManager()) {
                int to = Math.min(data.size(), from + 512);
                NDList x = data.slice(scope, from, to).features();
                NDArray logits = net.forward(store, x, false).singletonOrThrow();
                int[] batch = logits.argMax(1).toType(DataType.INT32, false).toIntArray();
                System.arraycopy(batch, 0, out, from, batch.length);
            }
        }
        return out;
    }

    public static int[] labels(TensorDataset data) {
        return data.labels().get(0).toType(DataType.INT32, false).toIntArray();
    }

    public static double accuracy(int[] predicted, int[] labels) {
        int right = 0;
        for (int i = 0; i < labels.length; i++) {
            right += predicted[i] == labels[i] ? 1 : 0;
        }
        return (double) right / labels.length;
    }

    /** Confusion counts: rows are true classes, columns predicted ones. */
    public static double[][] confusion(int[] predicted, int[] labels) {
        int k = FashionMnist.CLASSES.size();
        double[][] m = new double[k][k];
        for (int i = 0; i < labels.length; i++) {
            m[labels[i]][predicted[i]]++;
        }
        return m;
    }

    /** Per-class test accuracy, as a table. */
    public static Table perClassAccuracy(int[] predicted, int[] labels) {
        int k = FashionMnist.CLASSES.size();
        int[] total = new int[k];
        int[] right = new int[k];
        for (int i = 0; i < labels.length; i++) {
            total[labels[i]]++;
            right[labels[i]] += predicted[i] == labels[i] ? 1 : 0;
        }
        DoubleColumn acc = DoubleColumn.create("accuracy");
        for (int c = 0; c < k; c++) {
            acc.append(total[c] == 0 ? Double.NaN : (double) right[c] / total[c]);
        }
        return Table.create("Test accuracy per class", StringColumn.create("class", FashionMnist.CLASSES),
                IntColumn.create("examples", total), acc);
    }

    /** The first {@code n} images of a dataset, captioned with their class and, if given, the prediction. */
    public static BufferedImage grid(TensorDataset data, int n, int[] predicted) {
        int count = Math.min(n, data.size());
        try (NDManager scope = data.features().get(0).getManager().newSubManager()) {
            List<BufferedImage> images = Images.fromBatch(data.slice(scope, 0, count).features().get(0));
            int[] labels = labels(data);
            List<String> captions = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String truth = FashionMnist.CLASSES.get(labels[i]);
                captions.add(predicted == null ? truth
                        : (predicted[i] == labels[i] ? "✓ " : "✗ ") + FashionMnist.CLASSES.get(predicted[i]) + "\n(" + truth + ")");
            }
            return Plots.imageGrid(images, captions, 10, 3);
        }
    }
}
