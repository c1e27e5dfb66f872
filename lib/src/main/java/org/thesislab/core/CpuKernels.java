package org.thesislab.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU code paths PyTorch may take, pinned for the whole project: oneDNN's convolutions and reorders at SSE4.1
 * ({@code ONEDNN_MAX_CPU_ISA}), ATen's vectorised kernels at AVX2 ({@code ATEN_CPU_CAPABILITY}) and MKL's BLAS at
 * AVX2 ({@code MKL_CBWR}, conditional numerical reproducibility). Each library picks its kernels from the CPU it
 * finds, so without the pin the same seed gives different floats on different CPUs.
 *
 * <p>Why oneDNN at SSE4.1, measured on a 2-core AMD EPYC with AVX-512 (VNNI, BF16, VP2INTERSECT) with every heap
 * block filled with NaN bytes when allocated and freed (so a kernel that reads memory nobody wrote returns NaN):
 * PyTorch 2.5.1's bundled oneDNN 3.5.3 read unwritten memory in 136 of 480 small convolution shapes with its
 * AVX-512 kernels and 135 of 480 capped at AVX2 (forward for input channels that are not a multiple of 8, backward
 * for many shapes), 0 of 480 capped at SSE4.1 ({@code ConvolutionsUnderPoisonTest}). In training this is NaN in a
 * different model each run and, when the garbage is finite, different numbers each run: unpinned, CPFS and ODGI
 * diverged; capped at AVX2, AVR's CNN diverged in 3 of 5 runs and colorization at once under the poison. At SSE4.1
 * every chapter trains bit-identically with and without the poison ({@code DeterminismTest}).
 *
 * <p>The variables are read by the native libraries once, at load, from the process environment, which a running
 * JVM cannot change: {@code environment/lab}, its kernelspec and the test JVMs set them; a program of your own
 * must be started with them. {@link #requirePinned()} fails clearly when they are missing.
 */
public final class CpuKernels {
    /** Set to {@code native} to run with the CPU's own kernels (benchmarks, or to study the difference). */
    public static final String ENV = "THESISLAB_CPU_KERNELS";

    /** /proc/cpuinfo, read once: the CPU does not change while the JVM runs. */
    private static final java.util.List<String> CPUINFO = cpuinfo();

    /** The environment every engine of the project starts with, in the order to write it. */
    public static final Map<String, String> PINS = pins();

    private CpuKernels() {}

    private static Map<String, String> pins() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("ONEDNN_MAX_CPU_ISA", "SSE41");
        m.put("ATEN_CPU_CAPABILITY", "avx2");
        m.put("MKL_CBWR", "AVX2");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** True when this CPU can run the pinned kernels (x86-64 with AVX2; Linux's /proc/cpuinfo tells). */
    public static boolean pinnable() {
        return flags().contains("avx2");
    }

    /** The pins that are not in force in this process: variable -> the value it has (null when unset). */
    public static Map<String, String> missingPins() {
        Map<String, String> missing = new LinkedHashMap<>();
        for (var pin : PINS.entrySet()) {
            String value = System.getenv(pin.getKey());
            if (!pin.getValue().equals(value)) {
                missing.put(pin.getKey(), value);
            }
        }
        return missing;
    }

    /**
     * Fails with the fix when this process runs on an AVX2 CPU without the pins (unless {@code THESISLAB_CPU_KERNELS=native}).
     * Called where the library configures the engine ({@link Threads#configure}).
     */
    public static void requirePinned() {
        if ("native".equals(System.getenv(ENV)) || !pinnable()) {
            return;
        }
        Map<String, String> missing = missingPins();
        if (missing.isEmpty()) {
            return;
        }
        StringBuilder fix = new StringBuilder();
        PINS.forEach((k, v) -> fix.append(k).append('=').append(v).append(' '));
        throw new IllegalStateException("PyTorch's CPU kernels are not pinned in this JVM (" + missing + " should be "
                + PINS + "). Without the pin oneDNN's AVX2 and AVX-512 convolutions read memory they have not "
                + "written on some CPUs (NaN, and different numbers each run), and numbers differ from machine to machine. Start the JVM with " + fix.toString().trim()
                + " in its environment (environment/lab, its Jupyter kernel and the test suite do this; for another "
                + "Jupyter kernel put them in its kernel.json \"env\"), or set " + ENV + "=native to run unpinned.");
    }

    /** One line for provenance, e.g. "pinned (oneDNN SSE41, ATen avx2, MKL AVX2) on AMD EPYC (avx512f)". */
    public static String describe() {
        Set<String> flags = flags();
        String isa = flags.contains("avx512f") ? "avx512f" : flags.contains("avx2") ? "avx2; no avx512" : "no avx2";
        String mode = !pinnable() ? "unpinned (no AVX2)"
                : "native".equals(System.getenv(ENV)) ? "native (unpinned)"
                : missingPins().isEmpty() ? "pinned (oneDNN SSE41, ATen avx2, MKL AVX2)" : "NOT pinned";
        return mode + " on " + cpuModel() + " (" + isa + ")";
    }

    private static Set<String> flags() {
        for (String line : CPUINFO) {
            if (line.startsWith("flags")) {
                return new TreeSet<>(java.util.Arrays.asList(line.substring(line.indexOf(':') + 1).trim().split("\\s+")));
            }
        }
        return Set.of();
    }

    private static String cpuModel() {
        for (String line : CPUINFO) {
            if (line.startsWith("model name")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return System.getProperty("os.arch");
    }

    private static java.util.List<String> cpuinfo() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException | RuntimeException e) {
            return java.util.List.of();
        }
    }
}
