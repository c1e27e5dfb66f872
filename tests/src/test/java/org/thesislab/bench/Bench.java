package org.thesislab.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.thesislab.core.AtomicFiles;
import org.thesislab.core.Project;
import org.thesislab.core.Threads;
import org.thesislab.core.train.Optimizer;

/**
 * Shared measuring for the benchmarks (run with {@code environment/lab bench}): throughput after warm-up,
 * the process' peak resident memory, and the same model in PyTorch-in-Python (Debian's python3-torch) on
 * the same machine and thread count, as a ratio. Results are appended to build/bench/results.csv.
 * Both sides run with the project's thread policy ({@link Threads}; THESISLAB_THREADS to change it).
 */
public final class Bench {
    private Bench() {}

    /**
     * Training throughput of {@code net} in items/second: forward, loss, backward and an optimiser step on the
     * same batch ({@code items} items) each time, every step in its own NDManager scope as in the training loop.
     */
    public static double trainingItemsPerSecond(Block net, NDArray inputs, NDArray labels, Loss loss, Optimizer optimizer, int items) {
        Threads.configure();
        NDManager m = inputs.getManager();
        List<Parameter> params = new ArrayList<>();
        net.getParameters().forEach(p -> {
            if (p.getValue().requiresGradient()) {
                params.add(p.getValue());
            }
        });
        ParameterStore store = new ParameterStore(m, false);
        return itemsPerSecond(() -> {
            try (NDManager step = m.newSubManager()) {
                NDArray x = inputs.duplicate();
                x.attach(step);
                NDArray y = labels.duplicate();
                y.attach(step);
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    gc.backward(loss.evaluate(new NDList(y), net.forward(store, new NDList(x), true)));
                }
                optimizer.step(params);
            }
        }, items, 5, 40);
    }

    /** Runs {@code step} (processing {@code itemsPerStep} items) warm-up times, then times {@code steps} runs. */
    public static double itemsPerSecond(Runnable step, int itemsPerStep, int warmup, int steps) {
        for (int i = 0; i < warmup; i++) {
            step.run();
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < steps; i++) {
            step.run();
        }
        return (double) itemsPerStep * steps / ((System.nanoTime() - t0) / 1e9);
    }

    /** Peak resident set size of this process in MiB (VmHWM), or NaN where /proc is absent. */
    public static double peakMemoryMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /**
     * Runs a PyTorch-in-Python script from tests/src/test/resources/bench with Debian's interpreter; the script
     * prints items/second on its last line. NaN when python3-torch is not installed.
     */
    public static double pythonItemsPerSecond(String script, String... args) {
        Path python = Path.of("/usr/bin/python3");
        Path file = Project.root().resolve("tests/src/test/resources/bench").resolve(script);
        try {
            if (!Files.isExecutable(python) || new ProcessBuilder(python.toString(), "-c", "import torch").start().waitFor() != 0) {
                System.out.println("python3-torch is not installed (apt-get install python3-torch): no PyTorch-in-Python comparison");
                return Double.NaN;
            }
            List<String> cmd = new ArrayList<>(List.of(python.toString(), file.toString(), String.valueOf(Threads.configure())));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(script + " failed:\n" + out);
            }
            String[] lines = out.split("\n");
            return Double.parseDouble(lines[lines.length - 1].trim());
        } catch (IOException e) {
            return Double.NaN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    /** Prints one result line and appends it to build/bench/results.csv. */
    public static void report(String model, String unit, double ours, double python, double peakMiB) {
        String line = String.format("%s,%s,%.1f,%.1f,%.2f,%.0f", model, unit, ours, python, ours / python, peakMiB);
        System.out.printf("%-40s %10.1f %s/s (PyTorch-in-Python %.1f, ratio %.2f), peak memory %.0f MiB%n",
                model, ours, unit, python, ours / python, peakMiB);
        Path csv = Project.root().resolve("build/bench/results.csv");
        try {
            String old = Files.isRegularFile(csv) ? Files.readString(csv) : "model,unit,per_second,python_per_second,ratio,peak_mib\n";
            AtomicFiles.writeString(csv, old + line + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
