package org.thesislab.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;
import org.thesislab.core.Scoped;
import org.thesislab.core.nn.Scalars;

/**
 * Polyak averaging of the weights (Polyak and Juditsky 1992), as the exponential moving average of PixelCNN++'s
 * code, which the colorization chapter follows (its code runs decay 0.999): after every update
 * {@code avg ← decay·avg + (1−decay)·w}. The
 * averages start at the initial weights. {@link #useAverages} and {@link #useWeights} exchange the two in place,
 * so the block's arrays, and the optimizer state keyed by them, stay the same objects: evaluation sees the
 * averages and training goes on from the raw weights. Not thread-safe.
 */
public final class PolyakAverage implements AutoCloseable {
    private final List<NDArray> weights;
    private final List<NDArray> other = new ArrayList<>();
    private final double decay;
    private boolean averaged;

    /**
     * @param weights the arrays the optimizer updates (a block's trainable parameters)
     * @param decay   the weight of the old average per update, in (0, 1); 1/(1−decay) updates is its time scale
     */
    public PolyakAverage(List<NDArray> weights, double decay) {
        this(weights, copies(weights), false, decay);
    }

    /**
     * Continues an average whose arrays not in use by the block are {@code other} (as a checkpoint saved them with
     * {@link #other}); {@code averaged}: whether the block holds the averages now.
     */
    PolyakAverage(List<NDArray> weights, List<NDArray> other, boolean averaged, double decay) {
        if (!(decay > 0 && decay < 1)) {
            throw new IllegalArgumentException("The Polyak decay must be in (0, 1), e.g. 0.9995; got " + decay);
        }
        this.weights = List.copyOf(weights);
        this.other.addAll(other);
        this.averaged = averaged;
        this.decay = decay;
    }

    /** Copies of {@code weights}, owned by their managers: where an average starts. */
    static List<NDArray> copies(List<NDArray> weights) {
        List<NDArray> out = new ArrayList<>();
        for (NDArray w : weights) {
            NDArray copy = w.duplicate();
            copy.attach(w.getManager());
            out.add(copy);
        }
        return out;
    }

    /** Folds the current weights into the averages; call it after each update, while the raw weights are in use. */
    public void update() {
        if (averaged) {
            throw new IllegalStateException("The averages are in use: call useWeights() before training on.");
        }
        for (int i = 0; i < weights.size(); i++) {
            NDArray avg = other.get(i);
            try (NDManager scope = avg.getManager().newSubManager()) {
                Scalars.timesInPlace(avg, decay);
                avg.addi(Scoped.in(scope, Scalars.times(weights.get(i), 1 - decay)));
            }
        }
    }

    /** Puts the averages into the weight arrays (for evaluation, or to keep them); a no-op when they are there. */
    public void useAverages() {
        if (!averaged) {
            exchange();
        }
    }

    /** Puts the raw weights back (to train on); a no-op when they are there. */
    public void useWeights() {
        if (averaged) {
            exchange();
        }
    }

    private void exchange() {
        for (int i = 0; i < weights.size(); i++) {
            NDArray w = weights.get(i);
            NDArray o = other.get(i);
            try (NDManager scope = w.getManager().newSubManager()) {
                NDArray saved = Scoped.in(scope, w.duplicate());
                w.set(new NDIndex("..."), o);
                o.set(new NDIndex("..."), saved);
            }
        }
        averaged = !averaged;
    }

    /** Frees the arrays not in use by the block. */
    @Override
    public void close() {
        other.forEach(NDArray::close);
    }
}
