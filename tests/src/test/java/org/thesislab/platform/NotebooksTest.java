package org.thesislab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thesislab.core.CpuKernels;
import org.thesislab.core.Project;

/**
 * Every notebook, as users run it: committed without outputs, and executed headlessly at 'smoke' scale
 * through the real Jupyter kernel by {@code environment/lab reproduce}, with no error output.
 */
class NotebooksTest {
    static Stream<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(Project.root().resolve("notebooks"))) {
            List<Path> list = files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
            assertTrue(!list.isEmpty(), "no notebooks found under " + Project.root().resolve("notebooks"));
            return list.stream();
        }
    }

    @Test
    void jupyterOutputsAreStrippedOnCommit() throws Exception {
        assumeTrue(git("rev-parse", "--git-dir") != null, "not a git clone");
        assertEquals("python3 environment/nbstrip.py", git("config", "filter.nbstrip.clean").trim(),
                "the notebook clean filter is not installed: run environment/lab setup");
        assertTrue(Files.readString(Project.root().resolve(".gitattributes")).contains("notebooks/*.ipynb filter=nbstrip"));
        String saved = "{\"cells\": [{\"cell_type\": \"code\", \"execution_count\": 3, \"metadata\": {}, \"outputs\": "
                + "[{\"output_type\": \"stream\", \"name\": \"stdout\", \"text\": \"hi\"}], \"source\": \"1 + 1\"}], "
                + "\"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n";
        Process p = new ProcessBuilder("python3", "environment/nbstrip.py").directory(Project.root().toFile()).start();
        p.getOutputStream().write(saved.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String cleaned = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor());
        JsonObject cell = JsonParser.parseString(cleaned).getAsJsonObject().getAsJsonArray("cells").get(0).getAsJsonObject();
        assertTrue(cell.getAsJsonArray("outputs").isEmpty() && cell.get("execution_count").isJsonNull(), cleaned);
        assertEquals("1 + 1", cell.get("source").getAsString());
    }

    /** The output of a git command in the project root, or null when it fails (not a clone, not committed). */
    private static String git(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(Project.root().toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        return p.waitFor() == 0 ? out : null;
    }

    @ParameterizedTest(name = "{0} is committed without outputs")
    @MethodSource("notebooks")
    void committedWithoutOutputs(Path notebook) throws Exception {
        // what is committed (HEAD), not the working file: Jupyter may have saved outputs into that, which the
        // clean filter strips on commit
        String committed = git("show", "HEAD:notebooks/" + notebook.getFileName());
        JsonObject nb = JsonParser.parseString(committed != null ? committed : Files.readString(notebook)).getAsJsonObject();
        assertEquals("thesislab", nb.getAsJsonObject("metadata").getAsJsonObject("kernelspec").get("name").getAsString());
        for (JsonElement cell : nb.getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            assertTrue(c.has("id"), notebook.getFileName() + " has a cell without an id (nbformat 4.5): open and save it in Jupyter");
            if (c.get("cell_type").getAsString().equals("code")) {
                JsonArray outputs = c.getAsJsonArray("outputs");
                assertTrue(outputs == null || outputs.isEmpty(), notebook.getFileName() + " has committed outputs: clear them");
                assertTrue(c.get("execution_count") == null || c.get("execution_count").isJsonNull(),
                        notebook.getFileName() + " has a committed execution count: clear outputs");
            }
        }
    }

    @ParameterizedTest(name = "{0} executes at smoke scale")
    @MethodSource("notebooks")
    void executesHeadlesslyAtSmokeScale(Path notebook) throws Exception {
        Path root = Project.root();
        String name = notebook.getFileName().toString().replace(".ipynb", "");
        Path log = Files.createTempFile("nb-" + name, ".log");
        // results go under tests/target so that a test run leaves the user's build/results alone
        Path resultsRoot = root.resolve("tests/target/notebook-results");
        ProcessBuilder pb = new ProcessBuilder(root.resolve("environment/lab").toString(), "reproduce", "--no-setup",
                "--scale", "smoke", notebook.toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("THESISLAB_RESULTS_ROOT", resultsRoot.toString());
        Process p = pb.start();
        boolean finished = p.waitFor(20, TimeUnit.MINUTES);
        if (!finished) {
            p.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(finished, name + " did not finish within 20 minutes at smoke scale:\n" + output);
        assertEquals(0, p.exitValue(), name + " failed:\n" + output);
        assertTrue(output.contains(name + " · ") && output.contains(" · cell 1/"),
                name + ": reproduce did not say which cell it was running:\n" + output);
        Path results = resultsRoot.resolve(name);
        JsonObject summary = JsonParser.parseString(Files.readString(results.resolve("summary.json"))).getAsJsonObject();
        assertEquals("smoke", summary.get("scale").getAsString());
        if (CpuKernels.pinnable()) {
            assertTrue(summary.get("cpu_kernels").getAsString().startsWith("pinned ("),
                    name + "'s kernel ran without the CPU-kernel pin: " + summary.get("cpu_kernels"));
        }
        assertTrue(summary.size() > 9, name + " recorded no headline number in summary.json: " + summary);
        assertTrue(summary.has("config") && summary.getAsJsonObject("config").size() > 3,
                name + " did not record its configuration (run.config(...)) in summary.json: " + summary);
        assertTrue(Files.isRegularFile(results.resolve(name + ".ipynb")) && Files.isRegularFile(results.resolve(name + ".html")));
        assertFalse(Files.readString(results.resolve(name + ".ipynb")).contains("java.io.PrintStream@"),
                name + " shows a PrintStream as a cell's value: end the cell with System.out.print(String.format(...)), not printf");
    }
}
