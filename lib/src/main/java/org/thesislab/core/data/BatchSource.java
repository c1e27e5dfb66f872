package org.thesislab.core.data;

import ai.djl.ndarray.NDManager;

/**
 * Where the training loop draws its batches from: a fixed {@link TensorDataset}, or examples made afresh each epoch
 * (ODGI flips its aerial images at random and rebuilds the detection targets after the flip).
 */
public interface BatchSource {
    /** Examples per epoch. */
    int size();

    /** Training steps per epoch with batches of {@code batchSize}. */
    int batchCount(int batchSize);

    /**
     * One epoch's batches, shuffled (and augmented) with streams derived from {@code epochSeed}, so that an epoch
     * drawn again, e.g. after resuming from a checkpoint, is the same epoch.
     */
    Epoch epoch(long epochSeed, int batchSize);

    /**
     * Called once when training resumes after {@code epochs} completed epochs of {@code steps} steps in all, before
     * the next is drawn: a source whose batches depend on the epochs before (one shuffle stream for a whole run)
     * catches up here. Sources that draw each epoch from its own seed need nothing.
     */
    default void resumeAfter(int epochs, long steps) {
    }

    /** The batches of one epoch, drawn in order 0, 1, ... */
    @FunctionalInterface
    interface Epoch {
        /** Batch {@code b} (0-based), its arrays owned by {@code scope}. */
        TensorDataset.Batch batch(NDManager scope, int b);
    }
}
