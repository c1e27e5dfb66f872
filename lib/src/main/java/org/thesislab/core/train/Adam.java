package org.thesislab.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.thesislab.core.Scoped;
import static org.thesislab.core.nn.Scalars.over;
import static org.thesislab.core.nn.Scalars.times;
import static org.thesislab.core.nn.Scalars.timesInPlace;

/** Adam (Kingma and Ba, 2015) with PyTorch's L2 weight decay; slots are the first and second moments. */
public final class Adam extends Optimizer {
    private final float beta1;
    private final float beta2;
    private final float epsilon;

    public Adam(float learningRate) {
        this(learningRate, 0.9f, 0.999f, 1e-8f, 0f);
    }

    public Adam(float learningRate, float beta1, float beta2, float epsilon, float weightDecay) {
        super(learningRate, weightDecay, 2);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    protected void update(NDManager scope, NDArray w, NDArray g, NDArray[] moments, long step) {
        float correction1 = (float) (1 - Math.pow(beta1, step));
        float correction2 = (float) (1 - Math.pow(beta2, step));
        timesInPlace(moments[0], beta1).addi(times(g, 1 - beta1));
        timesInPlace(moments[1], beta2).addi(timesInPlace(g.square(), 1 - beta2));
        NDArray denominator = Scoped.in(scope, over(moments[1], correction2)).sqrt().addi(epsilon);
        w.subi(timesInPlace(Scoped.in(scope, moments[0].div(denominator)), learningRate() / correction1));
    }
}
