package org.thesislab.cpfs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import static org.thesislab.core.nn.Scalars.over;
import static org.thesislab.core.nn.Scalars.times;

/**
 * The two kernels of CPFS and the losses that match them (§3.2.1–3.2.2), on a batch of frames at once:
 * every function takes (B, P, ·) arrays (B frames, P sampled pixels each) and builds B separate P×P
 * matrices, so pixels are only ever paired within their own frame.
 */
public final class Kernels {
    /** Eq. 3.2's 1/4 in front of the cosine: embedding logits lie in [−¼, ¼]. */
    public static final float EMBEDDING_SCALE = 0.25f;

    private Kernels() {}

    /** Eq. 3.2, flow kernel: K_f(p, q) = exp(−‖f_p − f_q‖² / (2σ²)) on normalised flow (B, P, 2) → (B, P, P). */
    public static NDArray flowKernel(NDArray flow, float sigma2) {
        check(flow, "flow");
        if (!(sigma2 > 0)) {
            throw new IllegalArgumentException("The flow kernel's sigma^2 must be positive; got " + sigma2);
        }
        NDArray diff = flow.expandDims(2).sub(flow.expandDims(1));
        return over(diff.square().sum(new int[] {3}), -2f * sigma2).exp();
    }

    /** Eq. 3.2, embedding kernel: K_φ(p, q) = ¼ φ_pᵀφ_q / (‖φ_p‖‖φ_q‖), embeddings (B, P, D) → (B, P, P). */
    public static NDArray embeddingKernel(NDArray embeddings) {
        check(embeddings, "embeddings");
        NDArray unit = l2Normalize(embeddings);
        return times(unit.matMul(unit.transpose(0, 2, 1)), EMBEDDING_SCALE);
    }

    /** Unit vectors along the last axis (a tiny floor keeps a zero vector finite). */
    public static NDArray l2Normalize(NDArray x) {
        return x.div(x.square().sum(new int[] {-1}, true).add(1e-12f).sqrt());
    }

    /**
     * Eqs. 3.5–3.6 in log form: each row of the kernel becomes a distribution over q by a softmax whose
     * diagonal logit is 0 instead of K(p, p) (a pixel is trivially similar to itself), i.e.
     * S(p, q) = exp K(p, q) / (Σ_{q'≠p} exp K(p, q') + 1) and S(p, p) = 1 / (Σ_{q'≠p} exp K(p, q') + 1).
     */
    public static NDArray logRowSoftmax(NDArray kernel) {
        int p = (int) kernel.getShape().get(1);
        NDArray offDiagonal = kernel.getManager().eye(p).neg().add(1f);
        return kernel.mul(offDiagonal).logSoftmax(-1);
    }

    /**
     * Eq. 3.4, CPFS-CE: −Σ_q Σ_p S_f(p, q) log S_φ(p, q), with S_f a constant target. Returned per frame
     * (B); divide by P for a per-pixel value.
     */
    public static NDArray crossEntropy(NDArray flowKernel, NDArray embeddingKernel) {
        NDArray target = logRowSoftmax(flowKernel).exp().stopGradient();
        return target.mul(logRowSoftmax(embeddingKernel)).sum(new int[] {1, 2}).neg();
    }

    /** Eq. 3.7, CE-rev (the ablation): −Σ_q Σ_p S_φ(p, q) log S_f(p, q), per frame (B). */
    public static NDArray reversedCrossEntropy(NDArray flowKernel, NDArray embeddingKernel) {
        NDArray logTarget = logRowSoftmax(flowKernel).stopGradient();
        return logRowSoftmax(embeddingKernel).exp().mul(logTarget).sum(new int[] {1, 2}).neg();
    }

    /** Eq. 3.3, kernel-target alignment A(K, K') = Σ K K' / sqrt(Σ K² Σ K'²), per frame (B); CPFS-KTA minimises −A. */
    public static NDArray alignment(NDArray k1, NDArray k2) {
        int[] pq = {1, 2};
        return k1.mul(k2).sum(pq).div(k1.square().sum(pq).mul(k2.square().sum(pq)).sqrt());
    }

    private static void check(NDArray x, String name) {
        Shape s = x.getShape();
        if (s.dimension() != 3) {
            throw new IllegalArgumentException(name + " must be (frames, pixels, channels); got " + s
                    + ". Add a leading axis for a single frame.");
        }
    }
}
