package org.thesislab.core.train;

/** Training stopped because the loss became NaN or infinite; the message says where and what to try. */
public class NonFiniteLossException extends RuntimeException implements StoppedTraining {
    private final Step step;
    private final float loss;
    private final float lastFiniteLoss;

    public NonFiniteLossException(String model, int epoch, int batch, float loss, float lastFiniteLoss, String message) {
        super(message);
        this.step = new Step(model, epoch, batch);
        this.loss = loss;
        this.lastFiniteLoss = lastFiniteLoss;
    }

    /** The step whose loss was not finite. */
    @Override
    public Step step() {
        return step;
    }

    public float loss() {
        return loss;
    }

    /** The loss of the step before, NaN if the first step diverged. */
    public float lastFiniteLoss() {
        return lastFiniteLoss;
    }
}
