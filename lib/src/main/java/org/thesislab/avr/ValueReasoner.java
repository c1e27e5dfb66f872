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
 * A diagnostic, not a thesis model: the consistent reasoning module phi of CNN*-c trained directly on the
 * true abstract values (the oracle's targets) instead of on an encoder's codes. It separates the two ways
 * the oracle can fail on held-out rationales: the criteria (the true values of different properties are
 * not identically distributed) or perception (the encoder did not learn the values).
 *
 * <p>Input: oracle targets (B, n, P, d). Output: rationale logits (B, |R||P|), forbidden ones masked.
 */
public final class ValueReasoner extends AbstractBlock {

    private final int numProperties;
    private final int numRules;
    private final int length;
    private final int dim;
    private final float[] forbidden;
    private final Block phi;

    public ValueReasoner(Universe u, int length, int hidden) {
        this.numProperties = u.numProperties();
        this.numRules = u.numRules();
        this.length = length;
        this.dim = u.oracleDim();
        this.forbidden = new float[u.numClasses()];
        for (int c = 0; c < forbidden.length; c++) {
            forbidden[c] = u.isPermitted(u.rationale(c)) ? 0f : -1e4f;
        }
        this.phi = addChildBlock("phi", new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(hidden).build()).add(Activation.reluBlock())
                .add(Linear.builder().setUnits(numRules).build()));
    }

    public ValueReasoner initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1, length, numProperties, dim));
        return this;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        phi.initialize(manager, dataType, new Shape(1, (long) length * dim));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray values = inputs.head();
        long batch = values.getShape().get(0);
        // s_{r,p} = phi(v_p^1, ..., v_p^n)_r (2.3) on the true values
        NDArray perProperty = values.transpose(0, 2, 1, 3).reshape(batch * numProperties, (long) length * dim);
        NDArray logits = phi.forward(store, new NDList(perProperty), training).head().reshape(batch, (long) numProperties * numRules);
        return new NDList(logits.add(values.getManager().create(forbidden).reshape(1, forbidden.length)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), (long) numProperties * numRules)};
    }
}
