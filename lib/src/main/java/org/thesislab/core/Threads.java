package org.thesislab.core;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's intra-op thread count, one policy for the whole project: on the CPU, one thread unless
 * {@code THESISLAB_THREADS} says otherwise. The chapters' models are small, so an op's work is short and
 * OpenMP hand-offs dominate; on a shared CPU whose cores are busy, threads that spin-wait for each other made
 * small ops 6-20x slower than one thread (measured on the project's 2-core machine at load ~10; an 8x8x8x8
 * convolution took 77 ms with 2 threads and 0.3 ms with 1). A fixed count also keeps float reductions in the
 * same order from machine to machine. On a quiet many-core machine, paper scale gains from
 * {@code THESISLAB_THREADS=<cores>}. On a GPU the policy leaves libtorch's default alone.
 */
public final class Threads {
    public static final String ENV = "THESISLAB_THREADS";

    private Threads() {}

    /**
     * Applies the policy (called by {@link Run#start} and the chapters' experiment entry points) after checking that
     * the CPU kernels are pinned ({@link CpuKernels}); returns the count in effect.
     */
    public static int configure() {
        CpuKernels.requirePinned();
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            try {
                return set(Integer.parseInt(env.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ENV + "='" + env + "' is not a thread count; unset it or give e.g. 1.");
            }
        }
        return Engine.getInstance().getGpuCount() > 0 ? current() : set(1);
    }

    /** Sets exactly {@code n} intra-op threads, e.g. to time inference on one thread as a thesis did. */
    public static int set(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("Thread count must be at least 1, got " + n + " (" + ENV + ").");
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
