package org.thesislab.avr;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

/**
 * A rationale-learning benchmark: a universe, its generator and its renderer, producing datasets of
 * rendered sequences from a set of rationales (Y_train or Y_heldout).
 */
public record Benchmark(String name, SequenceGenerator generator, Renderer renderer) {

    /** The three benchmarks of Table 2.2, each with the three held-out settings of §2.6. */
    public enum Variant {
        SHAPES_3D("3DS"),
        RAVEN("Raven (no distractors)"),
        RAVEN_DISTRACTORS("Raven (distractors)");

        private final String label;

        Variant(String label) {
            this.label = label;
        }

        /** The benchmark's name in tables and checkpoint folders. */
        public String label() {
            return label;
        }

        /** The benchmark with n = 3 images per sequence at the given image size. */
        public Benchmark at(int imageSize) {
            return switch (this) {
                case SHAPES_3D -> new Benchmark(label, Shapes3D.generator(3), new Shapes3D.Render(imageSize));
                case RAVEN, RAVEN_DISTRACTORS -> new Benchmark(label, Raven.generator(3, this == RAVEN_DISTRACTORS),
                        new Raven.Render(imageSize));
            };
        }

        /**
         * Held-out setting {@code setting} (0..2) of universe {@code u}: on 3DS a Latin diagonal, on Raven one of
         * three disjoint sets of 8 found by a search seeded with 2020; both Raven variants share their sets.
         */
        public HeldOut heldOut(Universe u, int setting) {
            return this == SHAPES_3D ? HeldOut.latinDiagonal(u, setting) : HeldOut.sample(u, 8, 3, 2020).get(setting);
        }
    }

    /** 3DS with n = 3 images per sequence at the given image size. */
    public static Benchmark shapes3d(int imageSize) {
        return Variant.SHAPES_3D.at(imageSize);
    }

    /** Raven with n = 3 images, with or without distractors (50% each). */
    public static Benchmark raven(int imageSize, boolean distractors) {
        return (distractors ? Variant.RAVEN_DISTRACTORS : Variant.RAVEN).at(imageSize);
    }

    public Universe universe() {
        return generator.universe();
    }

    /** {@code count} sequences whose rationales are drawn uniformly from {@code from}, seeded. */
    public AvrDataset generate(List<Rationale> from, int count, long seed) {
        Random rng = new Random(seed);
        Universe u = universe();
        int n = generator.length();
        int numP = u.numProperties();
        int px = renderer.pixels();
        byte[] images = new byte[count * n * px];
        int[] labels = new int[count];
        int[] values = new int[count * n * numP];
        boolean[] distractors = new boolean[count * numP];
        for (int i = 0; i < count; i++) {
            if (Thread.currentThread().isInterrupted()) {
                // Interrupt status left set, as TrainingStep does, so the rest of the interrupted cell stops too.
                throw new CancellationException("Generating " + u.name() + " sequences was interrupted at sequence "
                        + (i + 1) + " of " + count + "; nothing was kept.");
            }
            Sequence s = generator.next(from, rng);
            labels[i] = u.classIndex(s.rationale());
            for (int panel = 0; panel < n; panel++) {
                renderer.render(s.values()[panel], rng, images, (i * n + panel) * px);
                System.arraycopy(s.values()[panel], 0, values, (i * n + panel) * numP, numP);
            }
            System.arraycopy(s.distractor(), 0, distractors, i * numP, numP);
        }
        return new AvrDataset(u, n, renderer.channels(), renderer.size(), images, labels, values, distractors);
    }

    /** Generation + rendering throughput in sequences per second (the "never starve training" check). */
    public double sequencesPerSecond(int count, long seed) {
        generate(universe().rationales(), Math.max(1, count / 10), seed); // warm-up
        long t0 = System.nanoTime();
        generate(universe().rationales(), count, seed + 1);
        return count / ((System.nanoTime() - t0) / 1e9);
    }
}
