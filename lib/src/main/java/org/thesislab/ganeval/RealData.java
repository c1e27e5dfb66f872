package org.thesislab.ganeval;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.thesislab.core.data.Cifar10;
import org.thesislab.core.data.FashionMnist;
import org.thesislab.core.data.TensorDataset;

/**
 * The real images of §5.1: the training set S_t (what a GAN would learn from, and what the GAN-test classifier
 * learns from) and the validation set S_v (what GAN-train is measured on), images in [0, 1] and int32 labels.
 */
public record RealData(Source source, TensorDataset train, TensorDataset validation) implements AutoCloseable {

    /** Where the real images come from. */
    public enum Source {
        /**
         * The real Fashion-MNIST (10 classes, 28x28 grey), the embedded default: it stands in for the thesis' MNIST
         * (§5.3.3), the one dataset the thesis evaluates with its small four-layer classifier.
         */
        FASHION_MNIST(FashionMnist.CLASSES),
        /** The real CIFAR-10 (10 classes, 32x32 RGB), the thesis' Table 5.1; fetched by the user. */
        CIFAR10(Cifar10.CLASSES);

        public final List<String> classes;

        Source(List<String> classes) {
            this.classes = classes;
        }
    }

    /** The first {@code trainImages} training and {@code validationImages} test images of the source. */
    public static RealData load(NDManager manager, Source source, int trainImages, int validationImages) {
        return switch (source) {
            case FASHION_MNIST -> new RealData(source, FashionMnist.load(manager, FashionMnist.Split.TRAIN, trainImages),
                    FashionMnist.load(manager, FashionMnist.Split.TEST, validationImages));
            case CIFAR10 -> cifar10(manager, Cifar10.directory(), trainImages, validationImages);
        };
    }

    /** CIFAR-10 from the folder of its binary version (what {@code THESISLAB_CIFAR10} names). */
    public static RealData cifar10(NDManager manager, java.nio.file.Path dir, int trainImages, int validationImages) {
        return new RealData(Source.CIFAR10, cifar(manager, dir, true, trainImages), cifar(manager, dir, false, validationImages));
    }

    public int classes() {
        return source.classes.size();
    }

    private static TensorDataset cifar(NDManager manager, java.nio.file.Path dir, boolean train, int limit) {
        Cifar10.LabelledImages images = Cifar10.load(manager, dir, train, limit);
        return new TensorDataset(new NDList(images.rgb()), new NDList(manager.create(images.labels()).toType(DataType.INT32, false)));
    }

    @Override
    public void close() {
        train.close();
        validation.close();
    }
}
