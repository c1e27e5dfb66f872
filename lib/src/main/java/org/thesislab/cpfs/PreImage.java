package org.thesislab.cpfs;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.Random;
import java.util.function.Function;
import org.thesislab.core.Scoped;
import static org.thesislab.core.nn.Scalars.atLeast;
import static org.thesislab.core.nn.Scalars.over;
import static org.thesislab.core.nn.Scalars.power;
import static org.thesislab.core.nn.Scalars.times;
import static org.thesislab.core.nn.Scalars.timesInPlace;

/**
 * Natural pre-images (Ch. 5, used on CPFS-CE in Ch. 6): find an image x that minimises
 * R_α(x) + R_TV^β(x) + C · ℓ(Φ(jitter(x)), Φ₀) (eqs. 5.1 / 5.7), with x in mean-subtracted 0–255 units, by
 * the thesis' momentum/AdaGrad optimiser (Algorithm 1). Images are optimised as a batch (each row its own
 * energy), so several units or images cost one forward/backward pass per iteration.
 */
public final class PreImage {
    private PreImage() {}

    /**
     * The energy's constants (§5.2 defaults: α = 6, β = 2, B₊ = 2B, V = B/6.5, η₀ = 0.01 B²/α, ρ = 0.9).
     *
     * @param b the typical pixel RGB norm B of mean-subtracted images (0–255 units)
     * @param c the loss weight C
     * @param jitter T: each iteration crops at a random offset in {0, …, T−1}²
     * @param polish iterations without jitter at η/10 after the main ones (the inversion protocol)
     */
    public record Settings(double alpha, double beta, double b, double c, int iterations, int jitter, int polish, double rho) {
        public static Settings defaults(double b, double c, int iterations, int jitter, int polish) {
            return new Settings(6, 2, b, c, iterations, jitter, polish, 0.9);
        }

        public double bPlus() {
            return 2 * b;
        }

        public double v() {
            return b / 6.5;
        }

        public double eta0() {
            return 0.01 * b * b / alpha;
        }
    }

    /** Bounded range N_α (eq. 5.5-5.6): Σ_{v,u} (Σ_k x(v,u,k)²)^{α/2} / (H W B^α), per image of (N, 3, H, W). */
    public static NDArray boundedRange(NDArray x, double alpha, double b) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        NDArray norm2 = x.square().sum(new int[] {1});
        return over(power(norm2, alpha / 2).sum(new int[] {1, 2}), h * w * Math.pow(b, alpha));
    }

    /**
     * Total variation TV^β (eq. 5.4): Σ ((x(v,u+1,k) − x(v,u,k))² + (x(v+1,u,k) − x(v,u,k))²)^{β/2} / (H W V^β)
     * over the pixels that have both neighbours, per image of (N, 3, H, W).
     */
    public static NDArray totalVariation(NDArray x, double beta, double v) {
        long h = x.getShape().get(2);
        long w = x.getShape().get(3);
        NDArray base = x.get(new NDIndex(":, :, :-1, :-1"));
        NDArray dx = x.get(new NDIndex(":, :, :-1, 1:")).sub(base);
        NDArray dy = x.get(new NDIndex(":, :, 1:, :-1")).sub(base);
        NDArray sq = dx.square().add(dy.square());
        // A tiny floor keeps the gradient of β < 2 finite where the image is flat.
        NDArray powered = beta == 2 ? sq : power(sq.add(1e-12f), beta / 2);
        return over(powered.sum(new int[] {1, 2, 3}), h * w * Math.pow(v, beta));
    }

    /**
     * Minimises the energy from {@code start} (N, 3, H+T−1, W+T−1) in mean-subtracted 0–255 units with
     * Algorithm 1. {@code loss} maps the network's view of the (jittered) images, x/255 + mean, to a loss
     * per image (N). Returns the optimised images (same units, same size).
     */
    public static NDArray optimise(NDArray start, Function<NDArray, NDArray> loss, NDArray channelMean, Settings s, long seed) {
        NDManager manager = start.getManager();
        NDArray x = start.duplicate();
        NDArray g2 = x.zerosLike();
        NDArray momentum = x.zerosLike();
        Random random = new Random(seed);
        long size = start.getShape().get(2) - (s.jitter() - 1);
        for (int it = 0; it < s.iterations() + s.polish(); it++) {
            boolean polishing = it >= s.iterations();
            int t = polishing ? 1 : s.jitter();
            int oy = random.nextInt(t);
            int ox = random.nextInt(t);
            try (NDManager step = manager.newSubManager()) {
                NDArray g = gradient(x, oy, ox, size, loss, channelMean, s, step, it);
                // Algorithm 1: G = ρG + g², η = 1/(1/η₀ + √G), μ = ρμ − η g, x = Π(x + μ).
                timesInPlace(g2, s.rho()).addi(Scoped.in(step, g.square()));
                NDArray eta = times(power(Scoped.in(step, g2.sqrt()).addi((float) (1 / s.eta0())), -1), polishing ? 0.1 : 1);
                timesInPlace(momentum, s.rho()).subi(eta.mul(g));
                NDArray next = x.add(momentum).clip(-s.bPlus(), s.bPlus());
                x.close();
                x = next;
            }
        }
        g2.close();
        momentum.close();
        return x;
    }

    /** The energy's gradient at x (in {@code step}); a non-finite gradient is an error. */
    private static NDArray gradient(NDArray x, int oy, int ox, long size, Function<NDArray, NDArray> loss, NDArray channelMean,
                                    Settings s, NDManager step, int it) {
        NDArray xi = x.duplicate();
        xi.attach(step);
        xi.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray crop = xi.get(new NDIndex(":, :, {}:{}, {}:{}", oy, oy + size, ox, ox + size));
            NDArray view = over(crop, 255).add(channelMean);
            NDArray energy = boundedRange(xi, s.alpha(), s.b()).add(totalVariation(xi, s.beta(), s.v()))
                    .add(times(loss.apply(view), s.c()));
            NDArray total = energy.sum();
            if (!Float.isFinite(total.getFloat())) {
                throw new IllegalStateException("The pre-image energy became " + total.getFloat() + " at iteration " + it
                        + ": lower C or the iterations, or check the target codes for NaN.");
            }
            gc.backward(total);
        }
        NDArray g = Scoped.in(step, xi.getGradient());
        if (g.isNaN().any().getBoolean() || g.isInfinite().any().getBoolean()) {
            throw new IllegalStateException("The pre-image gradient is not finite at iteration " + it
                    + ": lower C or the iterations, or check the network and target codes for NaN.");
        }
        return g;
    }

    /** Inversion loss ‖Φ(x) − Φ₀‖² / ‖Φ₀‖² per image, Φ₀ (N, …) the target codes. */
    public static Function<NDArray, NDArray> inversion(Function<NDArray, NDArray> phi, NDArray target) {
        int[] axes = allButFirst(target);
        NDArray norm = target.square().sum(axes);
        return view -> phi.apply(view).sub(target).square().sum(axes).div(norm);
    }

    /**
     * Activation maximisation −⟨Φ(x), e⟩ / Z for one unit per image: channel {@code channels[i]} at the
     * centre of the layer's map, Z the normaliser of eq. 5.9, §5.5.1 (Z = M·ρ²).
     */
    public static Function<NDArray, NDArray> activation(Function<NDArray, NDArray> phi, int[] channels, double z) {
        return view -> {
            NDArray f = phi.apply(view);
            long h = f.getShape().get(2);
            long w = f.getShape().get(3);
            NDArray centre = f.get(new NDIndex(":, :, {}, {}", h / 2, w / 2)); // (N, C)
            NDArray pick = centre.getManager().create(toLong(channels));
            NDArray chosen = centre.gather(pick.expandDims(1), 1).squeeze(1);
            return over(chosen.neg(), z);
        };
    }

    /**
     * Caricature loss −⟨Φ(x), Φ₀⟩ / ‖Φ₀‖² per image with Φ₀ = max(0, Φ(x₀)) (eq. 5.4, §5.2.1; caricaturization §5.6): pushes the code further along
     * what the layer already sees in x₀; the optimisation starts from x₀. Equals −1 at x₀ for a non-negative code.
     */
    public static Function<NDArray, NDArray> caricature(Function<NDArray, NDArray> phi, NDArray codeOfOriginal) {
        NDArray target = atLeast(codeOfOriginal, 0);
        int[] axes = allButFirst(target);
        NDArray z = atLeast(target.square().sum(axes), 1e-12f);
        return view -> phi.apply(view).mul(target).sum(axes).div(z).neg();
    }

    /** The layer {@code name} of {@code net} (inference mode) as a function of network-space images. */
    public static Function<NDArray, NDArray> layer(PixelEmbeddingNet net, String name) {
        return view -> {
            ParameterStore store = new ParameterStore(view.getManager(), false);
            NDArray out = net.layers(store, view, false).get(name);
            if (out == null) {
                throw new IllegalArgumentException("No layer '" + name + "'; the layers are " + net.strides().keySet());
            }
            return out;
        };
    }

    /** The pre-ReLU response of layer {@code name} of {@code net} (inference mode), for activation maximisation. */
    public static Function<NDArray, NDArray> preActivation(PixelEmbeddingNet net, String name) {
        return view -> net.preActivation(new ParameterStore(view.getManager(), false), view, name);
    }

    private static int[] allButFirst(NDArray a) {
        int[] axes = new int[a.getShape().dimension() - 1];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 1;
        }
        return axes;
    }

    private static long[] toLong(int[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }
}
