package org.thesislab.core;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's intra-op thread count. On a shared CPU whose cores are busy with other processes, OpenMP
 * threads that spin-wait for each other make small ops far slower than a single thread: measured on the
 * project machine (2 cores, load ~10), a small convnet step ran 15-20x faster with 1 thread than with 2.
 * {@code THESISLAB_THREADS} overrides the value a caller asks for.
 */
public final class Threads {
    public static final String ENV = "THESISLAB_THREADS";

    private Threads() {}

    /** Sets the engine's intra-op threads to {@code THESISLAB_THREADS} if set, else {@code fallback}; returns it. */
    public static int limit(int fallback) {
        String env = System.getenv(ENV);
        int n = fallback;
        if (env != null && !env.isBlank()) {
            try {
                n = Integer.parseInt(env.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ENV + "='" + env + "' is not a thread count; unset it or give e.g. 1.");
            }
        }
        if (n < 1) {
            throw new IllegalArgumentException("Thread count must be at least 1, got " + n + ".");
        }
        Engine.getInstance(); // loads the native library before the call below
        JniUtils.setNumThreads(n);
        return n;
    }

    /** The engine's current intra-op thread count. */
    public static int current() {
        Engine.getInstance();
        return JniUtils.getNumThreads();
    }
}
