package org.thesislab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thesislab.core.Project;
import org.thesislab.core.SeedAggregate;

/**
 * {@code environment/aggregate.py}, which {@code environment/lab reproduce --seeds} runs per notebook: mean, sample
 * standard deviation and the 95% t-interval of each number against hand-computed values, claims counted per seed,
 * provenance and non-numbers left out, each claim's compared quantities read from a run's claims.csv and drawn by
 * {@link SeedAggregate}; and {@code --seeds} rejects what is not a list or range.
 */
class SeedAggregateTest {
    @Test
    void meansIntervalsAndClaimCounts(@TempDir Path dir) throws Exception {
        List<String> args = new ArrayList<>(List.of("python3", "environment/aggregate.py", dir.resolve("out").toString()));
        double[] acc = {0.5, 0.6, 0.7};
        String[] verdict = {"holds", "holds", "does not hold"};
        for (int s = 0; s < 3; s++) {
            Path f = dir.resolve("s" + s).resolve("summary.json");
            Files.createDirectories(f.getParent().resolve("tables"));
            Files.writeString(f, "{\"notebook\": \"n\", \"scale\": \"quick\", \"seed\": " + s + ", \"git_commit\": \"abc\", "
                    + "\"acc\": " + acc[s] + ", \"base\": 0.3, \"label\": \"x\", \"config\": {\"epochs\": 3}, "
                    + "\"claims\": {\"beats\": \"" + verdict[s] + "\", \"absent\": \"not run at this scale\"}}");
            // what Run.claims writes beside it: the compared quantities of each claim, in claim order
            Files.writeString(f.getParent().resolve("tables/claims.csv"), "claim,thesis,compared,here,verdict\n"
                    + "beats it,t,acc > base + 0.1,x,y\nabsent,t,missing < 0.04,n/a,not run at this scale\n");
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
        assertEquals(List.of("acc", "base"), List.copyOf(agg.getAsJsonObject("numbers").keySet()), "provenance, text and config are not numbers");
        assertEquals(2, agg.getAsJsonObject("claims").getAsJsonObject("beats").get("holds").getAsInt());
        assertEquals(3, agg.getAsJsonObject("claims").getAsJsonObject("beats").get("seeds").getAsInt());
        assertEquals(0, agg.getAsJsonObject("claims").getAsJsonObject("absent").get("holds").getAsInt());
        JsonObject beats = agg.getAsJsonObject("claims").getAsJsonObject("beats");
        assertEquals(List.of("acc", ">", "base", " + 0.1"), List.of(beats.get("subject").getAsString(),
                beats.get("relation").getAsString(), beats.get("reference").getAsString(), beats.get("margin").getAsString()));

        // the figure of the claims over seeds reads the same aggregate
        SeedAggregate read = SeedAggregate.load(dir.resolve("out"));
        assertEquals(List.of(new SeedAggregate.ClaimCount("beats", "acc", "base", Double.NaN, 2, 3),
                new SeedAggregate.ClaimCount("absent", "missing", null, 0.04, 0, 3)), read.claims());
        assertEquals(0.6, read.numbers().get("acc").mean(), 1e-12);
        SeedAggregate.main(new String[] {dir.resolve("out").toString()});
        assertTrue(ImageIO.read(dir.resolve("out/claims.png").toFile()).getWidth() > 100, "claims.png drawn");
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
