package org.thesislab.odgi;

import org.thesislab.core.ThesisVsHere;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The chapter's tables in Tablesaw form (Tables 3.1, 3.2, 3.3 and the training history). */
public final class OdgiTables {
    private OdgiTables() {
    }

    /** Table 3.1-style statistics of the data, next to the thesis' VEDAI / SDD / COCO rows. */
    public static Table datasetStats(AerialData data, String name) {
        AerialData.Stats s = data.stats(16);
        StringColumn set = StringColumn.create("data set", "VEDAI (thesis)", "SDD (thesis)", "MS-COCO (thesis)", name);
        DoubleColumn size = DoubleColumn.create("object size (% of image)", 0.113, 0.159, 14.96, s.objectAreaPercent());
        DoubleColumn empty = DoubleColumn.create("empty cells, 16x16 grid (%)", 95.1, 97.1, 49.4, 100 * s.emptyCellRatio16());
        DoubleColumn objects = DoubleColumn.create("objects / image", 2.96, 12.07, Double.NaN, s.objectsPerImage());
        DoubleColumn groups = DoubleColumn.create("groups / image (16x16)", Double.NaN, Double.NaN, Double.NaN, s.groupsPerImage());
        DoubleColumn perGroup = DoubleColumn.create("objects / group", Double.NaN, Double.NaN, Double.NaN, s.objectsPerGroup());
        return Table.create("Table 3.1: small, sparse objects", set, size, empty, objects, groups, perGroup);
    }

    /** Evaluated models, Table 3.2 style. */
    public static Table rows(String title, List<OdgiExperiment.Row> rows) {
        Table t = Table.create(title, StringColumn.create("model"), StringColumn.create("variant"), IntColumn.create("gamma"),
                DoubleColumn.create("AP@0.5"), DoubleColumn.create("AP@0.75"), DoubleColumn.create("ms / image"),
                DoubleColumn.create("kpixels / image"), DoubleColumn.create("M multiply-adds / image"),
                DoubleColumn.create("crops / image"), DoubleColumn.create("early exits / image"), IntColumn.create("parameters"));
        for (OdgiExperiment.Row r : rows) {
            t.stringColumn(0).append(r.model());
            t.stringColumn(1).append(r.variant());
            t.intColumn(2).append(r.gamma());
            t.doubleColumn(3).append(r.ap50());
            t.doubleColumn(4).append(r.ap75());
            t.doubleColumn(5).append(r.msPerImage());
            t.doubleColumn(6).append(r.megapixels() * 1000);
            t.doubleColumn(7).append(r.megaMacs());
            t.doubleColumn(8).append(r.cropsPerImage());
            t.doubleColumn(9).append(r.exitsPerImage());
            t.intColumn(10).append((int) r.parameters());
        }
        return t;
    }

    /** Table 3.3 layout: one row per variant, one AP@0.5 column per γ. */
    public static Table ablation(List<OdgiExperiment.Row> rows) {
        Map<String, Map<Integer, Double>> byVariant = new LinkedHashMap<>();
        List<Integer> gammas = new ArrayList<>();
        for (OdgiExperiment.Row r : rows) {
            byVariant.computeIfAbsent(r.variant(), k -> new LinkedHashMap<>()).put(r.gamma(), r.ap50());
            if (!gammas.contains(r.gamma())) {
                gammas.add(r.gamma());
            }
        }
        Table t = Table.create("Table 3.3 (AP@0.5): ablations of " + rows.get(0).model(), StringColumn.create("variant"));
        for (int g : gammas) {
            t.addColumns(DoubleColumn.create("γ=" + g));
        }
        for (var e : byVariant.entrySet()) {
            t.stringColumn(0).append(e.getKey());
            for (int k = 0; k < gammas.size(); k++) {
                t.doubleColumn(k + 1).append(e.getValue().getOrDefault(gammas.get(k), Double.NaN));
            }
        }
        return t;
    }

    /** Mean loss per epoch for every trained model. */
    public static Table history(List<OdgiTraining.Epoch> epochs) {
        Table t = Table.create("training", IntColumn.create("epoch"), StringColumn.create("model"),
                DoubleColumn.create("stage-1 / baseline loss"), DoubleColumn.create("stage-2 loss"), DoubleColumn.create("seconds"));
        for (OdgiTraining.Epoch e : epochs) {
            t.intColumn(0).append(e.epoch());
            t.stringColumn(1).append(e.model());
            t.doubleColumn(2).append(e.stage1Loss());
            t.doubleColumn(3).append(e.stage2Loss());
            t.doubleColumn(4).append(e.seconds());
        }
        return t;
    }

    /** The τ sweep of one model as a τ_low × τ_high grid per τ_nms (for a heatmap). */
    public static double[][] tauGrid(List<OdgiExperiment.TauPoint> sweep, double tauNms, double[] lows, double[] highs) {
        double[][] v = new double[lows.length][highs.length];
        for (int i = 0; i < lows.length; i++) {
            for (int j = 0; j < highs.length; j++) {
                final int a = i, b = j;
                v[i][j] = sweep.stream().filter(p -> p.tauNms() == tauNms && p.tauLow() == lows[a] && p.tauHigh() == highs[b])
                        .mapToDouble(OdgiExperiment.TauPoint::ap50).findFirst().orElse(Double.NaN);
            }
        }
        return v;
    }

    /** Thesis AP@0.5 on VEDAI (Table 3.2) for the settings that correspond to ours (sizes divided by 8). */
    private static final Map<String, Double> THESIS_AP50 = Map.of(
            "ODGI 64-32", 0.646, "ODGI 64-8", 0.562, "ODGI 32-16", 0.470, "ODGI 32-8", 0.386, "ODGI 16-8", 0.143,
            "single-shot 128", 0.684, "single-shot 64", 0.383, "single-shot 32", 0.102);
    private static final Map<String, String> THESIS_NAME = Map.of(
            "ODGI 64-32", "ODGI-tt 512-256", "ODGI 64-8", "ODGI-tt 512-64", "ODGI 32-16", "ODGI-tt 256-128",
            "ODGI 32-8", "ODGI-tt 256-64", "ODGI 16-8", "ODGI-tt 128-64",
            "single-shot 128", "tiny-yolo 1024", "single-shot 64", "tiny-yolo 512", "single-shot 32", "tiny-yolo 256");

    /**
     * The chapter's summary.json numbers: the headline ODGI model (AP@0.5 and @0.75, megapixels and milliseconds
     * per image), the single-shot baselines at the highest resolution and at ODGI's first-stage resolution, and
     * the ablations without groups and without offsets at the headline's γ (NaN when not retrained).
     */
    public static Map<String, Double> summary(OdgiResults results) {
        OdgiExperiment.Config cfg = results.config();
        int hi = cfg.highResolution(), lo = cfg.odgiResolutions()[0][0];
        var odgi = results.headline();
        Map<String, Double> s = new LinkedHashMap<>();
        s.put("odgi_ap50", odgi.ap50());
        s.put("odgi_ap75", odgi.ap75());
        s.put("odgi_megapixels_per_image", odgi.megapixels());
        s.put("odgi_ms_per_image", odgi.msPerImage());
        s.put("baseline_hi_ap50", results.baseline(hi).ap50());
        s.put("baseline_hi_megapixels_per_image", results.baseline(hi).megapixels());
        s.put("baseline_hi_ms_per_image", results.baseline(hi).msPerImage());
        s.put("baseline_lo_ap50", results.baseline(lo).ap50());
        s.put("no_groups_ap50", cfg.retrainNoGroups() ? results.ablation("no groups", odgi.gamma()).ap50() : Double.NaN);
        s.put("no_offsets_ap50", results.ablation("no offsets", odgi.gamma()).ap50());
        return s;
    }

    /**
     * Thesis beside here: AP@0.5 of every model that has a counterpart in Table 3.2 (VEDAI), the
     * headline ratios (time and pixels relative to the high-resolution baseline), and the Table 3.3
     * ablations (SDD, ODGI-tt 512-256, γ = 3) as ratios to the full model.
     */
    public static ThesisVsHere thesisVsHere(OdgiResults r) {
        ThesisVsHere t = new ThesisVsHere("Thesis vs here");
        int high = r.config().highResolution();
        String here = String.format("SparseClusters %d px, %d training images", r.config().canvas(), r.config().trainImages());
        List<OdgiExperiment.Row> models = new ArrayList<>(r.odgiAtChosenGamma());
        models.addAll(r.baselines());
        for (OdgiExperiment.Row m : models) {
            if (THESIS_AP50.containsKey(m.model())) {
                t.row("AP@0.5 " + m.model() + (m.gamma() > 0 ? " (γ=" + m.gamma() + ")" : ""), THESIS_AP50.get(m.model()),
                        "VEDAI, " + THESIS_NAME.get(m.model()) + ", Table 3.2", m.ap50(), here);
            }
        }
        OdgiExperiment.Row odgi = r.headline(), hi = r.baseline(high);
        String thesis = "VEDAI, ODGI-tt 512-256 (γ=3) / tiny-yolo 1024, Table 3.2";
        t.row("AP@0.75 " + odgi.model(), 0.422, "VEDAI, ODGI-tt 512-256, Table 3.2", odgi.ap75(), here);
        t.row("AP@0.75 " + hi.model(), 0.252, "VEDAI, tiny-yolo 1024, Table 3.2", hi.ap75(), here);
        t.row("ODGI / high-res: AP@0.5", 0.646 / 0.684, thesis, odgi.ap50() / hi.ap50(), here);
        t.row("ODGI / high-res: CPU time", 0.83 / 1.93, thesis, odgi.msPerImage() / hi.msPerImage(), here + ", 1 thread");
        t.row("ODGI / high-res: pixels", 458.0 / 1049.0, thesis, odgi.megapixels() / hi.megapixels(), here);
        boolean hasGamma3 = r.ablation().stream().anyMatch(a -> a.gamma() == 3 && a.variant().equals("full"));
        if (hasGamma3) {
            double full = r.ablation("full", 3).ap50();
            String sdd = "SDD, ODGI-tt 512-256, γ=3, Table 3.3";
            // Table 3.3's ablation rows, in the thesis' order (Map.of would iterate in a different order each JVM)
            for (var e : List.of(Map.entry("no groups", 0.321), Map.entry("fixed offsets", 0.136), Map.entry("no offsets", 0.127))) {
                if (r.ablation().stream().anyMatch(a -> a.gamma() == 3 && a.variant().equals(e.getKey()))) {
                    t.row(e.getKey() + " / full: AP@0.5", e.getValue() / 0.361, sdd, r.ablation(e.getKey(), 3).ap50() / full, here + ", γ=3");
                }
            }
        }
        return t;
    }

    /**
     * The headline in words, with the verdict computed from this run's numbers: ODGI "close" to the
     * high-resolution baseline means at least {@link OdgiExperiment#CLOSE_SHARE} of its AP@0.5; "clearly less compute"
     * means at most {@link OdgiExperiment#CHEAPER_SHARE} of its pixels and multiply-adds; "clearly beats" the same-R1
     * baseline means at least {@link OdgiExperiment#BEATS_MARGIN} more AP@0.5. The high resolution is the
     * highest baseline's; the low one is the first ODGI model's first stage.
     */
    public static String headline(OdgiResults r) {
        int high = r.config().highResolution(), low = r.config().odgiResolutions()[0][0];
        OdgiExperiment.Row o = r.headline(), hi = r.baseline(high), lo = r.baseline(low);
        double apRatio = o.ap50() / hi.ap50(), pixRatio = o.megapixels() / hi.megapixels(), macRatio = o.megaMacs() / hi.megaMacs();
        boolean close = apRatio >= OdgiExperiment.CLOSE_SHARE, cheaper = pixRatio <= OdgiExperiment.CHEAPER_SHARE && macRatio <= OdgiExperiment.CHEAPER_SHARE,
                beatsLow = o.ap50() >= lo.ap50() + OdgiExperiment.BEATS_MARGIN;
        StringBuilder s = new StringBuilder(String.format(java.util.Locale.ROOT,
                "%s (γ=%d) reaches AP@0.5 %.3f, %.0f%% of the %d-px single-shot detector's %.3f, with %.0f%% of its pixels, "
                        + "%.0f%% of its multiply-adds and %.0f%% of its time; at ODGI's first-stage resolution (%d px) the single-shot "
                        + "detector reaches %.3f. AP@0.75: ODGI %.3f vs %.3f.%n",
                o.model(), o.gamma(), o.ap50(), 100 * apRatio, high, hi.ap50(), 100 * pixRatio, 100 * macRatio,
                100 * o.msPerImage() / hi.msPerImage(), low, lo.ap50(), o.ap75(), hi.ap75()));
        s.append("close to the high-resolution baseline: ").append(close ? "yes" : "NO")
                .append("; clearly less compute: ").append(cheaper ? "yes" : "NO")
                .append("; clearly beats the same-resolution baseline: ").append(beatsLow ? "yes" : "NO");
        r.ablation().stream().filter(a -> a.gamma() == o.gamma() && !a.variant().equals("full")).forEach(a ->
                s.append(String.format(java.util.Locale.ROOT, "%n%s: AP@0.5 %.3f (%+.3f vs full)", a.variant(), a.ap50(), a.ap50() - o.ap50())));
        return s.toString();
    }
}
