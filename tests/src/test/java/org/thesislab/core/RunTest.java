package org.thesislab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thesislab.viz.Plots;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

class RunTest {
    @TempDir
    Path dir;

    @Test
    void summaryHoldsProvenanceAndHeadlineNumbers() throws Exception {
        Run run = Run.start("unit-test", Scale.SMOKE, 7, dir);
        run.summary("test_accuracy", 0.875);
        JsonObject json = JsonParser.parseString(Files.readString(dir.resolve("summary.json"))).getAsJsonObject();
        assertEquals(0.875, json.get("test_accuracy").getAsDouble());
        assertEquals("smoke", json.get("scale").getAsString());
        assertEquals(7, json.get("seed").getAsLong());
        for (String key : new String[] {"device", "git_commit", "engine", "djl", "notebook"}) {
            assertTrue(json.has(key), "summary.json lacks " + key);
        }
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "a temp file was left behind");
        }
    }

    enum Arm { RANDOM, LEARNED }

    record Optimiser(double learningRate, int batchSize) {}

    record ChapterConfig(int imageSize, Optimiser optimiser, int[][] resolutions, java.util.List<Arm> arms, boolean flip) {}

    @Test
    void theConfigurationGoesIntoSummaryJsonByName() throws Exception {
        Run run = Run.start("unit-test", Scale.SMOKE, 0, dir);
        var config = new ChapterConfig(32, new Optimiser(1e-3, 16), new int[][] {{64, 32}}, java.util.List.of(Arm.RANDOM, Arm.LEARNED), true);
        assertTrue(run.config(config) == config, "config(...) returns its argument, for `var cfg = run.config(...)`");
        JsonObject c = JsonParser.parseString(Files.readString(dir.resolve("summary.json"))).getAsJsonObject().getAsJsonObject("config");
        assertEquals(32, c.get("image_size").getAsInt());
        assertEquals(1e-3, c.get("optimiser.learning_rate").getAsDouble());
        assertEquals(16, c.get("optimiser.batch_size").getAsInt());
        assertEquals("[[64,32]]", c.get("resolutions").toString());
        assertEquals("[\"random\",\"learned\"]", c.get("arms").toString());
        assertTrue(c.get("flip").getAsBoolean());
        assertEquals(java.util.List.of("image_size", "optimiser.learning_rate", "optimiser.batch_size", "resolutions", "arms", "flip"),
                java.util.List.copyOf(c.keySet()), "declaration order");
        assertThrows(IllegalArgumentException.class, () -> run.config("Raven config", config));
    }

    @Test
    void figuresAreNonEmptyPngsAndTablesCsv() throws Exception {
        Run run = Run.start("unit-test", Scale.SMOKE, 0, dir);
        run.figure("curve", Plots.curves("t", "epoch", "loss", Map.of("train", new double[] {3, 2, 1})));
        var image = ImageIO.read(dir.resolve("figures/curve.png").toFile());
        assertEquals(Plots.WIDTH, image.getWidth());
        assertTrue(Files.size(dir.resolve("figures/curve.png")) > 2000);
        run.table("numbers", Table.create("n", DoubleColumn.create("x", 1.5, 2.5)));
        assertEquals("x\n1.5\n2.5\n", Files.readString(dir.resolve("tables/numbers.csv")));
    }

    @Test
    void badNamesAndKeysAreRejectedWithTheRule() {
        Run run = Run.start("unit-test", Scale.SMOKE, 0, dir);
        var e = assertThrows(IllegalArgumentException.class, () -> run.figure("../escape", Plots.curves("t", "x", "y", Map.of())));
        assertTrue(e.getMessage().contains("lower case"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> run.summary("Test Accuracy", 1.0));
    }

    @Test
    void nonFiniteHeadlineIsRecordedAsText() throws Exception {
        Run run = Run.start("unit-test", Scale.SMOKE, 0, dir);
        run.summary("loss", Double.NaN);
        assertTrue(Files.readString(dir.resolve("summary.json")).contains("\"loss\": \"NaN\""));
    }
}
