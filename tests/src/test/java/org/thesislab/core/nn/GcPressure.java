package org.thesislab.core.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A garbage collection between a forward and its backward pass, the moment at which memory that a graph
 * borrowed from a Java buffer gets freed (see {@link Scalars}). Gradients must not depend on it.
 */
public final class GcPressure {
    private GcPressure() {
    }

    /** A full GC, time for the cleaner thread to free unreachable direct buffers, then fresh direct buffers. */
    public static void collect() {
        System.gc();
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = 0; i < 256; i++) {
            ByteBuffer.allocateDirect(4).putFloat(0, 12345f);
        }
    }

    /** Every parameter's gradient of loss(block(x), y), with a {@link #collect()} between forward and backward or not. */
    public static Map<String, float[]> parameterGradients(Block block, Loss loss, NDList x, NDList y, boolean pressure) {
        NDManager m = x.head().getManager();
        ParameterStore ps = new ParameterStore(m, false);
        for (var p : block.getParameters()) {
            NDArray w = p.getValue().getArray();
            if (w.hasGradient()) {
                try (NDArray g = w.getGradient()) {
                    g.subi(g); // libtorch accumulates gradients across backward passes
                }
            }
        }
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray objective = loss.evaluate(y, block.forward(ps, x, true));
            if (pressure) {
                collect();
            }
            gc.backward(objective);
        }
        Map<String, float[]> out = new LinkedHashMap<>();
        for (var p : block.getParameters()) {
            out.put(p.getKey(), p.getValue().getArray().getGradient().toFloatArray());
        }
        return out;
    }

    /** The gradient of sum(f(x)) with respect to x, with a {@link #collect()} between forward and backward or not. */
    public static float[] inputGradient(NDArray x, Function<NDArray, NDArray> f, boolean pressure) {
        NDArray xi = x.duplicate();
        xi.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = f.apply(xi).sum();
            if (pressure) {
                collect();
            }
            gc.backward(y);
        }
        return xi.getGradient().toFloatArray();
    }
}
