package org.thesislab.avr;

import org.knowm.xchart.XYChart;
import org.thesislab.core.ThesisVsHere;
import org.thesislab.viz.Plots;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static org.thesislab.avr.RationaleModel.Kind;

/** The chapter's figures and tables, and the thesis' reported numbers they are compared with. */
public final class AvrReport {

    private AvrReport() {
    }

    /** Table 2.2, 3DS: {Y_train, Y_heldout} per model and held-out setting 1..3. */
    public static final Map<Kind, double[][]> THESIS_3DS = Map.of(
            Kind.CNN, new double[][] {{.997, .000}, {.996, .000}, {.994, .000}},
            Kind.RN, new double[][] {{.767, .000}, {.763, .000}, {.754, .000}},
            Kind.CNN_C, new double[][] {{.997, .000}, {.998, .042}, {.998, .000}},
            Kind.RN_C, new double[][] {{.978, .020}, {.971, .131}, {.971, .002}},
            Kind.CNN_CO, new double[][] {{.999, .988}, {.998, .913}, {.999, .978}},
            Kind.RN_CO, new double[][] {{.970, .797}, {.965, .946}, {.971, .923}},
            Kind.CNN_STAR, new double[][] {{.996, .000}, {.993, .000}, {.989, .000}},
            Kind.CNN_STAR_C, new double[][] {{1.0, .910}, {1.0, .918}, {1.0, .899}});

    /** Table 2.2, Raven without distractors. */
    public static final Map<Kind, double[][]> THESIS_RAVEN = Map.of(
            Kind.CNN, new double[][] {{.753, .000}, {.767, .000}, {.765, .000}},
            Kind.RN, new double[][] {{.736, .000}, {.753, .000}, {.763, .000}},
            Kind.CNN_C, new double[][] {{.723, .003}, {.762, .000}, {.750, .000}},
            Kind.RN_C, new double[][] {{.785, .000}, {.759, .000}, {.814, .000}},
            Kind.CNN_CO, new double[][] {{.675, .070}, {.710, .042}, {.692, .048}},
            Kind.RN_CO, new double[][] {{.726, .080}, {.690, .000}, {.699, .000}},
            Kind.CNN_STAR, new double[][] {{.941, .000}, {.958, .000}, {.951, .000}},
            Kind.CNN_STAR_C, new double[][] {{.998, .974}, {.994, .950}, {.994, .982}});

    /** Table 2.2, Raven with distractors. */
    public static final Map<Kind, double[][]> THESIS_RAVEN_DISTRACTORS = Map.of(
            Kind.CNN, new double[][] {{.330, .000}, {.339, .000}, {.324, .000}},
            Kind.RN, new double[][] {{.312, .000}, {.301, .000}, {.291, .000}},
            Kind.CNN_C, new double[][] {{.394, .000}, {.415, .000}, {.360, .000}},
            Kind.RN_C, new double[][] {{.425, .000}, {.406, .000}, {.430, .000}},
            Kind.CNN_CO, new double[][] {{.327, .030}, {.329, .000}, {.327, .000}},
            Kind.RN_CO, new double[][] {{.333, .000}, {.356, .002}, {.335, .000}},
            Kind.CNN_STAR, new double[][] {{.639, .000}, {.658, .000}, {.647, .000}},
            Kind.CNN_STAR_C, new double[][] {{.994, .975}, {.987, .966}, {.994, .984}});

    /** Table 2.3, 3DS: {obliviousness MI, MIG} of the consistent models. */
    public static final Map<Kind, double[]> THESIS_3DS_INFO = Map.of(
            Kind.CNN_C, new double[] {1.61, 0.50},
            Kind.RN_C, new double[] {1.57, 0.76},
            Kind.CNN_CO, new double[] {1.53, 0.53},
            Kind.RN_CO, new double[] {1.25, 0.91},
            Kind.CNN_STAR_C, new double[] {0.15, 1.00});

    /** Table 2.3, Raven without distractors. */
    public static final Map<Kind, double[]> THESIS_RAVEN_INFO = Map.of(
            Kind.CNN_C, new double[] {2.20, 0.10},
            Kind.RN_C, new double[] {2.20, 0.14},
            Kind.CNN_CO, new double[] {2.19, 0.11},
            Kind.RN_CO, new double[] {2.16, 0.10},
            Kind.CNN_STAR_C, new double[] {0.71, 0.51});

    /** Table 2.3, Raven with distractors. */
    public static final Map<Kind, double[]> THESIS_RAVEN_DISTRACTORS_INFO = Map.of(
            Kind.CNN_C, new double[] {2.08, 0.06},
            Kind.RN_C, new double[] {2.20, 0.05},
            Kind.CNN_CO, new double[] {1.95, 0.03},
            Kind.RN_CO, new double[] {2.10, 0.03},
            Kind.CNN_STAR_C, new double[] {0.70, 0.55});

    /** The thesis' Table 2.2 for a benchmark (by its name). */
    public static Map<Kind, double[][]> thesisAccuracy(String benchmark) {
        return benchmark.startsWith("3DS") ? THESIS_3DS
                : benchmark.contains("(distractors)") ? THESIS_RAVEN_DISTRACTORS : THESIS_RAVEN;
    }

    /** The thesis' Table 2.3 for a benchmark (by its name). */
    public static Map<Kind, double[]> thesisInformation(String benchmark) {
        return benchmark.startsWith("3DS") ? THESIS_3DS_INFO
                : benchmark.contains("(distractors)") ? THESIS_RAVEN_DISTRACTORS_INFO : THESIS_RAVEN_INFO;
    }

    /** The universe at a glance: every property with its values, and the rules. */
    public static Table universeTable(Universe u) {
        StringColumn prop = StringColumn.create("property p");
        StringColumn values = StringColumn.create("values V_p");
        DoubleColumn count = DoubleColumn.create("|V_p|");
        for (Property p : u.properties()) {
            prop.append(p.name());
            values.append(p.format(p.domain()[0]) + " .. " + p.format(p.domain()[p.cardinality() - 1]));
            count.append(p.cardinality());
        }
        StringColumn rules = StringColumn.create("rules R");
        for (int i = 0; i < u.numProperties(); i++) {
            rules.append(i < u.numRules() ? u.rule(i).name() + " (arity " + u.rule(i).arity() + ")" : "");
        }
        return Table.create(u.name() + ": " + u.numRules() + " rules x " + u.numProperties() + " properties = "
                + u.rationales().size() + " rationales", prop, values, count, rules);
    }

    /**
     * Example sequences, one per row: the n panels enlarged, titled with the rationale, the values of its
     * property under each panel, and the distractors.
     */
    public static BufferedImage examples(AvrDataset d, int[] indices, int zoom) {
        int n = d.length();
        int side = d.size() * zoom;
        int pad = 8;
        int title = 34;
        int caption = 30;
        int width = Math.max(pad + n * (side + pad), 420);
        int rowH = title + side + caption + pad;
        BufferedImage img = new BufferedImage(width, pad + indices.length * rowH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        Universe u = d.universe();
        for (int row = 0; row < indices.length; row++) {
            int i = indices[row];
            int y = pad + row * rowH;
            Rationale rat = d.rationale(i);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString("rationale: " + u.describe(rat), pad, y + 12);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setColor(Color.DARK_GRAY);
            String caption2 = d.caption(i);
            g.drawString(caption2.substring(caption2.indexOf('|') + 2), pad, y + 27);
            for (int panel = 0; panel < n; panel++) {
                int x = pad + panel * (side + pad);
                g.drawImage(d.image(i, panel), x, y + title, side, side, null);
                g.setColor(Color.BLACK);
                // two lines, each cut to the panel's width, so that long values do not run into the next panel
                FontMetrics fm = g.getFontMetrics();
                g.drawString(Plots.ellipsize(u.property(rat.property()).name(), fm, side + pad - 2), x, y + title + side + 13);
                g.drawString(Plots.ellipsize("= " + u.property(rat.property()).format(d.value(i, panel, rat.property())),
                        fm, side + pad - 2), x, y + title + side + 26);
            }
        }
        g.dispose();
        return img;
    }

    /** Indices of the first sequence of each of {@code count} different rationales. */
    public static int[] oneOfEach(AvrDataset d, int count) {
        List<Integer> picked = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < d.count() && picked.size() < count; i++) {
            if (seen.add(d.labels()[i])) {
                picked.add(i);
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The rule x property grid: 0 = in Y_train of every setting, s = held out in setting s. */
    public static BufferedImage heldOutGrid(Universe u, List<HeldOut> settings) {
        double[][] grid = new double[u.numRules()][u.numProperties()];
        for (HeldOut h : settings) {
            for (Rationale rat : h.heldOut()) {
                grid[rat.rule()][rat.property()] = h.setting() + 1;
            }
        }
        for (int r = 0; r < u.numRules(); r++) {
            for (int p = 0; p < u.numProperties(); p++) {
                if (!u.isPermitted(new Rationale(r, p))) {
                    grid[r][p] = Double.NaN;
                }
            }
        }
        return Plots.heatmap(u.name() + ": held out in setting",
                u.rules().stream().map(Rule::name).toList(), u.properties().stream().map(Property::name).toList(),
                grid, "%.0f");
    }

    /** Validation accuracy (Y_train) per epoch of every model. */
    public static XYChart curves(Map<Kind, RationaleExperiment.Outcome> outcomes, String column) {
        Map<String, double[]> series = new LinkedHashMap<>();
        for (var e : outcomes.entrySet()) {
            series.put(e.getKey().label(), e.getValue().history().doubleColumn(column).asDoubleArray());
        }
        return Plots.curves(column.replace('_', ' ') + " per epoch", "epoch", column.replace('_', ' '), series);
    }

    /** Table 2.2 for one held-out setting: ours beside the thesis'. */
    public static Table accuracyTable(Map<Kind, RationaleExperiment.Outcome> outcomes, String benchmark, HeldOut split,
                                      String scale) {
        StringColumn model = StringColumn.create("model");
        StringColumn criteria = StringColumn.create("criteria");
        DoubleColumn train = DoubleColumn.create("Y_train (here)");
        DoubleColumn held = DoubleColumn.create("Y_heldout (here)");
        DoubleColumn tTrain = DoubleColumn.create("Y_train (thesis)");
        DoubleColumn tHeld = DoubleColumn.create("Y_heldout (thesis)");
        for (var e : outcomes.entrySet()) {
            Kind k = e.getKey();
            model.append(k.label());
            criteria.append(criteria(k));
            train.append(e.getValue().trainAccuracy());
            held.append(e.getValue().heldOutAccuracy());
            double[] t = thesisAccuracy(benchmark).get(k)[split.setting()];
            tTrain.append(t[0]);
            tHeld.append(t[1]);
        }
        return Table.create("Rationale accuracy, " + benchmark + ", held-out setting " + (split.setting() + 1) + " (here: "
                + scale + "; chance " + String.format("%.3f", 1.0 / split.universe().rationales().size()) + ")",
                model, criteria, train, held, tTrain, tHeld);
    }

    private static String criteria(Kind k) {
        return switch (k) {
            case CNN, RN -> "none";
            case CNN_C, RN_C -> "systematic + consistent";
            case CNN_CO, RN_CO -> "syst. + cons. + weakly oblivious (DANN)";
            case CNN_STAR -> "syst. + oblivious (supervised)";
            case CNN_STAR_C -> "syst. + cons. + oblivious (supervised)";
        };
    }

    /**
     * Where the held-out sequences go: rows = the held-out rationales, columns = predicted rationale,
     * cells = fraction of that row's sequences.
     */
    public static BufferedImage heldOutConfusion(RationaleExperiment.Outcome o, AvrDataset heldOutTest, HeldOut split) {
        Universe u = split.universe();
        List<Rationale> rows = split.heldOut();
        double[][] m = new double[rows.size()][u.numClasses()];
        int[] total = new int[rows.size()];
        for (int i = 0; i < heldOutTest.count(); i++) {
            int r = rows.indexOf(heldOutTest.rationale(i));
            m[r][o.heldOutPredictions()[i]]++;
            total[r]++;
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < u.numClasses(); c++) {
                m[r][c] /= Math.max(1, total[r]);
            }
        }
        List<String> cols = new ArrayList<>();
        for (int c = 0; c < u.numClasses(); c++) {
            Rationale rat = u.rationale(c);
            cols.add(shortName(u, rat) + (split.isHeldOut(rat) ? " *" : ""));
        }
        return Plots.heatmap(o.kind().label() + ": predictions on held-out sequences (* = held-out class)",
                "true (held-out) rationale", "predicted rationale (share of the row's sequences)",
                rows.stream().map(r -> shortName(u, r)).toList(), cols, m, "%.2f");
    }

    static String shortName(Universe u, Rationale rat) {
        return u.rule(rat.rule()).name() + " " + u.property(rat.property()).name();
    }

    /** Table 2.3: obliviousness (2.4) and MIG of the consistent models, beside the thesis. */
    public static Table informationTable(Map<Kind, RationaleExperiment.Outcome> outcomes, String benchmark, Universe u) {
        StringColumn model = StringColumn.create("model");
        DoubleColumn obl = DoubleColumn.create("obliviousness I[Z_r,P; P] (here)");
        DoubleColumn mig = DoubleColumn.create("MIG (here)");
        DoubleColumn tObl = DoubleColumn.create("obliviousness (thesis)");
        DoubleColumn tMig = DoubleColumn.create("MIG (thesis)");
        DoubleColumn dom = DoubleColumn.create("domain classifier accuracy (here)");
        for (var e : outcomes.entrySet()) {
            double[] t = thesisInformation(benchmark).get(e.getKey());
            if (t == null) {
                continue;
            }
            model.append(e.getKey().label());
            obl.append(e.getValue().obliviousness());
            mig.append(e.getValue().mig());
            tObl.append(t[0]);
            tMig.append(t[1]);
            dom.append(e.getValue().domainAccuracy());
        }
        return Table.create(String.format("Obliviousness (lower is better, max ln %d = %.3f) and MIG (higher is better), %s",
                u.numProperties(), Math.log(u.numProperties()), benchmark),
                model, obl, tObl, mig, tMig, dom);
    }

    /** Table 2.4: I(f_p(x); v_p') as a heatmap, rows = values, columns = code blocks. */
    public static BufferedImage informativeness(RationaleExperiment.Outcome o, Universe u) {
        List<String> values = u.properties().stream().map(p -> "v: " + p.name()).toList();
        List<String> blocks = u.properties().stream().map(p -> "f: " + p.name()).toList();
        return Plots.heatmap(o.kind().label() + ": I(f_p(x); v_p') in nats", values, blocks, o.informativeness(), "%.2f");
    }

    /**
     * The chapter's summary.json numbers for one benchmark's outcomes, keys prefixed with {@code prefix}
     * ("" for 3DS, "raven_" for Raven): held-out accuracy per model, CNN's training accuracy, the obliviousness
     * estimate of CNN-c and CNN-co, and the accuracy of CNN-co's domain classifiers; models not trained are left out.
     */
    public static Map<String, Double> summary(Map<Kind, RationaleExperiment.Outcome> o, String prefix) {
        Map<String, Double> s = new LinkedHashMap<>();
        record Entry(Kind kind, String key, ToDoubleFunction<RationaleExperiment.Outcome> value) {
        }
        List<Entry> entries = List.of(
                new Entry(Kind.CNN, "cnn_train_acc", RationaleExperiment.Outcome::trainAccuracy),
                new Entry(Kind.CNN, "cnn_heldout_acc", RationaleExperiment.Outcome::heldOutAccuracy),
                new Entry(Kind.CNN_C, "cnn_c_heldout_acc", RationaleExperiment.Outcome::heldOutAccuracy),
                new Entry(Kind.CNN_CO, "cnn_co_heldout_acc", RationaleExperiment.Outcome::heldOutAccuracy),
                new Entry(Kind.RN, "rn_heldout_acc", RationaleExperiment.Outcome::heldOutAccuracy),
                new Entry(Kind.RN_C, "rn_c_heldout_acc", RationaleExperiment.Outcome::heldOutAccuracy),
                new Entry(Kind.RN_CO, "rn_co_heldout_acc", RationaleExperiment.Outcome::heldOutAccuracy),
                new Entry(Kind.CNN_STAR_C, "oracle_heldout_acc", RationaleExperiment.Outcome::heldOutAccuracy),
                new Entry(Kind.CNN_CO, "cnn_co_oblivious_mi", RationaleExperiment.Outcome::obliviousness),
                new Entry(Kind.CNN_C, "cnn_c_oblivious_mi", RationaleExperiment.Outcome::obliviousness),
                new Entry(Kind.CNN_CO, "cnn_co_domain_acc", RationaleExperiment.Outcome::domainAccuracy));
        for (Entry e : entries) {
            if (o.containsKey(e.kind())) {
                s.put(prefix + e.key(), e.value().applyAsDouble(o.get(e.kind())));
            }
        }
        return s;
    }

    /** The headline numbers beside the thesis'. */
    public static ThesisVsHere thesisVsHere(ThesisVsHere t, Map<Kind, RationaleExperiment.Outcome> outcomes, String benchmark,
                                            HeldOut split, String here) {
        String thesis = benchmark + ", 100k sequences, held-out setting " + (split.setting() + 1) + ", Table 2.2";
        for (var e : outcomes.entrySet()) {
            double[] th = thesisAccuracy(benchmark).get(e.getKey())[split.setting()];
            t.row(e.getKey().label() + ": Y_train accuracy", th[0], thesis, e.getValue().trainAccuracy(), here);
            t.row(e.getKey().label() + ": Y_heldout accuracy", th[1], thesis, e.getValue().heldOutAccuracy(), here);
        }
        for (var e : outcomes.entrySet()) {
            double[] th = thesisInformation(benchmark).get(e.getKey());
            if (th != null) {
                t.row(e.getKey().label() + ": obliviousness MI", th[0], benchmark + ", Table 2.3", e.getValue().obliviousness(), here);
            }
        }
        return t;
    }
}
