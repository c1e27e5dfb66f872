package org.thesislab.core.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.thesislab.core.Seeds;

/**
 * An in-memory dataset: feature and label tensors whose first axis indexes the examples. Batches are
 * gathered with one native index op each and attached to the caller's (short-lived) manager, so a training
 * step that closes its manager releases them.
 */
public final class TensorDataset implements BatchSource, AutoCloseable {
    private final NDList features;
    private final NDList labels;
    private final int size;

    public TensorDataset(NDList features, NDList labels) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException("A dataset needs at least one feature tensor.");
        }
        this.size = Math.toIntExact(features.get(0).getShape().get(0));
        for (NDArray a : concat(features, labels)) {
            if (a.getShape().isScalar() || a.getShape().get(0) != size) {
                throw new IllegalArgumentException("Every tensor of a dataset must have " + size
                        + " examples along its first axis; got shape " + a.getShape() + ".");
            }
        }
        this.features = features;
        this.labels = labels;
    }

    @Override
    public int size() {
        return size;
    }

    public NDList features() {
        return features;
    }

    public NDList labels() {
        return labels;
    }

    /** The examples at {@code indices}: features then labels, in a {@link Batch} owned by {@code manager}. */
    public Batch batch(NDManager manager, int[] indices) {
        NDArray index = manager.create(toLong(indices));
        NDList x = gather(features, index, manager);
        NDList y = gather(labels, index, manager);
        return new Batch(x, y, indices.length);
    }

    /** Examples [from, to) in order. */
    public Batch slice(NDManager manager, int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = from + i;
        }
        return batch(manager, idx);
    }

    /** A new dataset of the examples at {@code indices}, living in {@code manager}. */
    public TensorDataset subset(NDManager manager, int[] indices) {
        Batch b = batch(manager, indices);
        return new TensorDataset(b.features(), b.labels());
    }

    /** Indices 0..size-1, shuffled by {@code random} (or in order when it is null). */
    public int[] order(Random random) {
        if (random != null) {
            return Splits.permutation(size, random);
        }
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        return idx;
    }

    /** Number of batches of at most {@code batchSize} examples that cover the dataset. */
    @Override
    public int batchCount(int batchSize) {
        return (size + batchSize - 1) / batchSize;
    }

    /** The examples in the order of {@code Seeds.stream(epochSeed, "shuffle")}, the last batch possibly smaller. */
    @Override
    public Epoch epoch(long epochSeed, int batchSize) {
        int[] order = order(Seeds.stream(epochSeed, "shuffle"));
        return (scope, b) -> batch(scope, batchIndices(order, b, batchSize));
    }

    /** The indices of batch {@code b} within {@code order}. */
    public static int[] batchIndices(int[] order, int b, int batchSize) {
        int from = b * batchSize;
        int to = Math.min(order.length, from + batchSize);
        return java.util.Arrays.copyOfRange(order, from, to);
    }

    private static NDList gather(NDList arrays, NDArray index, NDManager manager) {
        NDList out = new NDList(arrays.size());
        for (NDArray a : arrays) {
            NDArray picked = a.get(index.toDevice(a.getDevice(), false));
            picked.attach(manager);
            out.add(picked);
        }
        return out;
    }

    private static long[] toLong(int[] indices) {
        long[] out = new long[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = indices[i];
        }
        return out;
    }

    private static NDList concat(NDList a, NDList b) {
        NDList all = new NDList(a);
        all.addAll(b);
        return all;
    }

    @Override
    public void close() {
        features.close();
        labels.close();
    }

    /** One batch: its features (model inputs), labels (loss targets) and example count. */
    public record Batch(NDList features, NDList labels, int size) {}
}
