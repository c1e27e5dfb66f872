package org.thesislab.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma and Ba, 2015) with PyTorch's L2 weight decay. Moments live beside each parameter; every
 * temporary is created in a per-parameter sub-manager and released at once, so memory stays flat.
 */
public final class Adam implements Optimizer {
    private float learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final Map<String, NDArray[]> moments = new HashMap<>();
    private long steps;

    public Adam(float learningRate) {
        this(learningRate, 0.9f, 0.999f, 1e-8f, 0f);
    }

    public Adam(float learningRate, float beta1, float beta2, float epsilon, float weightDecay) {
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    @Override
    public void step(List<Parameter> parameters) {
        steps++;
        float correction1 = (float) (1 - Math.pow(beta1, steps));
        float correction2 = (float) (1 - Math.pow(beta2, steps));
        float stepSize = learningRate / correction1;
        for (Parameter p : parameters) {
            NDArray w = p.getArray();
            if (!w.hasGradient()) {
                continue;
            }
            try (NDManager scope = w.getManager().newSubManager()) {
                NDArray grad = w.getGradient();
                grad.attach(scope);
                NDArray g = weightDecay != 0 ? grad.add(w.mul(weightDecay)) : grad;
                NDArray[] mv = moments.computeIfAbsent(p.getId(), k -> new NDArray[] {w.zerosLike(), w.zerosLike()});
                mv[0].muli(beta1).addi(g.mul(1 - beta1));
                mv[1].muli(beta2).addi(g.square().muli(1 - beta2));
                NDArray denominator = mv[1].div(correction2).sqrt().addi(epsilon);
                w.subi(mv[0].div(denominator).muli(stepSize));
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
        NDManager any = parameters.get(0).getArray().getManager();
        state.add(any.create(new long[] {steps}));
        for (Parameter p : parameters) {
            NDArray[] mv = moments.get(p.getId());
            state.add(mv == null ? p.getArray().zerosLike() : mv[0]);
            state.add(mv == null ? p.getArray().zerosLike() : mv[1]);
        }
        return state;
    }

    @Override
    public void loadState(List<Parameter> parameters, NDList state) {
        if (state.size() != 1 + 2 * parameters.size()) {
            throw new IllegalArgumentException("Adam state holds " + state.size() + " arrays; this model needs "
                    + (1 + 2 * parameters.size()) + ". The checkpoint belongs to another model.");
        }
        steps = state.get(0).getLong();
        for (int i = 0; i < parameters.size(); i++) {
            NDArray w = parameters.get(i).getArray();
            NDArray m = state.get(1 + 2 * i).toDevice(w.getDevice(), true);
            NDArray v = state.get(2 + 2 * i).toDevice(w.getDevice(), true);
            m.attach(w.getManager());
            v.attach(w.getManager());
            moments.put(parameters.get(i).getId(), new NDArray[] {m, v});
        }
    }
}
