package org.thesislab.flextuning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * One convolutional or fully-connected layer with its ReLU and max-pooling, written as a plain
 * function of its weight arrays so that a fine-tuning run can choose exactly which arrays are
 * trained. A layer may carry ft-ss scale-and-shift parameters (Sun et al. 2019b, thesis §4.1.4):
 * {@code y = (W ⊙ s) * x + (b + β)}, s per output channel (initialised to 1), β initialised to 0.
 */
public final class Layer {

    /** What the layer computes. */
    public enum Kind { CONV, DENSE }

    private final Kind kind;
    private final boolean relu;
    private final boolean pool;
    private NDArray weight;
    private NDArray bias;
    private NDArray scale;
    private NDArray shift;

    private Layer(Kind kind, NDArray weight, NDArray bias, boolean relu, boolean pool) {
        this.kind = kind;
        this.weight = weight;
        this.bias = bias;
        this.relu = relu;
        this.pool = pool;
    }

    /** A 3x3 'same' convolution, He-initialised, followed by ReLU and (optionally) 2x2 max-pooling. */
    public static Layer conv(NDManager manager, int in, int out, int kernel, boolean pool, Random rnd) {
        float[] w = he(out * in * kernel * kernel, in * kernel * kernel, rnd);
        return new Layer(Kind.CONV, manager.create(w, new Shape(out, in, kernel, kernel)),
                manager.zeros(new Shape(out)), true, pool);
    }

    /** A fully-connected layer, He-initialised; ReLU unless it is the classifier. */
    public static Layer dense(NDManager manager, int in, int out, boolean relu, Random rnd) {
        float[] w = he(out * in, in, rnd);
        return new Layer(Kind.DENSE, manager.create(w, new Shape(out, in)), manager.zeros(new Shape(out)), relu, false);
    }

    private static float[] he(int n, int fanIn, Random rnd) {
        float[] w = new float[n];
        double std = Math.sqrt(2.0 / fanIn);
        for (int i = 0; i < n; i++) {
            w[i] = (float) (rnd.nextGaussian() * std);
        }
        return w;
    }

    public Kind kind() {
        return kind;
    }

    public NDArray weight() {
        return weight;
    }

    public NDArray bias() {
        return bias;
    }

    public long parameterCount() {
        return weight.size() + bias.size();
    }

    /** The layer applied to x: conv/dense with the (scaled) weights, then ReLU and pooling. */
    public NDArray forward(NDArray x) {
        NDArray w = weight;
        NDArray b = bias;
        if (scale != null) {
            Shape broadcast = kind == Kind.CONV ? new Shape(-1, 1, 1, 1) : new Shape(-1, 1);
            w = weight.mul(scale.reshape(broadcast));
            b = bias.add(shift);
        }
        NDArray y = kind == Kind.CONV
                ? Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(weight.getShape().get(2) / 2, weight.getShape().get(3) / 2)).head()
                : Linear.linear(x.reshape(x.getShape().get(0), -1), w, b).head();
        if (relu) {
            y = Activation.relu(y);
        }
        if (pool) {
            y = Pool.maxPool2d(y, new Shape(2, 2), new Shape(2, 2), new Shape(0, 0), false);
        }
        return y;
    }

    /** Adds ft-ss parameters s = 1, β = 0 (the layer still computes the same function). */
    void addScaleShift() {
        long out = weight.getShape().get(0);
        scale = weight.getManager().ones(new Shape(out));
        shift = weight.getManager().zeros(new Shape(out));
    }

    /** The ft-ss parameters (empty when the layer has none). */
    List<NDArray> scaleShift() {
        List<NDArray> list = new ArrayList<>();
        if (scale != null) {
            list.add(scale);
            list.add(shift);
        }
        return list;
    }

    /** Folds the ft-ss parameters into W and b: the layer becomes a plain layer computing the same function. */
    void foldScaleShift() {
        if (scale == null) {
            return;
        }
        Shape broadcast = kind == Kind.CONV ? new Shape(-1, 1, 1, 1) : new Shape(-1, 1);
        NDArray w = weight.mul(scale.reshape(broadcast));
        NDArray b = bias.add(shift);
        replace(w, b);
        scale.close();
        shift.close();
        scale = null;
        shift = null;
    }

    /** Replaces the weight arrays (closing the old ones); the new ones move to this layer's manager. */
    void replace(NDArray newWeight, NDArray newBias) {
        NDManager manager = weight.getManager();
        if (!newWeight.getShape().equals(weight.getShape()) || !newBias.getShape().equals(bias.getShape())) {
            throw new IllegalArgumentException("Layer surgery needs matching shapes: weight " + weight.getShape()
                    + " vs " + newWeight.getShape() + ", bias " + bias.getShape() + " vs " + newBias.getShape());
        }
        NDArray oldW = weight;
        NDArray oldB = bias;
        newWeight.attach(manager);
        newBias.attach(manager);
        weight = newWeight;
        bias = newBias;
        if (oldW != newWeight) {
            oldW.close();
        }
        if (oldB != newBias) {
            oldB.close();
        }
    }

    /** A deep copy on another manager (frozen, no ft-ss parameters). */
    Layer copy(NDManager manager) {
        if (scale != null) {
            throw new IllegalStateException("Fold the ft-ss parameters (foldScaleShift) before copying a layer.");
        }
        NDArray w = weight.duplicate();
        NDArray b = bias.duplicate();
        w.attach(manager);
        b.attach(manager);
        return new Layer(kind, w, b, relu, pool);
    }
}
