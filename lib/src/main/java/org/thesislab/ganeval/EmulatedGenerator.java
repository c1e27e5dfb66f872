package org.thesislab.ganeval;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Random;
import org.thesislab.core.Seeds;
import org.thesislab.core.data.Splits;
import org.thesislab.core.data.TensorDataset;

/**
 * A "generator" emulated by modifying the real training set (§5.3.3: "we emulate a simple model by
 * subsampling/corrupting the CIFAR10 training set, in the spirit of [73]"): its images S_g keep the real labels, so
 * GAN-train and GAN-test measure exactly the loss of diversity or quality each one was built to have.
 */
public sealed interface EmulatedGenerator {

    /** The row label in the tables ("subsampled 1000", "salt & pepper 5%"). */
    String name();

    /** The family the row belongs to ("subsampled", "salt & pepper", ...). */
    String family();

    /** The generated set S_g made from the real training set, in {@code manager}. */
    TensorDataset generate(TensorDataset real, NDManager manager, long seed);

    /**
     * Low diversity, perfect quality: a random subset of {@code images} real training images ("GAN-test is
     * insensitive to subsampling unlike GAN-train").
     */
    record Subsampled(int images) implements EmulatedGenerator {
        public Subsampled {
            positive("images", images);
        }

        @Override
        public String name() {
            return "subsampled " + images;
        }

        @Override
        public String family() {
            return "subsampled";
        }

        @Override
        public TensorDataset generate(TensorDataset real, NDManager manager, long seed) {
            return real.subset(manager, subset(real.size(), images, seed));
        }
    }

    /**
     * Full diversity, low quality: every training image with a share {@code fraction} of its pixels replaced by black or
     * white (all channels of a pixel alike) at random ("salt and pepper noise, ranging from 1% to 20% of replaced
     * pixels per image").
     */
    record SaltAndPepper(double fraction) implements EmulatedGenerator {
        public SaltAndPepper {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("The salt-and-pepper fraction is a share of pixels in (0, 1]; got " + fraction);
            }
        }

        @Override
        public String name() {
            return "salt & pepper " + Math.round(fraction * 100) + "%";
        }

        @Override
        public String family() {
            return "salt & pepper";
        }

        @Override
        public TensorDataset generate(TensorDataset real, NDManager manager, long seed) {
            Random random = Seeds.stream(seed, "salt-and-pepper");
            return mapPixels(real, manager, null, (pixels, channels, plane) -> {
                for (int p = 0; p < plane; p++) {
                    if (random.nextDouble() < fraction) {
                        float v = random.nextBoolean() ? 1f : 0f;
                        for (int c = 0; c < channels; c++) {
                            pixels[c * plane + p] = v;
                        }
                    }
                }
            });
        }
    }

    /**
     * Additive Gaussian noise of standard deviation {@code sigma} (on the 0-255 scale, as the thesis' σ = 5) on
     * {@code images} random training images (0: all of them), clipped to the valid range: the thesis' pair "train set
     * with Gaussian noise" against "its random 5k subset with the same noise".
     */
    record GaussianNoise(double sigma, int images) implements EmulatedGenerator {
        public GaussianNoise {
            if (!(sigma > 0) || images < 0) {
                throw new IllegalArgumentException("Gaussian noise needs sigma > 0 and images >= 0 (0: all); got sigma "
                        + sigma + ", images " + images);
            }
        }

        @Override
        public String name() {
            return "Gaussian σ=" + (sigma == Math.rint(sigma) ? String.valueOf((int) sigma) : String.valueOf(sigma))
                    + (images == 0 ? ", all images" : ", " + images + " images");
        }

        @Override
        public String family() {
            return "Gaussian noise";
        }

        @Override
        public TensorDataset generate(TensorDataset real, NDManager manager, long seed) {
            int[] keep = images == 0 ? null : subset(real.size(), images, seed);
            Random random = Seeds.stream(seed, "gaussian-noise");
            float s = (float) (sigma / 255);
            return mapPixels(real, manager, keep, (pixels, channels, plane) -> {
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = Math.min(1f, Math.max(0f, pixels[i] + s * (float) random.nextGaussian()));
                }
            });
        }
    }

    /**
     * A generator that can make only {@code distinct} different images, all of them perfect: {@code images} draws with
     * replacement from a fixed random set of {@code distinct} real training images. Its GAN-train curve over
     * {@code images} saturates, and where the real-subset curve reaches that plateau estimates {@code distinct}
     * (§5.1, §5.3.4).
     */
    record Memorizer(int distinct, int images) implements EmulatedGenerator {
        public Memorizer {
            positive("distinct", distinct);
            positive("images", images);
        }

        @Override
        public String name() {
            return "memorizer of " + distinct + ", " + images + " images";
        }

        @Override
        public String family() {
            return "memorizer";
        }

        @Override
        public TensorDataset generate(TensorDataset real, NDManager manager, long seed) {
            // the same distinct images for every size: the set is drawn from the seed alone
            int[] pool = subset(real.size(), distinct, seed);
            Random random = Seeds.stream(Seeds.derive(seed, images), "memorizer-draws");
            int[] drawn = new int[images];
            for (int i = 0; i < images; i++) {
                drawn[i] = pool[random.nextInt(pool.length)];
            }
            return real.subset(manager, drawn);
        }
    }

    /** Pixel changes to one image, its {@code channels} planes of {@code plane} pixels each, in place. */
    @FunctionalInterface
    interface PixelMap {
        void apply(float[] pixels, int channels, int plane);
    }

    private static TensorDataset mapPixels(TensorDataset real, NDManager manager, int[] keep, PixelMap map) {
        NDArray x = real.features().get(0);
        long[] shape = x.getShape().getShape();
        int channels = (int) shape[1];
        int plane = (int) (shape[2] * shape[3]);
        int[] rows = keep != null ? keep : real.order(null);
        try (NDManager scope = manager.newSubManager()) {
            TensorDataset.Batch picked = real.batch(scope, rows);
            float[] all = picked.features().get(0).toFloatArray();
            float[] image = new float[channels * plane];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(all, i * image.length, image, 0, image.length);
                map.apply(image, channels, plane);
                System.arraycopy(image, 0, all, i * image.length, image.length);
            }
            shape[0] = rows.length;
            NDArray images = manager.create(all, new ai.djl.ndarray.types.Shape(shape));
            NDArray labels = picked.labels().get(0).toType(DataType.INT32, true);
            labels.attach(manager);
            return new TensorDataset(new NDList(images), new NDList(labels));
        }
    }

    /** {@code images} distinct indices out of {@code n}, drawn with {@code seed}, sorted. */
    private static int[] subset(int n, int images, long seed) {
        if (images > n) {
            throw new IllegalArgumentException("Cannot take " + images + " images out of a training set of " + n
                    + "; raise trainImages or lower the generator's size.");
        }
        int[] picked = java.util.Arrays.copyOf(Splits.permutation(n, Seeds.stream(seed, "subset")), images);
        java.util.Arrays.sort(picked);
        return picked;
    }

    private static void positive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("An emulated generator needs " + what + " >= 1; got " + value);
        }
    }
}
