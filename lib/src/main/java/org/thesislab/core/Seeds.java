package org.thesislab.core;

import ai.djl.engine.Engine;
import java.util.Random;

/** Seeded randomness on both sides: the engine's generator and named Java streams. */
public final class Seeds {
    public static final String ENV = "THESISLAB_SEED";
    public static final long DEFAULT = 0L;

    private Seeds() {}

    /** The seed this process runs with: {@code THESISLAB_SEED}, else 0. */
    public static long current() {
        String value = System.getenv(ENV);
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(ENV + "='" + value + "' is not an integer seed; unset it or give e.g. 0.");
        }
    }

    /** Seeds the engine's generator (weight init, dropout, random NDArrays). */
    public static void seedEngine(long seed) {
        Engine.getInstance().setRandomSeed((int) (seed ^ (seed >>> 32)));
    }

    /**
     * An independent Java stream for one purpose ("shuffle", "split", ...): the same seed and name always
     * give the same sequence, and different names do not share draws.
     */
    public static Random stream(long seed, String name) {
        return new Random(mix(seed, name.hashCode()));
    }

    /** A derived seed, e.g. per epoch: {@code derive(seed, epoch)}. */
    public static long derive(long seed, long salt) {
        return mix(seed, salt);
    }

    private static long mix(long seed, long salt) {
        long z = seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
