package org.thesislab.core.train;

/**
 * An error that stopped a training at one step ({@link NonFiniteLossException}, {@link TrainingInterruptedException}):
 * which model, epoch and batch, so that a caller can report it or resume.
 */
public interface StoppedTraining {

    /** Where the training stopped. */
    record Step(String model, int epoch, int batch) {
    }

    Step step();

    /** The model being trained. */
    default String model() {
        return step().model();
    }

    default int epoch() {
        return step().epoch();
    }

    /** The 1-based batch of {@link #epoch()} that stopped the training. */
    default int batch() {
        return step().batch();
    }
}
