package org.thesislab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thesislab.core.Project;

/**
 * Kernel > Interrupt through the real Jupyter protocol: the "thesislab" kernelspec that {@code environment/lab
 * setup} builds, driven by jupyter_client ({@code tests/src/test/python/kernel_driver.py}) the way the notebook
 * server drives it. An interrupted cell must end within seconds with an error, and the kernel must keep its
 * variables and run the next cells; redefining and re-running cells must not lose state.
 */
class KernelInterruptTest {
    /** Seconds from Kernel > Interrupt to the cell's execute_reply that the test accepts. */
    private static final double MAX_LATENCY = 10;

    /** The import cell both kernel sessions start with (the state test runs it twice). */
    private static final String IMPORTS = """
            import ai.djl.ndarray.*;
            import ai.djl.ndarray.types.*;
            import ai.djl.nn.*;
            import ai.djl.nn.core.Linear;
            import ai.djl.training.loss.Loss;
            import org.thesislab.core.*;
            import org.thesislab.core.data.TensorDataset;
            import org.thesislab.core.train.*;
            """;

    @TempDir
    Path tmp;

    @Test
    void interruptStopsTheRunningCellAndTheKernelKeepsItsVariables() throws Exception {
        List<Map<String, Object>> cells = new ArrayList<>();
        cells.add(cell("var kept = 42;", null, 300));
        cells.add(cell("for (int i = 0; i < 120; i++) { Thread.sleep(1000); }\nSystem.out.println(\"loop finished\");", 3.0, 60));
        cells.add(cell("System.out.println(\"kept=\" + kept);", null, 60));
        cells.add(cell(IMPORTS + """
                NDManager m = NDManager.newBaseManager();
                SequentialBlock net = new SequentialBlock().add(Linear.builder().setUnits(16).build())
                        .add(Activation.reluBlock()).add(Linear.builder().setUnits(2).build());
                net.initialize(m, DataType.FLOAT32, new Shape(1, 4));
                TensorDataset data = new TensorDataset(new NDList(m.randomNormal(new Shape(4096, 4))),
                        new NDList(m.randomInteger(0, 2, new Shape(4096), DataType.INT32)));
                """, null, 300));
        cells.add(cell("TrainingLoop.builder(net, Loss.softmaxCrossEntropyLoss(), new Adam(1e-3f), m).batchSize(8)"
                + ".epochs(100000).progress(false, \"interrupt-demo\").build().fit(data, null);", 5.0, 60));
        cells.add(cell("System.out.println(\"after training kept=\" + kept);", null, 60));
        cells.add(cell("String nothing = null;\nnothing.length();", null, 60));
        cells.add(cell("System.out.println(\"after error kept=\" + kept);", null, 60));
        cells.add(cell("long spins = 0;\nwhile (true) { spins++; }", 2.0, 8));

        JsonArray results = drive(cells);

        JsonObject sleep = results.get(1).getAsJsonObject();
        assertEquals("error", sleep.get("status").getAsString(), "the interrupted sleep loop: " + sleep);
        assertTrue(sleep.get("traceback").getAsString().contains("java.lang.InterruptedException: sleep interrupted"), sleep.toString());
        assertFalse(sleep.get("stdout").getAsString().contains("loop finished"), sleep.toString());
        assertTrue(sleep.get("interrupt_reply").getAsBoolean(), "no interrupt_reply on the control channel: " + sleep);
        assertTrue(sleep.get("interrupt_latency").getAsDouble() < MAX_LATENCY, sleep.toString());
        assertStdout(results.get(2).getAsJsonObject(), "kept=42");

        assertEquals("ok", results.get(3).getAsJsonObject().get("status").getAsString(), results.get(3).toString());
        JsonObject training = results.get(4).getAsJsonObject();
        assertEquals("error", training.get("status").getAsString(), "the interrupted training: " + training);
        assertTrue(training.get("traceback").getAsString().contains("org.thesislab.core.train.TrainingInterruptedException"),
                training.toString());
        assertTrue(training.get("evalue").getAsString().contains("Training of interrupt-demo was interrupted at epoch ")
                && training.get("evalue").getAsString().contains("running it again starts over"), training.toString());
        assertTrue(training.get("interrupt_latency").getAsDouble() < MAX_LATENCY, training.toString());
        assertStdout(results.get(5).getAsJsonObject(), "after training kept=42");

        JsonObject npe = results.get(6).getAsJsonObject();
        assertEquals("error", npe.get("status").getAsString(), npe.toString());
        assertTrue(npe.get("traceback").getAsString().contains("java.lang.NullPointerException"), npe.toString());
        assertStdout(results.get(7).getAsJsonObject(), "after error kept=42");

        // Code that never checks for interruption runs on (the driver then stops the kernel); the cell says why.
        JsonObject spin = results.get(8).getAsJsonObject();
        assertEquals("no reply", spin.get("status").getAsString(), spin.toString());
        assertTrue(spin.get("stderr").getAsString().contains("Interrupted, but this cell's code is still running"), spin.toString());

        System.out.printf("Interrupt latency (interrupt_request to execute_reply): sleep loop %.2f s, training %.2f s%n",
                sleep.get("interrupt_latency").getAsDouble(), training.get("interrupt_latency").getAsDouble());
    }

    /**
     * What a user does between cells: train, define a helper, redefine it, re-run an import cell and a middle cell.
     * JShell recompiles the snippets that depend on a redefined one; the trained model, the run and the other
     * variables must survive it.
     */
    @Test
    void redefiningAHelperAndReRunningCellsKeepsTheTrainedModelAndTheRun() throws Exception {
        List<Map<String, Object>> cells = new ArrayList<>();
        cells.add(cell(IMPORTS + "Run run = Run.start(\"state-test\", Scale.SMOKE, 0, java.nio.file.Path.of(\""
                + tmp.resolve("run") + "\"));", null, 300));
        cells.add(cell("""
                NDManager m = NDManager.newBaseManager();
                SequentialBlock net = new SequentialBlock().add(Linear.builder().setUnits(8).build())
                        .add(Activation.reluBlock()).add(Linear.builder().setUnits(2).build());
                net.initialize(m, DataType.FLOAT32, new Shape(1, 4));
                TensorDataset data = new TensorDataset(new NDList(m.randomNormal(new Shape(256, 4))),
                        new NDList(m.randomInteger(0, 2, new Shape(256), DataType.INT32)));
                var result = TrainingLoop.builder(net, Loss.softmaxCrossEntropyLoss(), new Adam(1e-2f), m).batchSize(32)
                        .epochs(3).progress(false, "state-demo").build().fit(data, null);
                double trainedLoss = result.last("train_loss");
                """, null, 300));
        cells.add(cell("double scaled(double x) { return 2 * x; }\nSystem.out.println(scaled(1));", null, 60));
        cells.add(cell("double scaled(double x) { return 3 * x; }", null, 60));
        cells.add(cell(IMPORTS, null, 60));
        cells.add(cell("System.out.println(scaled(1));", null, 60));
        cells.add(cell("""
                run.summary("trained_loss", trainedLoss);
                var out = net.forward(new ai.djl.training.ParameterStore(m, false), new NDList(m.ones(new Shape(1, 4))), false);
                System.out.println(out.singletonOrThrow().getShape() + " " + (result.last("train_loss") == trainedLoss)
                        + " " + run.summary().get("trained_loss").equals(trainedLoss));
                """, null, 60));

        JsonArray results = drive(cells);
        for (int i = 0; i < 5; i++) {
            assertEquals("ok", results.get(i).getAsJsonObject().get("status").getAsString(), "cell " + i + ": " + results.get(i));
        }
        assertStdout(results.get(2).getAsJsonObject(), "2.0");
        assertStdout(results.get(5).getAsJsonObject(), "3.0");
        assertStdout(results.get(6).getAsJsonObject(), "(1, 2) true true");
    }

    private static void assertStdout(JsonObject cell, String expected) {
        assertEquals("ok", cell.get("status").getAsString(), cell.toString());
        assertEquals(expected, cell.get("stdout").getAsString().strip(), cell.toString());
    }

    private static Map<String, Object> cell(String code, Double interruptAfter, int timeout) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("code", code);
        cell.put("timeout", timeout);
        if (interruptAfter != null) {
            cell.put("interrupt_after", interruptAfter);
        }
        return cell;
    }

    /** Runs the cells on a fresh kernel; the driver's results, one per cell. */
    private JsonArray drive(List<Map<String, Object>> cells) throws Exception {
        Path root = Project.root();
        Path jupyter = root.resolve("build/jupyter");
        assertTrue(Files.isRegularFile(jupyter.resolve("kernels/thesislab/kernel.json")),
                "no kernelspec under " + jupyter + ": run environment/lab setup");
        Path cellsFile = tmp.resolve("cells.json");
        Path resultsFile = tmp.resolve("results.json");
        Path log = tmp.resolve("driver.log");
        Files.writeString(cellsFile, new Gson().toJson(cells));
        ProcessBuilder pb = new ProcessBuilder(python(), root.resolve("tests/src/test/python/kernel_driver.py").toString(),
                "thesislab", cellsFile.toString(), resultsFile.toString())
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JUPYTER_PATH", jupyter.toString());
        Process p = pb.start();
        boolean finished = p.waitFor(20, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly();
        }
        String output = tail(Files.readString(log, StandardCharsets.UTF_8));
        assertTrue(finished, "the kernel driver did not finish within 20 minutes:\n" + output);
        assertEquals(0, p.exitValue(), "the kernel driver failed:\n" + output);
        JsonArray results = JsonParser.parseString(Files.readString(resultsFile)).getAsJsonObject().getAsJsonArray("cells");
        assertEquals(cells.size(), results.size(), output);
        return results;
    }

    /** A python3 that has jupyter_client: the one on PATH, else Debian's (what environment/lab setup installs). */
    private static String python() throws Exception {
        for (String candidate : List.of("python3", "/usr/bin/python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import jupyter_client").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() == 0) {
                    return candidate;
                }
            } catch (java.io.IOException notThere) {
                // try the next one
            }
        }
        throw new AssertionError("no python3 with jupyter_client: run environment/lab setup");
    }

    private static String tail(String log) {
        return log.length() <= 8000 ? log : "..." + log.substring(log.length() - 8000);
    }
}
