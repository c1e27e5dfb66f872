package org.thesislab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thesislab.core.Project;

/**
 * {@code environment/aggregate.py}, which {@code environment/lab reproduce --seeds} runs per notebook: mean, sample
 * standard deviation and the 95% t-interval of each number against hand-computed values, claims counted per seed,
 * provenance and non-numbers left out; and {@code --seeds} rejects what is not a list or range.
 */
class SeedAggregateTest {
    @Test
    void meansIntervalsAndClaimCounts(@TempDir Path dir) throws Exception {
        List<String> args = new ArrayList<>(List.of("python3", "environment/aggregate.py", dir.resolve("out").toString()));
        double[] acc = {0.5, 0.6, 0.7};
        String[] verdict = {"holds", "holds", "does not hold"};
        for (int s = 0; s < 3; s++) {
            Path f = dir.resolve("s" + s + ".json");
            Files.writeString(f, "{\"notebook\": \"n\", \"scale\": \"quick\", \"seed\": " + s + ", \"git_commit\": \"abc\", "
                    + "\"acc\": " + acc[s] + ", \"label\": \"x\", \"config\": {\"epochs\": 3}, "
                    + "\"claims\": {\"beats\": \"" + verdict[s] + "\", \"absent\": \"not run at this scale\"}}");
            args.add(f.toString());
        }
        Process p = new ProcessBuilder(args).directory(Project.root().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        JsonObject agg = JsonParser.parseString(Files.readString(dir.resolve("out/aggregate.json"))).getAsJsonObject();
        JsonObject a = agg.getAsJsonObject("numbers").getAsJsonObject("acc");
        assertEquals(0.6, a.get("mean").getAsDouble(), 1e-12);
        assertEquals(0.1, a.get("sd").getAsDouble(), 1e-12);
        // t(0.975, 2 df) = 4.303: 0.6 -/+ 4.303 * 0.1 / sqrt(3)
        assertEquals(0.6 - 4.303 * 0.1 / Math.sqrt(3), a.getAsJsonArray("ci95").get(0).getAsDouble(), 1e-9);
        assertEquals(0.6 + 4.303 * 0.1 / Math.sqrt(3), a.getAsJsonArray("ci95").get(1).getAsDouble(), 1e-9);
        assertEquals(List.of("acc"), List.copyOf(agg.getAsJsonObject("numbers").keySet()), "provenance, text and config are not numbers");
        assertEquals(2, agg.getAsJsonObject("claims").getAsJsonObject("beats").get("holds").getAsInt());
        assertEquals(3, agg.getAsJsonObject("claims").getAsJsonObject("beats").get("seeds").getAsInt());
        assertEquals(0, agg.getAsJsonObject("claims").getAsJsonObject("absent").get("holds").getAsInt());
    }

    @Test
    void seedsMustBeAListOrRange() throws Exception {
        Process p = new ProcessBuilder("environment/lab", "reproduce", "--no-setup", "--seeds", "3-1", "00-environment")
                .directory(Project.root().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertNotEquals(0, p.waitFor());
        assertEquals(true, out.contains("--seeds '3-1' is not a list or range"), out);
    }
}
