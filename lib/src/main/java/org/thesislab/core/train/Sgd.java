package org.thesislab.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Stochastic gradient descent with (PyTorch-style) momentum and L2 weight decay. */
public final class Sgd implements Optimizer {
    private float learningRate;
    private final float momentum;
    private final float weightDecay;
    private final Map<String, NDArray> velocity = new HashMap<>();
    private long steps;

    public Sgd(float learningRate) {
        this(learningRate, 0f, 0f);
    }

    public Sgd(float learningRate, float momentum, float weightDecay) {
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<Parameter> parameters) {
        steps++;
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            if (!w.hasGradient()) {
                continue;
            }
            try (NDManager scope = w.getManager().newSubManager()) {
                NDArray grad = w.getGradient();
                grad.attach(scope);
                NDArray g = weightDecay != 0 ? grad.add(w.mul(weightDecay)) : grad;
                if (momentum != 0) {
                    NDArray v = velocity.computeIfAbsent(p.getId(), k -> w.zerosLike());
                    v.muli(momentum).addi(g);
                    g = v;
                }
                w.subi(g.mul(learningRate));
                grad.subi(grad);
            }
        }
    }

    @Override
    public float learningRate() {
        return learningRate;
    }

    @Override
    public void setLearningRate(float learningRate) {
        this.learningRate = learningRate;
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public NDList state(List<Parameter> parameters) {
        NDList state = new NDList();
        state.add(parameters.get(0).getArray().getManager().create(new long[] {steps}));
        for (Parameter p : parameters) {
            NDArray v = velocity.get(p.getId());
            state.add(v == null ? p.getArray().zerosLike() : v);
        }
        return state;
    }

    @Override
    public void loadState(List<Parameter> parameters, NDList state) {
        if (state.size() != 1 + parameters.size()) {
            throw new IllegalArgumentException("SGD state holds " + state.size() + " arrays; this model needs "
                    + (1 + parameters.size()) + ". The checkpoint belongs to another model.");
        }
        steps = state.get(0).getLong();
        for (int i = 0; i < parameters.size(); i++) {
            NDArray w = parameters.get(i).getArray();
            NDArray v = state.get(1 + i).toDevice(w.getDevice(), true);
            v.attach(w.getManager());
            velocity.put(parameters.get(i).getId(), v);
        }
    }
}
