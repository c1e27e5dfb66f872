package org.thesislab.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CPU code paths PyTorch may take, pinned to AVX2 for the whole project: oneDNN's convolutions and reorders
 * ({@code ONEDNN_MAX_CPU_ISA}), ATen's vectorised kernels ({@code ATEN_CPU_CAPABILITY}) and MKL's BLAS
 * ({@code MKL_CBWR}, conditional numerical reproducibility). Each library picks its kernels from the CPU it finds,
 * so without the pin the same seed gives different floats on different CPUs.
 *
 * <p>Why pinned, measured: on a 2-core AMD EPYC with AVX-512 (VNNI, BF16), PyTorch 2.5.1's bundled oneDNN 3.5.3 made
 * training losses NaN in 3 of 6 runs of the CPFS smoke experiment and 2 of 2 of ODGI's, a different model each run;
 * with oneDNN capped at AVX2, 9 of 9 finished, the test suite passed, and the quick notebooks gave the numbers of
 * a CPU without AVX-512 to every printed digit ({@code ../shared/probes/nan/FINDINGS.md}). On CPUs with AVX2 only, the
 * pin changes nothing: a run with every heap block poisoned with NaN bytes gives the same numbers, bit for bit,
 * as a plain run (the determinism harness), so no kernel taken there reads memory it has not written.
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
        m.put("ONEDNN_MAX_CPU_ISA", "AVX2");
        m.put("ATEN_CPU_CAPABILITY", "avx2");
        m.put("MKL_CBWR", "AVX2");
        return java.util.Collections.unmodifiableMap(m);
    }

    /** True when this CPU can run the pinned AVX2 kernels (x86-64 with AVX2; Linux's /proc/cpuinfo tells). */
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
                + PINS + "). Without the pin oneDNN's AVX-512 kernels make training diverge to NaN on some CPUs, and "
                + "numbers differ from machine to machine. Start the JVM with " + fix.toString().trim()
                + " in its environment (environment/lab, its Jupyter kernel and the test suite do this; for another "
                + "Jupyter kernel put them in its kernel.json \"env\"), or set " + ENV + "=native to run unpinned.");
    }

    /** One line for provenance, e.g. "pinned AVX2 on AMD EPYC (avx2; no avx512)". */
    public static String describe() {
        Set<String> flags = flags();
        String isa = flags.contains("avx512f") ? "avx512f" : flags.contains("avx2") ? "avx2; no avx512" : "no avx2";
        String mode = !pinnable() ? "unpinned (no AVX2)"
                : "native".equals(System.getenv(ENV)) ? "native (unpinned)"
                : missingPins().isEmpty() ? "pinned AVX2" : "NOT pinned";
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
