package org.thesislab.core;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/** Sizes of a model, for the "model" section of a notebook. */
public final class ModelSummary {
    private ModelSummary() {}

    /** Number of scalar parameters the optimizer updates (frozen and running statistics excluded). */
    public static long trainableParameters(Block block) {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().requiresGradient() && p.getValue().isInitialized()) {
                n += p.getValue().getArray().size();
            }
        }
        return n;
    }

    /** All stored parameters, running statistics included. */
    public static long allParameters(Block block) {
        long n = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (p.getValue().isInitialized()) {
                n += p.getValue().getArray().size();
            }
        }
        return n;
    }
}
