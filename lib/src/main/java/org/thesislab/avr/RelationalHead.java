package org.thesislab.avr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The relation-network reasoning module (Santoro et al. 2017): for panels e_1..e_n, each tagged with its
 * one-hot position t_i (as in WReN), f(sum_{i != j} g([e_i, t_i, e_j, t_j])). Without the tags a sum over
 * pairs is invariant to the panel order and could not tell +inc from -inc.
 *
 * <p>Input: panels (N, n, e). Output: logits (N, out).
 */
public final class RelationalHead extends AbstractBlock {

    private final int length;
    private final int outputs;
    private final long[] first;
    private final long[] second;
    private final Block g;
    private final Block f;

    public RelationalHead(int length, int hidden, int outputs) {
        this.length = length;
        this.outputs = outputs;
        int pairs = length * (length - 1);
        this.first = new long[pairs];
        this.second = new long[pairs];
        for (int i = 0, k = 0; i < length; i++) {
            for (int j = 0; j < length; j++) {
                if (i != j) {
                    first[k] = i;
                    second[k++] = j;
                }
            }
        }
        g = addChildBlock("g", new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock()));
        f = addChildBlock("f", new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(outputs).build()));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        long width = inputShapes[0].get(2) + length;
        Shape pair = new Shape(1, 2 * width);
        g.initialize(manager, dataType, pair);
        f.initialize(manager, dataType, g.getOutputShapes(new Shape[] {pair}));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray panels = inputs.head();
        return new NDList(relate(store, panels, panels.getManager().eye(length), training));
    }

    /**
     * The head with explicit position tags (n, n), row i tagging panel i; {@link #forward} uses the identity.
     */
    public NDArray relate(ParameterStore store, NDArray panels, NDArray tags, boolean training) {
        Shape shape = panels.getShape();
        long rows = shape.get(0);
        if (shape.dimension() != 3 || shape.get(1) != length) {
            throw new IllegalArgumentException("expected panels (N, " + length + ", e), got " + shape);
        }
        NDManager mgr = panels.getManager();
        NDArray tagged = panels.concat(tags.toType(panels.getDataType(), false).expandDims(0).repeat(0, rows), 2);
        // every ordered pair (i, j), i != j, gathered at once: (N, n(n-1), 2 (e + n))
        NDArray pairs = tagged.get(":, {}", mgr.create(first)).concat(tagged.get(":, {}", mgr.create(second)), 2);
        long count = first.length;
        NDArray related = g.forward(store, new NDList(pairs.reshape(rows * count, pairs.getShape().get(2))), training).head()
                .reshape(rows, count, -1).sum(new int[] {1});
        return f.forward(store, new NDList(related), training).head();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), outputs)};
    }
}
