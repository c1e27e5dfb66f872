package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Activation;
import static org.thesislab.core.nn.Scalars.atLeast;
import static org.thesislab.core.nn.Scalars.times;

/**
 * The discretized mixture of logistics over the joint (a, b) chroma (PixelCNN++, Salimans et al.
 * 2017; Sect. 3.2.2 "Modeling the color distribution"). Per pixel, K components, 8K outputs:
 * mixture logits pi (K), coupling pre-activations (3K, through tanh), means of a and b (2K),
 * log-scales of a and b (2K, clamped at -7). Within component k the channels are coupled as in the
 * thesis' code: mu'_a = mu_a + c0 Ln, mu'_b = mu_b + c1 Ln + c2 a, so b is predicted given a and the
 * (observed) luminance of the pixel. Each channel is a logistic discretised to 256 bins of width 2/255
 * in [-1, 1], the edge bins absorbing the tails, so the mixture sums to exactly 1 over C.
 */
public final class LogisticMixture implements ChromaDistribution {
    private static final double HALF_BIN = 1.0 / 255;
    private static final double LOG_BIN_DENSITY = Math.log(127.5);
    private final int k;

    /** @param components K (the thesis uses 10) */
    public LogisticMixture(int components) {
        if (components < 1) {
            throw new IllegalArgumentException("a mixture needs at least 1 component, got " + components);
        }
        this.k = components;
    }

    public int components() {
        return k;
    }

    @Override
    public int channels() {
        return 8 * k;
    }

    @Override
    public String name() {
        return "logistic mixture (K=" + k + ")";
    }

    /**
     * Log-scales start at -3 (a logistic about 6 levels wide) rather than 0 (as wide as the whole range):
     * with a short training run the scales would otherwise spend most of it shrinking.
     */
    @Override
    public float[] initialBias() {
        float[] b = new float[channels()];
        java.util.Arrays.fill(b, 6 * k, 8 * k, INITIAL_LOG_SCALE);
        return b;
    }

    static final float INITIAL_LOG_SCALE = -3f;

    private NDArray part(NDArray params, int from, int count) {
        return params.get(new NDIndex(":, {}:{}", from * k, (from + count) * k));
    }

    @Override
    public NDArray logProb(NDArray params, NDArray ab, NDArray lumaLow) {
        requireParams(params);
        NDArray a = ab.get(new NDIndex(":, 0:1"));
        NDArray b = ab.get(new NDIndex(":, 1:2"));
        NDArray pi = part(params, 0, 1);
        NDArray c0 = part(params, 1, 1).tanh();
        NDArray c1 = part(params, 2, 1).tanh();
        NDArray c2 = part(params, 3, 1).tanh();
        NDArray muA = part(params, 4, 1).add(c0.mul(lumaLow));
        NDArray muB = part(params, 5, 1).add(c1.mul(lumaLow)).add(c2.mul(a));
        NDArray logSA = atLeast(part(params, 6, 1), -7);
        NDArray logSB = atLeast(part(params, 7, 1), -7);
        NDArray joint = pi.logSoftmax(1).add(discretizedLogistic(a, muA, logSA)).add(discretizedLogistic(b, muB, logSB));
        return logSumExp(joint, 1);
    }

    /** log P(x) of the logistic(mu, e^logS) discretised to the 256-level grid, edge bins open-ended. */
    static NDArray discretizedLogistic(NDArray x, NDArray mu, NDArray logS) {
        NDArray invS = logS.neg().exp();
        NDArray centered = x.sub(mu);
        NDArray plusIn = centered.add(HALF_BIN).mul(invS);
        NDArray minIn = centered.sub(HALF_BIN).mul(invS);
        NDArray logCdfPlus = plusIn.sub(Activation.softPlus(plusIn));
        NDArray logOneMinusCdfMin = Activation.softPlus(minIn).neg();
        NDArray cdfDelta = Activation.sigmoid(plusIn).sub(Activation.sigmoid(minIn));
        NDArray midIn = centered.mul(invS);
        // Far in the tails the CDF difference underflows: use the density times the bin width instead.
        NDArray logPdfMid = midIn.sub(logS).sub(times(Activation.softPlus(midIn), 2)).sub(LOG_BIN_DENSITY);
        NDArray inner = NDArrays.where(cdfDelta.gt(1e-5), atLeast(cdfDelta, 1e-12).log(), logPdfMid);
        NDArray xs = x.broadcast(centered.getShape());
        return NDArrays.where(xs.lt(-0.999), logCdfPlus, NDArrays.where(xs.gt(0.999), logOneMinusCdfMin, inner));
    }

    static NDArray logSumExp(NDArray x, int axis) {
        NDArray max = x.max(new int[] {axis}, true).stopGradient();
        return x.sub(max).exp().sum(new int[] {axis}).log().add(max.squeeze(axis));
    }

    @Override
    public NDArray sample(NDArray params, NDArray lumaLow, double tau) {
        requireParams(params);
        NDArray pi = part(params, 0, 1);
        NDArray u = pi.getManager().randomUniform(1e-5f, 1 - 1e-5f, pi.getShape());
        NDArray pick = pi.sub(u.log().neg().log()).argMax(1).oneHot(k).transpose(0, 3, 1, 2)
                .toType(params.getDataType(), false); // Gumbel-max choice of the component
        return coupled(params, lumaLow, pick, tau);
    }

    @Override
    public NDArray mode(NDArray params, NDArray lumaLow) {
        requireParams(params);
        NDArray pick = part(params, 0, 1).argMax(1).oneHot(k).transpose(0, 3, 1, 2)
                .toType(params.getDataType(), false);
        return coupled(params, lumaLow, pick, 0);
    }

    /** Draws (a, b) from the chosen component (one-hot {@code pick}, (N, K, h, w)) with noise scale tau. */
    private NDArray coupled(NDArray params, NDArray lumaLow, NDArray pick, double tau) {
        NDArray c0 = select(part(params, 1, 1).tanh(), pick);
        NDArray c1 = select(part(params, 2, 1).tanh(), pick);
        NDArray c2 = select(part(params, 3, 1).tanh(), pick);
        NDArray muA = select(part(params, 4, 1), pick);
        NDArray muB = select(part(params, 5, 1), pick);
        NDArray sA = select(atLeast(part(params, 6, 1), -7), pick).exp();
        NDArray sB = select(atLeast(part(params, 7, 1), -7), pick).exp();
        NDArray xa = muA;
        NDArray xb = muB;
        if (tau > 0) {
            NDArray u = params.getManager().randomUniform(1e-5f, 1 - 1e-5f, muA.getShape());
            NDArray v = params.getManager().randomUniform(1e-5f, 1 - 1e-5f, muB.getShape());
            xa = xa.add(times(logit(u).mul(sA), tau));
            xb = xb.add(times(logit(v).mul(sB), tau));
        }
        NDArray a = xa.add(c0.mul(lumaLow)).clip(-1, 1);
        NDArray b = xb.add(c1.mul(lumaLow)).add(c2.mul(a)).clip(-1, 1);
        return Chroma.snap(NDArrays.concat(new NDList(a, b), 1));
    }

    private static NDArray logit(NDArray u) {
        return u.log().sub(u.neg().add(1).log());
    }

    private static NDArray select(NDArray x, NDArray pick) {
        return x.mul(pick).sum(new int[] {1}, true);
    }
}
