package org.thesislab.core.train;

import java.util.concurrent.CancellationException;

/**
 * Training stopped between two steps because its thread was interrupted (in a notebook: Kernel > Interrupt); the
 * message says where and how to resume. The thread's interrupt status stays set, so the rest of the interrupted
 * work stops too. A {@link CancellationException}, like the data generators' interruptions.
 */
public class TrainingInterruptedException extends CancellationException {
    private final String model;
    private final int epoch;
    private final int batch;

    public TrainingInterruptedException(String model, int epoch, int batch, String message) {
        super(message);
        this.model = model;
        this.epoch = epoch;
        this.batch = batch;
    }

    /** The model being trained. */
    public String model() {
        return model;
    }

    public int epoch() {
        return epoch;
    }

    /** The 1-based batch of {@link #epoch()} that was not trained. */
    public int batch() {
        return batch;
    }
}
