package org.thesislab.flextuning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.thesislab.core.Seeds;
import org.thesislab.core.data.Splits;

/**
 * One target domain (thesis §4.1.4): a pool of shifted training images with their (unchanged) labels, the
 * shifted validation set D_val and the shifted test set. {@link #subsample} draws the data-scarce training
 * set D of a given number of images per class.
 */
public final class TargetDomain implements AutoCloseable {

    private final TargetShift shift;
    private final NDManager manager;
    private final float[] poolImages;
    private final int[] poolLabels;
    private final NDArray valX;
    private final NDArray valY;
    private final NDArray testX;
    private final NDArray testY;
    private final int side;

    TargetDomain(TargetShift shift, NDManager manager, float[] poolImages, int[] poolLabels, NDArray valX, NDArray valY,
                 NDArray testX, NDArray testY, int side) {
        this.shift = shift;
        this.manager = manager;
        this.poolImages = poolImages;
        this.poolLabels = poolLabels;
        this.valX = valX;
        this.valY = valY;
        this.testX = testX;
        this.testY = testY;
        this.side = side;
    }

    public TargetShift shift() {
        return shift;
    }

    public int poolSize() {
        return poolLabels.length;
    }

    public NDArray valX() {
        return valX;
    }

    public NDArray valY() {
        return valY;
    }

    public NDArray testX() {
        return testX;
    }

    public NDArray testY() {
        return testY;
    }

    /** The first {@code n} shifted pool images as (n, 1, side, side), for figures. */
    public NDArray poolSample(NDManager into, int n) {
        int k = Math.min(n, poolLabels.length);
        float[] part = java.util.Arrays.copyOf(poolImages, k * side * side);
        return into.create(part, new Shape(k, 1, side, side));
    }

    public int[] poolLabels() {
        return poolLabels.clone();
    }

    /**
     * The transfer problem with {@code perClass} training images per class drawn from the pool with
     * {@code seed} (the data-scarcity setting), on {@code into} (close it to release D).
     */
    public TransferData subsample(NDManager into, int perClass, long seed) {
        int classes = 1 + java.util.Arrays.stream(poolLabels).max().orElse(0);
        int[] idx = Splits.perClass(poolLabels, classes, perClass, Seeds.derive(seed, perClass));
        if (idx.length < perClass * classes) {
            throw new IllegalArgumentException("The target pool holds fewer than " + perClass + " images of some class ("
                    + idx.length + " drawn for " + classes + " classes); raise poolPerClass in the benchmark sizes.");
        }
        int px = side * side;
        float[] x = new float[idx.length * px];
        long[] y = new long[idx.length];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(poolImages, idx[i] * px, x, i * px, px);
            y[i] = poolLabels[idx[i]];
        }
        return new TransferData(into.create(x, new Shape(idx.length, 1, side, side)), into.create(y), valX, valY, testX, testY);
    }

    @Override
    public void close() {
        manager.close();
    }
}
