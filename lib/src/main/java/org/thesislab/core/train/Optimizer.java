package org.thesislab.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.thesislab.core.Scoped;
import static org.thesislab.core.nn.Scalars.times;

/**
 * A parameter update rule whose state (per-parameter slots such as moments, and the step count) can be
 * saved and restored, so that training resumed from a checkpoint continues exactly as if it had never
 * stopped. Every temporary of an update lives in a per-parameter scope released at once.
 */
public abstract class Optimizer {
    private float learningRate;
    private final float weightDecay;
    private final int slotsPerParameter;
    private final Map<String, NDArray[]> slots = new HashMap<>();
    private long steps;

    protected Optimizer(float learningRate, float weightDecay, int slotsPerParameter) {
        this.learningRate = checkedLearningRate(learningRate);
        this.weightDecay = weightDecay;
        this.slotsPerParameter = slotsPerParameter;
    }

    /**
     * Updates {@code weight} in place from gradient {@code g} (weight decay already added). Temporaries
     * must be created in (or attached to) {@code scope}; {@code slots} are this parameter's state arrays.
     */
    protected abstract void update(NDManager scope, NDArray weight, NDArray g, NDArray[] slots, long step);

    /** Applies one update to every parameter that has a gradient, then zeroes those gradients. */
    public final void step(List<Parameter> parameters) {
        stepArrays(parameters.stream().map(Parameter::getArray).toList());
    }

    /**
     * Applies one update to every array that has a gradient, then zeroes those gradients. An array's state is
     * keyed by the array itself (its uid), so the same arrays must be passed at every step.
     */
    public final void stepArrays(List<NDArray> weights) {
        steps++;
        for (NDArray w : weights) {
            if (!w.hasGradient()) {
                continue;
            }
            try (NDManager scope = w.getManager().newSubManager()) {
                NDArray grad = w.getGradient();
                grad.attach(scope);
                // L2 weight decay added to the gradient, as PyTorch's optimizers do.
                NDArray g = weightDecay != 0 ? grad.add(Scoped.in(scope, times(w, weightDecay))) : grad;
                update(scope, w, g, slots.computeIfAbsent(w.getUid(), k -> newSlots(w)), steps);
                grad.subi(grad);
            }
        }
    }

    public float learningRate() {
        return learningRate;
    }

    public void setLearningRate(float learningRate) {
        this.learningRate = checkedLearningRate(learningRate);
    }

    private float checkedLearningRate(float rate) {
        if (!(rate > 0 && Float.isFinite(rate))) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": the learning rate must be a positive finite "
                    + "number (e.g. 1e-3); got " + rate + ".");
        }
        return rate;
    }

    /** Number of updates applied so far. */
    public long steps() {
        return steps;
    }

    /**
     * The state to checkpoint: the step count (an array made in {@code scope}), then each weight's slots in the
     * order of {@code weights}, the arrays this optimizer steps (a block's parameter arrays, or plain arrays).
     */
    public NDList state(List<NDArray> weights, NDManager scope) {
        NDList state = new NDList();
        state.add(scope.create(new long[] {steps}));
        for (NDArray w : weights) {
            for (NDArray slot : slots.computeIfAbsent(w.getUid(), k -> newSlots(w))) {
                state.add(slot);
            }
        }
        return state;
    }

    /** Restores state written by {@link #state} for the same weights, in the same order. */
    public void loadState(List<NDArray> weights, NDList state) {
        int expected = 1 + slotsPerParameter * weights.size();
        if (state.size() != expected) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " state holds " + state.size()
                    + " arrays; this model needs " + expected + ". The checkpoint belongs to another model or optimizer.");
        }
        steps = state.get(0).getLong();
        for (int i = 0; i < weights.size(); i++) {
            NDArray w = weights.get(i);
            NDArray[] restored = new NDArray[slotsPerParameter];
            for (int s = 0; s < slotsPerParameter; s++) {
                // A copy that owns its memory: the decoded array's lives in a Java buffer freed with it, and
                // toDevice to the same device returns an alias (OptimizerTest.restoredStateIsACopyNotAnAliasOf...).
                restored[s] = state.get(1 + slotsPerParameter * i + s).toDevice(w.getDevice(), false).duplicate();
                restored[s].attach(w.getManager());
            }
            slots.put(w.getUid(), restored);
        }
    }

    private NDArray[] newSlots(NDArray weight) {
        NDArray[] out = new NDArray[slotsPerParameter];
        for (int s = 0; s < slotsPerParameter; s++) {
            out[s] = weight.zerosLike();
        }
        return out;
    }
}
