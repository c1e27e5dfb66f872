package org.thesislab.core;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * DJL puts an op's result in the manager of its first operand. When that operand is long-lived (a weight, an
 * optimizer moment, a dataset), the result would live as long: {@code Scoped.in(step, w.mul(x))} moves it
 * into the step's scope so it is freed with the step.
 */
public final class Scoped {
    private Scoped() {}

    public static NDArray in(NDManager scope, NDArray array) {
        array.attach(scope);
        return array;
    }
}
