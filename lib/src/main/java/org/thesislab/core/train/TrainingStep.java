package org.thesislab.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One optimisation step, the same for every chapter: the objective (forward pass and loss) under a gradient
 * collector, the guard against a NaN/Inf loss, backward, and the {@link Optimizer}'s update. The caller runs it
 * inside a per-step {@link NDManager} scope, so native memory stays flat.
 *
 * <p>With the system property {@code thesislab.gcBetweenForwardAndBackward=true} a full garbage collection runs
 * between forward and backward on every step: the determinism harness compares such a run with a normal one to
 * find gradients read from memory a Java object owned (see {@code core.nn.Scalars}).
 */
public final class TrainingStep {
    /** The system property that forces a GC between forward and backward (determinism harness). */
    public static final String GC_PROPERTY = "thesislab.gcBetweenForwardAndBackward";

    /** Forward pass and loss of one batch; temporaries belong to the caller's step scope. */
    @FunctionalInterface
    public interface Objective {
        NDArray compute();
    }

    private final String model;
    private final Optimizer optimizer;
    private final Supplier<List<NDArray>> weights;
    private final boolean gcBetween = Boolean.getBoolean(GC_PROPERTY);
    private String resumeHint = "";
    private float lastFiniteLoss = Float.NaN;
    private String lastFiniteAt = "";

    private TrainingStep(String model, Optimizer optimizer, Supplier<List<NDArray>> weights) {
        this.model = Objects.requireNonNull(model, "model");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.weights = weights;
    }

    /** Steps {@code optimizer} over a block's trainable parameters. */
    public static TrainingStep ofParameters(String model, Optimizer optimizer, List<Parameter> parameters) {
        List<Parameter> fixed = List.copyOf(parameters);
        return new TrainingStep(model, optimizer, () -> fixed.stream().map(Parameter::getArray).toList());
    }

    /** Steps {@code optimizer} over plain arrays (e.g. a unit's weights and ft-ss scales being fine-tuned). */
    public static TrainingStep ofArrays(String model, Optimizer optimizer, List<NDArray> arrays) {
        List<NDArray> fixed = List.copyOf(arrays);
        return new TrainingStep(model, optimizer, () -> fixed);
    }

    /** What the divergence and interruption errors tell the user to do to resume, e.g. "run the cell again: ...". */
    public TrainingStep resumeHint(String hint) {
        this.resumeHint = hint == null ? "" : hint;
        return this;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /**
     * Runs one step and returns the loss. {@code epoch}, {@code batch} (1-based) and {@code batches} only name
     * the place in the error message when the loss is not finite, or when the thread was interrupted (checked
     * before the step); then nothing is updated.
     *
     * @throws TrainingInterruptedException if the thread is interrupted; its interrupt status stays set
     */
    public float run(Objective objective, int epoch, int batch, int batches) {
        if (Thread.currentThread().isInterrupted()) {
            throw new TrainingInterruptedException(model, epoch, batch, String.format(
                    "Training of %s was interrupted at epoch %d, batch %d of %d; that batch was not trained (the model "
                    + "in memory keeps the updates of the batches before it). %s", model, epoch, batch, batches,
                    resumeHint.isEmpty() ? "Nothing was checkpointed, so running it again starts over." : resumeHint));
        }
        float value;
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray loss = objective.compute();
            value = loss.getFloat();
            if (!Float.isFinite(value)) {
                throw new NonFiniteLossException(model, epoch, batch, value, lastFiniteLoss, String.format(
                        "The training loss of %s became %s at epoch %d, batch %d of %d (learning rate %.3g; last "
                        + "finite loss %s). Nothing was saved for this epoch. Lower the learning rate or check the "
                        + "inputs for NaN/Inf.%s", model, value, epoch, batch, batches, optimizer.learningRate(),
                        Float.isNaN(lastFiniteLoss) ? "none yet" : String.format("%.6g at %s", lastFiniteLoss, lastFiniteAt),
                        resumeHint.isEmpty() ? "" : " " + resumeHint));
            }
            if (gcBetween) {
                System.gc();
            }
            collector.backward(loss);
        }
        optimizer.stepArrays(weights.get());
        lastFiniteLoss = value;
        lastFiniteAt = "epoch " + epoch + ", batch " + batch;
        return value;
    }
}
