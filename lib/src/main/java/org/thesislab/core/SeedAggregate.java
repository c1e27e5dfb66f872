package org.thesislab.core;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.CategoryChart;
import org.thesislab.viz.Plots;

/**
 * One notebook's runs over seeds, as {@code environment/aggregate.py} wrote them ({@code aggregate.json}): per
 * summary number its mean and 95% interval, per thesis claim the two numbers it compares and in how many seeds it
 * held. {@link #figure} draws every claim's two numbers with their intervals, one small chart per claim; {@code
 * environment/lab reproduce --seeds} saves it as {@code claims.png} beside the aggregate ({@link #main}).
 */
public final class SeedAggregate {
    /** A number over seeds: mean and the 95% interval of the mean (NaN when there is one seed). */
    public record Spread(double mean, double low, double high, int seeds) {
    }

    /** A claim over seeds: the summary keys it compares (reference null for a fixed value) and how often it held. */
    public record ClaimCount(String id, String subject, String reference, double fixedReference, int holds, int seeds) {
    }

    private final String notebook;
    private final String provenance;
    private final Map<String, Spread> numbers;
    private final List<ClaimCount> claims;

    private SeedAggregate(String notebook, String provenance, Map<String, Spread> numbers, List<ClaimCount> claims) {
        this.notebook = notebook;
        this.provenance = provenance;
        this.numbers = numbers;
        this.claims = claims;
    }

    /** Reads {@code dir/aggregate.json}. */
    public static SeedAggregate load(Path dir) {
        Path file = dir.resolve("aggregate.json");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No " + file + ": run environment/lab reproduce --seeds 0-2 first.");
        }
        JsonObject json;
        try {
            json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Spread> numbers = new LinkedHashMap<>();
        for (var e : json.getAsJsonObject("numbers").entrySet()) {
            JsonObject s = e.getValue().getAsJsonObject();
            JsonElement ci = s.get("ci95");
            boolean hasCi = ci != null && ci.isJsonArray();
            double mean = s.get("mean").getAsDouble();
            numbers.put(e.getKey(), new Spread(mean, hasCi ? ci.getAsJsonArray().get(0).getAsDouble() : Double.NaN,
                    hasCi ? ci.getAsJsonArray().get(1).getAsDouble() : Double.NaN, s.get("n").getAsInt()));
        }
        List<ClaimCount> claims = new ArrayList<>();
        for (var e : json.getAsJsonObject("claims").entrySet()) {
            JsonObject c = e.getValue().getAsJsonObject();
            if (!c.has("subject")) {
                continue;
            }
            String ref = c.get("reference").getAsString();
            boolean fixed = !numbers.containsKey(ref) && ref.matches("-?[\\d.]+(E-?\\d+)?");
            claims.add(new ClaimCount(e.getKey(), c.get("subject").getAsString(), fixed ? null : ref,
                    fixed ? Double.parseDouble(ref) : Double.NaN, c.get("holds").getAsInt(), c.get("seeds").getAsInt()));
        }
        List<String> seeds = new ArrayList<>();
        json.getAsJsonArray("seeds").forEach(e -> seeds.add(e.getAsString()));
        List<String> commits = new ArrayList<>();
        json.getAsJsonArray("git_commits").forEach(e -> commits.add(e.isJsonNull() ? "unknown" : e.getAsString()));
        String provenance = String.format("%s scale, seeds %s, commit %s", json.get("scale").getAsString(),
                String.join(", ", seeds), String.join(", ", commits));
        return new SeedAggregate(json.get("notebook").getAsString(), provenance, numbers, claims);
    }

    /** Scale, seeds and commits the aggregate came from. */
    public String provenance() {
        return provenance;
    }

    public Map<String, Spread> numbers() {
        return numbers;
    }

    public List<ClaimCount> claims() {
        return claims;
    }

    /** One bar chart per claim: its two numbers, mean over seeds with the 95% interval, and how often it held. */
    public BufferedImage figure() {
        List<Object> charts = new ArrayList<>();
        for (ClaimCount c : claims) {
            Spread ours = numbers.get(c.subject());
            if (ours == null) {
                continue;
            }
            Spread ref = c.reference() == null ? new Spread(c.fixedReference(), Double.NaN, Double.NaN, 0)
                    : numbers.get(c.reference());
            List<String> names = new ArrayList<>(List.of(c.subject()));
            List<Spread> spreads = new ArrayList<>(List.of(ours));
            if (ref != null) {
                names.add(c.reference() == null ? "fixed " + Claim.digits(c.fixedReference()) : c.reference());
                spreads.add(ref);
            }
            double[] means = spreads.stream().mapToDouble(Spread::mean).toArray();
            double[] halfWidths = spreads.stream().mapToDouble(s -> Double.isNaN(s.low()) ? 0 : (s.high() - s.low()) / 2).toArray();
            CategoryChart chart = Plots.bars(String.format(Locale.ROOT, "%s: holds in %d of %d seeds", c.id(), c.holds(), c.seeds()),
                    "mean, 95% interval", names, Map.of("over seeds", means), Map.of("over seeds", halfWidths));
            chart.getStyler().setLegendVisible(false);
            charts.add(chart);
        }
        if (charts.isEmpty()) {
            throw new IllegalStateException(notebook + ": no claim with its numbers in the aggregate.");
        }
        List<BufferedImage> rows = new ArrayList<>();
        for (int i = 0; i < charts.size(); i += 3) {
            rows.add(Plots.row(charts.subList(i, Math.min(charts.size(), i + 3)).toArray()));
        }
        return Plots.column(rows.toArray());
    }

    /** {@code SeedAggregate DIR...}: writes {@code DIR/claims.png} for each aggregate folder. */
    public static void main(String[] args) throws IOException {
        for (String dir : args) {
            Path d = Path.of(dir);
            SeedAggregate a = load(d);
            if (a.claims().isEmpty()) {
                continue;
            }
            BufferedImage figure = a.figure();
            AtomicFiles.write(d.resolve("claims.png"), out -> ImageIO.write(figure, "png", out));
            System.err.println(a.notebook + ": claims over seeds -> " + d.resolve("claims.png"));
        }
    }
}
