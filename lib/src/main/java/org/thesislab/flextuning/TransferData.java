package org.thesislab.flextuning;

import ai.djl.ndarray.NDArray;

/**
 * The data of one transfer problem (thesis §4.1.2): the labelled target training set D, the validation
 * set D_val used for early stopping and selection, and a held-out test set. Images are (N, 1, 28, 28)
 * float32 in [0, 1], labels (N) int64. The arrays belong to the caller.
 */
public record TransferData(NDArray trainX, NDArray trainY, NDArray valX, NDArray valY, NDArray testX, NDArray testY) {

    public TransferData {
        check("train", trainX, trainY);
        check("val", valX, valY);
        check("test", testX, testY);
    }

    private static void check(String split, NDArray x, NDArray y) {
        if (x.getShape().dimension() != 4 || y.getShape().dimension() != 1 || x.getShape().get(0) != y.getShape().get(0)) {
            throw new IllegalArgumentException("TransferData." + split + ": expected images (N,C,H,W) and labels (N), got "
                    + x.getShape() + " and " + y.getShape() + ".");
        }
    }

    public int trainSize() {
        return (int) trainX.getShape().get(0);
    }

    public int valSize() {
        return (int) valX.getShape().get(0);
    }
}
