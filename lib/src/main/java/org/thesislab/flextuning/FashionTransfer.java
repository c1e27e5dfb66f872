package org.thesislab.flextuning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.thesislab.core.Seeds;
import org.thesislab.core.data.FashionMnist;
import org.thesislab.core.data.Splits;
import org.thesislab.core.data.TensorDataset;

import java.util.Arrays;

/**
 * The benchmark of thesis §4.1.4 (the MNIST setting), rebuilt on the real Fashion-MNIST: a source subset of
 * the training split pre-trains the network; disjoint remaining training images form each target's pool and
 * validation set; the test split gives each target's test set. Every target applies its {@link TargetShift}
 * to the same images, so targets differ only by the shift.
 */
public final class FashionTransfer implements AutoCloseable {

    /** How many images go where. */
    public record Sizes(int sourceTrain, int sourceVal, int poolPerClass, int valPerClass, int testPerClass) {
        public Sizes {
            if (sourceTrain < 10 || sourceVal < 10 || poolPerClass < 1 || valPerClass < 1 || testPerClass < 1) {
                throw new IllegalArgumentException("Sizes too small: " + this);
            }
            if (sourceTrain + sourceVal + 10 * (poolPerClass + valPerClass) > 60_000) {
                throw new IllegalArgumentException("Sizes do not fit in the 60k Fashion-MNIST training images: " + this);
            }
            if (testPerClass > 1000) {
                throw new IllegalArgumentException("The test split has 1000 images per class; got testPerClass=" + testPerClass);
            }
        }
    }

    public static final int SIDE = FashionMnist.SIDE;
    public static final int CLASSES = FashionMnist.CLASSES.size();

    private final NDManager manager;
    private final Sizes sizes;
    private final long seed;
    private final NDArray sourceX;
    private final NDArray sourceY;
    private final NDArray sourceValX;
    private final NDArray sourceValY;
    private final NDArray sourceTestX;
    private final NDArray sourceTestY;
    private final float[] pool;
    private final int[] poolLabels;
    private final float[] val;
    private final int[] valLabels;
    private final float[] test;
    private final int[] testLabels;

    private FashionTransfer(NDManager manager, Sizes sizes, long seed, NDArray[] source, float[][] images, int[][] labels) {
        this.manager = manager;
        this.sizes = sizes;
        this.seed = seed;
        this.sourceX = source[0];
        this.sourceY = source[1];
        this.sourceValX = source[2];
        this.sourceValY = source[3];
        this.sourceTestX = source[4];
        this.sourceTestY = source[5];
        this.pool = images[0];
        this.poolLabels = labels[0];
        this.val = images[1];
        this.valLabels = labels[1];
        this.test = images[2];
        this.testLabels = labels[2];
    }

    /** Loads Fashion-MNIST (core.data.FashionMnist) and splits it with {@code seed}. */
    public static FashionTransfer load(NDManager parent, Sizes sizes, long seed) {
        NDManager manager = parent.newSubManager();
        try (NDManager scratch = manager.newSubManager();
             TensorDataset train = FashionMnist.load(scratch, FashionMnist.Split.TRAIN, 0);
             TensorDataset testSplit = FashionMnist.load(scratch, FashionMnist.Split.TEST, 0)) {
            int[] trainLabels = train.labels().head().toIntArray();
            int[] order = Splits.permutation(trainLabels.length, Seeds.stream(seed, "fashion-transfer"));
            int[] sourceIdx = Arrays.copyOfRange(order, 0, sizes.sourceTrain());
            int[] sourceValIdx = Arrays.copyOfRange(order, sizes.sourceTrain(), sizes.sourceTrain() + sizes.sourceVal());
            int[] rest = Arrays.copyOfRange(order, sizes.sourceTrain() + sizes.sourceVal(), order.length);
            int[] restLabels = pick(trainLabels, rest);
            int[] poolPick = Splits.perClass(restLabels, CLASSES, sizes.poolPerClass(), Seeds.derive(seed, 1));
            if (poolPick.length < CLASSES * sizes.poolPerClass()) {
                throw new IllegalArgumentException("After the source images, some class has fewer than "
                        + sizes.poolPerClass() + " images left for the target pool; lower poolPerClass or sourceTrain.");
            }
            boolean[] used = new boolean[rest.length];
            for (int i : poolPick) {
                used[i] = true;
            }
            int[] remaining = java.util.stream.IntStream.range(0, rest.length).filter(i -> !used[i]).toArray();
            int[] valPick = pick(remaining, Splits.perClass(pick(restLabels, remaining), CLASSES, sizes.valPerClass(),
                    Seeds.derive(seed, 2)));
            if (valPick.length < CLASSES * sizes.valPerClass()) {
                throw new IllegalArgumentException("Some class has fewer than " + sizes.valPerClass()
                        + " images left for target validation; lower valPerClass, poolPerClass or sourceTrain.");
            }
            int[] testLabelsAll = testSplit.labels().head().toIntArray();
            int[] testIdx = Splits.perClass(testLabelsAll, CLASSES, sizes.testPerClass(), Seeds.derive(seed, 3));

            NDArray[] source = {
                rows(train, sourceIdx, manager), labels(trainLabels, sourceIdx, manager),
                rows(train, sourceValIdx, manager), labels(trainLabels, sourceValIdx, manager),
                rows(testSplit, testIdx, manager), labels(testLabelsAll, testIdx, manager)};
            float[][] images = {
                floats(train, pick(rest, poolPick), scratch), floats(train, pick(rest, valPick), scratch),
                floats(testSplit, testIdx, scratch)};
            int[][] labels = {pick(restLabels, poolPick), pick(restLabels, valPick), pick(testLabelsAll, testIdx)};
            return new FashionTransfer(manager, sizes, seed, source, images, labels);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    public Sizes sizes() {
        return sizes;
    }

    /** The source domain: un-shifted training, validation and test images (the pre-training data). */
    public TransferData source() {
        return new TransferData(sourceX, sourceY, sourceValX, sourceValY, sourceTestX, sourceTestY);
    }

    /** The first {@code n} un-shifted target-pool images (n, 1, 28, 28) and their labels, for figures. */
    public NDArray poolSample(NDManager into, int n) {
        int k = Math.min(n, poolLabels.length);
        return into.create(Arrays.copyOf(pool, k * SIDE * SIDE), new Shape(k, 1, SIDE, SIDE));
    }

    public int[] poolLabels() {
        return poolLabels.clone();
    }

    /** The target domain under {@code shift}: pool, validation and test images all shifted (labels unchanged). */
    public TargetDomain target(TargetShift shift) {
        NDManager m = manager.newSubManager();
        long s = Seeds.derive(seed, 100 + shift.ordinal());
        float[] p = shift.apply(pool, poolLabels.length, SIDE, Seeds.derive(s, 1));
        NDArray vx = m.create(shift.apply(val, valLabels.length, SIDE, Seeds.derive(s, 2)), new Shape(valLabels.length, 1, SIDE, SIDE));
        NDArray tx = m.create(shift.apply(test, testLabels.length, SIDE, Seeds.derive(s, 3)), new Shape(testLabels.length, 1, SIDE, SIDE));
        return new TargetDomain(shift, m, p, poolLabels.clone(), vx, m.create(toLong(valLabels)), tx,
                m.create(toLong(testLabels)), SIDE);
    }

    private static int[] pick(int[] values, int[] idx) {
        int[] out = new int[idx.length];
        for (int i = 0; i < idx.length; i++) {
            out[i] = values[idx[i]];
        }
        return out;
    }

    private static NDArray rows(TensorDataset data, int[] idx, NDManager into) {
        NDArray x = data.batch(into, idx).features().head();
        return x;
    }

    private static float[] floats(TensorDataset data, int[] idx, NDManager scratch) {
        return data.batch(scratch, idx).features().head().toFloatArray();
    }

    private static NDArray labels(int[] all, int[] idx, NDManager into) {
        return into.create(toLong(pick(all, idx)));
    }

    private static long[] toLong(int[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }
}
