package org.thesislab.core;

import ai.djl.Device;
import ai.djl.engine.Engine;
import com.google.gson.GsonBuilder;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.thesislab.viz.Display;
import org.thesislab.viz.Plots;
import org.thesislab.viz.Tables;
import tech.tablesaw.api.Table;

/**
 * One execution of a notebook (or of an experiment from a test): its scale, seed and device, and the
 * results folder where every figure, table and headline number it shows is also written, with the
 * provenance needed to trace a number back to the run that made it.
 *
 * <p>Layout of {@link #dir()}: {@code figures/NAME.png}, {@code tables/NAME.csv}, {@code summary.json}.
 */
public final class Run {
    public static final String RESULTS_ENV = "THESISLAB_RESULTS";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    private final String name;
    private final Scale scale;
    private final long seed;
    private final Device device;
    private final Path dir;
    private final Map<String, Object> summary = new LinkedHashMap<>();

    private Run(String name, Scale scale, long seed, Device device, Path dir) {
        this.name = name;
        this.scale = scale;
        this.seed = seed;
        this.device = device;
        this.dir = dir;
        summary.put("notebook", name);
        summary.put("scale", scale.label());
        summary.put("seed", seed);
        summary.put("device", Devices.describe(device));
        summary.put("cpu_kernels", CpuKernels.describe());
        summary.put("git_commit", Project.gitCommit());
        summary.put("started", Instant.now().toString());
        summary.put("java", System.getProperty("java.version"));
        summary.put("engine", Engine.getInstance().getEngineName() + " " + Engine.getInstance().getVersion());
        summary.put("djl", Engine.getDjlVersion());
    }

    /**
     * Starts a run at the scale and seed of the environment ({@code THESISLAB_SCALE}, {@code THESISLAB_SEED})
     * on the best device; results go to {@code THESISLAB_RESULTS} (set by {@code environment/lab reproduce}) or
     * {@code build/interactive/NAME}.
     */
    public static Run start(String name) {
        return start(name, Scale.current(), Seeds.current());
    }

    public static Run start(String name, Scale scale, long seed) {
        String env = System.getenv(RESULTS_ENV);
        // outside `environment/lab reproduce` (a notebook opened in Jupyter, a program of your own) results go
        // apart from reproduce's build/results/NAME, so exploring never overwrites a reproduction
        Path dir = env == null || env.isBlank() ? Project.root().resolve("build").resolve("interactive").resolve(name) : Path.of(env);
        return start(name, scale, seed, dir);
    }

    public static Run start(String name, Scale scale, long seed, Path dir) {
        checkName(name);
        Seeds.seedEngine(seed);
        Threads.configure();
        Run run = new Run(name, scale, seed, Devices.best(), dir.toAbsolutePath());
        run.writeSummary();
        String line = String.format("%s · scale %s · seed %d · device %s · commit %s", name, scale, seed,
                Devices.describe(run.device), run.summary.get("git_commit"));
        if (Display.inNotebook()) {
            Display.html("<div style=\"font-family:monospace;color:#444\">" + Tables.escape(line) + "</div>");
        } else {
            System.out.println(line);
        }
        return run;
    }

    public String name() {
        return name;
    }

    public Scale scale() {
        return scale;
    }

    public long seed() {
        return seed;
    }

    public Device device() {
        return device;
    }

    public Path dir() {
        return dir;
    }

    /**
     * Saves {@code figures/NAME.png} and shows it; takes an XChart chart or a BufferedImage. Returns nothing
     * so that a cell ending with it does not show the figure twice.
     */
    public void figure(String figureName, Object figure) {
        liveFigure(figureName).update(figure);
    }

    /**
     * A figure that is redrawn in place (e.g. training curves after each epoch); every update also rewrites
     * {@code figures/NAME.png}, so the file always holds what the notebook shows last.
     */
    public LiveFigure liveFigure(String figureName) {
        checkName(figureName);
        return new LiveFigure(dir.resolve("figures").resolve(figureName + ".png"));
    }

    /** Saves {@code tables/NAME.csv} and shows the table as HTML. */
    public void table(String tableName, Table table) {
        checkName(tableName);
        AtomicFiles.write(dir.resolve("tables").resolve(tableName + ".csv"), out -> table.write().csv(out));
        if (Display.inNotebook()) {
            Display.html(Tables.html(table));
        } else {
            System.out.println(table.printAll());
        }
    }

    /**
     * Saves and shows the thesis-vs-here table as {@code tables/thesis-vs-here.csv}; its title names this run's scale
     * and seed, which the "here" column's sizes do not.
     */
    public void thesisVsHere(ThesisVsHere comparison) {
        Table t = comparison.table();
        table("thesis-vs-here", t.setName(t.name() + " (here: " + scale.label() + " scale, seed " + seed + ")"));
    }

    /** A figure shown once and then updated in place. */
    public static final class LiveFigure {
        private final Path file;
        private String displayId;

        private LiveFigure(Path file) {
            this.file = file;
        }

        public void update(Object figure) {
            BufferedImage image = Plots.toImage(figure);
            byte[] png = Display.png(image);
            AtomicFiles.write(file, out -> out.write(png));
            if (displayId == null) {
                displayId = Display.image(image);
            } else {
                Display.updateImage(displayId, image);
            }
        }
    }

    /**
     * Records the chapter's configuration in summary.json under {@code config} ({@link Configs#flatten}) and
     * returns it: {@code var cfg = run.config(Chapter.Config.forScale(run.scale()));}. A second configuration
     * of the same notebook goes under its own name ({@link #config(String, Record)}).
     */
    public <T extends Record> T config(T config) {
        return config("config", config);
    }

    /** Records a configuration in summary.json under {@code key} and returns it. */
    public synchronized <T extends Record> T config(String key, T config) {
        checkKey("Configuration key", key);
        summary.put(key, Configs.flatten(config));
        writeSummary();
        return config;
    }

    /**
     * The verdicts of the chapter's thesis claims on this run's summary numbers ({@link Claim#judge}): written to
     * summary.json under {@code claims} (id -> verdict) and to {@code tables/claims.csv}, and shown as the table a
     * notebook ends with. Call it after the summary numbers are recorded. Nothing is returned, so that a cell
     * ending with it shows the table once ({@link Claim#judge} gives the verdicts to code).
     */
    public void claims(List<Claim> claims) {
        List<Claim.Verdict> verdicts = claims.stream().map(c -> c.judge(summary)).toList();
        Map<String, String> outcomes = new LinkedHashMap<>();
        verdicts.forEach(v -> outcomes.put(v.claim().id(), v.outcome().label));
        synchronized (this) {
            summary.put("claims", outcomes);
            writeSummary();
        }
        table("claims", Claim.table("Thesis claims, " + scale.label() + " scale, seed " + seed, verdicts));
    }

    /**
     * Shows this notebook's thesis claims over seeds ({@code claims.png} of {@code environment/lab reproduce --seeds},
     * from {@code build/results/seeds/aggregate/NAME}) with the scale, seeds and commits they came from, or says how
     * to make them. In a reproduce run it only names the file: an executed notebook shows its own run's numbers.
     */
    public void claimsOverSeeds() {
        String root = System.getenv("THESISLAB_RESULTS_ROOT");
        Path aggregate = (root == null || root.isBlank() ? Project.root().resolve("build").resolve("results") : Path.of(root))
                .resolve("seeds").resolve("aggregate").resolve(name);
        String results = System.getenv(RESULTS_ENV);
        if (!Files.isRegularFile(aggregate.resolve("aggregate.json"))) {
            System.out.println("No runs over seeds yet: environment/lab reproduce --seeds 0-2 " + name
                    + " runs this notebook for seeds 0, 1 and 2 and counts in how many each claim holds.");
        } else if (results != null && !results.isBlank()) {
            System.out.println("The claims over seeds are in " + aggregate.resolve("claims.png") + ".");
        } else {
            SeedAggregate a = SeedAggregate.load(aggregate);
            System.out.println("Claims over seeds: " + a.provenance());
            Display.image(a.figure());
        }
    }

    /** Records a headline number in summary.json (rewritten atomically at once). */
    public void summary(String key, double value) {
        putSummary(key, Double.isFinite(value) ? (Object) value : String.valueOf(value));
    }

    /** Records several headline numbers at once (a chapter's {@code summary(...)} of its result records). */
    public void summary(Map<String, ? extends Number> numbers) {
        numbers.forEach((k, v) -> summary(k, v.doubleValue()));
    }

    public void summary(String key, String value) {
        putSummary(key, value);
    }

    /** A copy of everything recorded so far, provenance included. */
    public Map<String, Object> summary() {
        return new LinkedHashMap<>(summary);
    }

    private synchronized void putSummary(String key, Object value) {
        checkKey("Summary key", key);
        summary.put(key, value);
        writeSummary();
    }

    private void writeSummary() {
        AtomicFiles.writeString(dir.resolve("summary.json"),
                new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(summary) + "\n");
    }

    private static void checkKey(String what, String key) {
        if (!key.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException(what + " '" + key + "' must be lower_snake_case (a-z, 0-9, _).");
        }
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a usable name: use lower case letters, digits, '.', '_' and '-'.");
        }
    }
}
