package org.thesislab.core.train;

import java.util.concurrent.CancellationException;

/**
 * Training stopped between two steps because its thread was interrupted (in a notebook: Kernel > Interrupt); the
 * message says where and how to resume. The thread's interrupt status stays set, so the rest of the interrupted
 * work stops too. A {@link CancellationException}, like the data generators' interruptions.
 */
public class TrainingInterruptedException extends CancellationException implements StoppedTraining {
    private final Step step;

    public TrainingInterruptedException(String model, int epoch, int batch, String message) {
        super(message);
        this.step = new Step(model, epoch, batch);
    }

    /** The step that was not trained. */
    @Override
    public Step step() {
        return step;
    }
}
