package org.thesislab.core.train;

/** Training stopped because the loss became NaN or infinite; the message says where and what to try. */
public class NonFiniteLossException extends RuntimeException {
    private final String model;
    private final int epoch;
    private final int batch;
    private final float loss;
    private final float lastFiniteLoss;

    public NonFiniteLossException(String model, int epoch, int batch, float loss, float lastFiniteLoss, String message) {
        super(message);
        this.model = model;
        this.epoch = epoch;
        this.batch = batch;
        this.loss = loss;
        this.lastFiniteLoss = lastFiniteLoss;
    }

    /** The model whose loss diverged. */
    public String model() {
        return model;
    }

    public int epoch() {
        return epoch;
    }

    /** The 1-based batch of {@link #epoch()} whose loss was not finite. */
    public int batch() {
        return batch;
    }

    public float loss() {
        return loss;
    }

    /** The loss of the step before, NaN if the first step diverged. */
    public float lastFiniteLoss() {
        return lastFiniteLoss;
    }
}
