package org.thesislab.cpfs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.thesislab.core.Seeds;
import org.thesislab.viz.Images;
import org.thesislab.viz.Plots;
import static org.thesislab.core.nn.Scalars.over;
import static org.thesislab.core.nn.Scalars.times;

/**
 * Ch. 6 on MovingShapes: inversions per layer and activation maximisation for the CPFS network and a random
 * one, with the thesis' energy and optimiser ({@link PreImage}) in 0–255 mean-subtracted units.
 */
public final class Visualisation {
    /** Inversion weights C per layer (the AlexNet schedule: 300 up to relu3, 20 at pool5, 1 for fc). */
    public static final Map<String, Double> INVERSION_C = Map.of("conv1", 300.0, "conv3", 300.0, "pool5", 20.0, "fc7", 1.0);

    /** Receptive fields of the mini network's layers in pixels (5×5 conv1, 2×2 pools, 3×3 convs). */
    public static final Map<String, Integer> RECEPTIVE_FIELD = Map.of("conv1", 5, "pool1", 6, "conv2", 10, "pool2", 12,
            "conv3", 20, "conv4", 28, "conv5", 36, "pool5", 40, "fc6", 56, "fc7", 56);

    private Visualisation() {}

    /** Per-channel mean (1, 3, 1, 1) and B, the mean RGB norm of mean-subtracted pixels in 0–255 units. */
    public record Statistics(NDArray mean, double b) {}

    public static Statistics statistics(NDArray frames) {
        NDArray mean = frames.transpose(1, 0, 2, 3).reshape(3, -1).mean(new int[] {1}).reshape(1, 3, 1, 1);
        double b = times(frames.sub(mean), 255).square().sum(new int[] {1}).sqrt().mean().getFloat();
        return new Statistics(mean, b);
    }

    /** Jitter T = round(stride / 4), at least 1 (§5.4.2). */
    static int jitter(PixelEmbeddingNet net, String layer) {
        return Math.max(1, Math.round(net.strides().get(layer) / 4f));
    }

    /**
     * Rows: models; columns: the original frame, then its inversion from each layer (eq. 5.2's error in the
     * caption). Iterations per the settings, with 50 polishing steps (or fewer) when jitter is on.
     */
    public static BufferedImage inversions(Map<String, PixelEmbeddingNet> nets, NDArray frame, List<String> layers, Statistics st,
            int iterations, long seed, NDManager manager) {
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (var e : nets.entrySet()) {
            images.add(Images.fromTensor(frame.get(0)));
            captions.add(e.getKey() + ": original");
            for (String layer : layers) {
                try (NDManager scope = manager.newSubManager()) {
                    PixelEmbeddingNet net = e.getValue();
                    Function<NDArray, NDArray> phi = PreImage.layer(net, layer);
                    NDArray target = phi.apply(frame);
                    target.attach(scope);
                    int t = jitter(net, layer);
                    long size = frame.getShape().get(2) + t - 1;
                    Seeds.seedEngine(seed);
                    NDArray start = times(scope.randomNormal(new Shape(1, 3, size, size)), (float) (st.b() / 4));
                    PreImage.Settings s = PreImage.Settings.defaults(st.b(), INVERSION_C.getOrDefault(layer, 1.0), iterations, t,
                            t > 1 ? Math.min(50, iterations / 4) : 0);
                    NDArray x = PreImage.optimise(start, PreImage.inversion(phi, target), st.mean(), s, seed);
                    NDArray view = over(x.get(":, :, 0:" + frame.getShape().get(2) + ", 0:" + frame.getShape().get(3)), 255).add(st.mean());
                    double error = phi.apply(view).sub(target).square().sum().getFloat() / target.square().sum().getFloat();
                    images.add(Images.fromTensor(view.get(0)));
                    captions.add(String.format("%s (err %.2f)", layer, error));
                }
            }
        }
        return Plots.imageGrid(images, captions, 1 + layers.size(), 4);
    }

    /**
     * Activation maximisation of the first {@code units} channels of {@code layer} at the centre of its map,
     * one row per model; Z = M·ρ² with M the channel's largest centre response on {@code frames} and ρ the
     * layer's receptive field capped at the frame size (eq. 5.9, §5.5.1), and data-term weight {@code c} (the thesis: 1).
     * The unit's response is taken before its ReLU: a unit that is off at the start has no gradient after it.
     */
    public static BufferedImage activations(Map<String, PixelEmbeddingNet> nets, String layer, int units, NDArray frames, Statistics st,
            double c, int iterations, long seed, NDManager manager) {
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (var e : nets.entrySet()) {
            try (NDManager scope = manager.newSubManager()) {
                PixelEmbeddingNet net = e.getValue();
                Function<NDArray, NDArray> phi = PreImage.preActivation(net, layer);
                NDArray f = phi.apply(frames);
                long h = f.getShape().get(2);
                long w = f.getShape().get(3);
                float m = Math.max(1e-3f, f.get(":, 0:" + units + ", " + h / 2 + ", " + w / 2).max().getFloat());
                double rho = Math.min(RECEPTIVE_FIELD.getOrDefault(layer, (int) frames.getShape().get(2)), frames.getShape().get(2));
                int[] channels = new int[units];
                for (int i = 0; i < units; i++) {
                    channels[i] = i;
                }
                int t = jitter(net, layer);
                long size = frames.getShape().get(2) + t - 1;
                Seeds.seedEngine(seed);
                NDArray start = times(scope.randomNormal(new Shape(units, 3, size, size)), (float) (st.b() / 4));
                PreImage.Settings s = PreImage.Settings.defaults(st.b(), c, iterations, t, 0);
                NDArray x = PreImage.optimise(start, PreImage.activation(phi, channels, m * rho * rho), st.mean(), s, seed);
                NDArray view = over(x, 255).add(st.mean());
                // The reached response of each unit relative to M, its largest response on real frames.
                NDArray reached = phi.apply(view.get(":, :, 0:" + frames.getShape().get(2) + ", 0:" + frames.getShape().get(3)));
                float[] ratio = reached.get(":, :, " + h / 2 + ", " + w / 2).toFloatArray();
                List<BufferedImage> row = Images.fromBatch(view.clip(0f, 1f));
                for (int i = 0; i < units; i++) {
                    images.add(row.get(i));
                    captions.add(String.format("%s %s:%d%n%.1f M", e.getKey(), layer, i, ratio[i * (int) f.getShape().get(1) + i] / m));
                }
            }
        }
        return Plots.imageGrid(images, captions, units, 3);
    }

    /**
     * Caricatures (§5.6) of {@code frames} (N, 3, H, W) at {@code layer}, one row per model: each frame, then the image
     * the optimisation reaches from it with Φ₀ = max(0, Φ(x₀)), data-term weight {@code c} (the thesis: 1).
     */
    public static BufferedImage caricatures(Map<String, PixelEmbeddingNet> nets, String layer, NDArray frames, Statistics st,
            double c, int iterations, long seed, NDManager manager) {
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        long n = frames.getShape().get(0);
        long side = frames.getShape().get(2);
        List<BufferedImage> originals = Images.fromBatch(frames.clip(0f, 1f));
        for (var e : nets.entrySet()) {
            try (NDManager scope = manager.newSubManager()) {
                PixelEmbeddingNet net = e.getValue();
                Function<NDArray, NDArray> phi = PreImage.layer(net, layer);
                NDArray code = phi.apply(frames);
                code.attach(scope);
                int t = jitter(net, layer);
                // x₀ in mean-subtracted 0–255 units, padded with the mean colour for the jitter crops
                NDArray x0 = times(frames.sub(st.mean()), 255);
                x0.attach(scope);
                NDArray start = t == 1 ? x0 : x0.pad(new Shape(0, t - 1, 0, t - 1), 0);
                PreImage.Settings s = PreImage.Settings.defaults(st.b(), c, iterations, t, 0);
                NDArray x = PreImage.optimise(start, PreImage.caricature(phi, code), st.mean(), s, seed);
                NDArray view = over(x.get(":, :, 0:" + side + ", 0:" + side), 255).add(st.mean()).clip(0f, 1f);
                List<BufferedImage> results = Images.fromBatch(view);
                for (int i = 0; i < n; i++) {
                    images.add(originals.get(i));
                    captions.add(e.getKey());
                    images.add(results.get(i));
                    captions.add(layer + " caricature");
                }
            }
        }
        return Plots.imageGrid(images, captions, (int) (2 * n), 3);
    }

    /** The two networks compared in Ch. 6, in a fixed order: the CPFS-CE one, then the random one. */
    public static Map<String, PixelEmbeddingNet> cpfsAndRandom(PixelEmbeddingNet cpfs, PixelEmbeddingNet random) {
        Map<String, PixelEmbeddingNet> out = new java.util.LinkedHashMap<>();
        out.put("cpfs-ce", cpfs);
        out.put("random", random);
        return out;
    }
}
