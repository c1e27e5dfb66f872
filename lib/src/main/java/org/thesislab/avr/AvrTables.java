package org.thesislab.avr;

import org.thesislab.core.ThesisVsHere;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import static org.thesislab.avr.RationaleModel.Kind;

/**
 * The chapter's tables in Tablesaw form (the universes, Tables 2.2 and 2.3), the summary.json numbers, and the
 * thesis beside here. The thesis' numbers of Tables 2.2 and 2.3 live here because only these tables print them.
 */
public final class AvrTables {

    private AvrTables() {
    }

    /** Table 2.2, 3DS: {Y_train, Y_heldout} per model and held-out setting 1..3. */
    private static final Map<Kind, double[][]> THESIS_3DS = Map.of(
            Kind.CNN, new double[][] {{.997, .000}, {.996, .000}, {.994, .000}},
            Kind.RN, new double[][] {{.767, .000}, {.763, .000}, {.754, .000}},
            Kind.CNN_C, new double[][] {{.997, .000}, {.998, .042}, {.998, .000}},
            Kind.RN_C, new double[][] {{.978, .020}, {.971, .131}, {.971, .002}},
            Kind.CNN_CO, new double[][] {{.999, .988}, {.998, .913}, {.999, .978}},
            Kind.RN_CO, new double[][] {{.970, .797}, {.965, .946}, {.971, .923}},
            Kind.CNN_STAR, new double[][] {{.996, .000}, {.993, .000}, {.989, .000}},
            Kind.CNN_STAR_C, new double[][] {{1.0, .910}, {1.0, .918}, {1.0, .899}});

    /** Table 2.2, Raven without distractors. */
    private static final Map<Kind, double[][]> THESIS_RAVEN = Map.of(
            Kind.CNN, new double[][] {{.753, .000}, {.767, .000}, {.765, .000}},
            Kind.RN, new double[][] {{.736, .000}, {.753, .000}, {.763, .000}},
            Kind.CNN_C, new double[][] {{.723, .003}, {.762, .000}, {.750, .000}},
            Kind.RN_C, new double[][] {{.785, .000}, {.759, .000}, {.814, .000}},
            Kind.CNN_CO, new double[][] {{.675, .070}, {.710, .042}, {.692, .048}},
            Kind.RN_CO, new double[][] {{.726, .080}, {.690, .000}, {.699, .000}},
            Kind.CNN_STAR, new double[][] {{.941, .000}, {.958, .000}, {.951, .000}},
            Kind.CNN_STAR_C, new double[][] {{.998, .974}, {.994, .950}, {.994, .982}});

    /** Table 2.2, Raven with distractors. */
    private static final Map<Kind, double[][]> THESIS_RAVEN_DISTRACTORS = Map.of(
            Kind.CNN, new double[][] {{.330, .000}, {.339, .000}, {.324, .000}},
            Kind.RN, new double[][] {{.312, .000}, {.301, .000}, {.291, .000}},
            Kind.CNN_C, new double[][] {{.394, .000}, {.415, .000}, {.360, .000}},
            Kind.RN_C, new double[][] {{.425, .000}, {.406, .000}, {.430, .000}},
            Kind.CNN_CO, new double[][] {{.327, .030}, {.329, .000}, {.327, .000}},
            Kind.RN_CO, new double[][] {{.333, .000}, {.356, .002}, {.335, .000}},
            Kind.CNN_STAR, new double[][] {{.639, .000}, {.658, .000}, {.647, .000}},
            Kind.CNN_STAR_C, new double[][] {{.994, .975}, {.987, .966}, {.994, .984}});

    /** Table 2.3, 3DS: {obliviousness MI, MIG} of the consistent models. */
    private static final Map<Kind, double[]> THESIS_3DS_INFO = Map.of(
            Kind.CNN_C, new double[] {1.61, 0.50},
            Kind.RN_C, new double[] {1.57, 0.76},
            Kind.CNN_CO, new double[] {1.53, 0.53},
            Kind.RN_CO, new double[] {1.25, 0.91},
            Kind.CNN_STAR_C, new double[] {0.15, 1.00});

    /** Table 2.3, Raven without distractors. */
    private static final Map<Kind, double[]> THESIS_RAVEN_INFO = Map.of(
            Kind.CNN_C, new double[] {2.20, 0.10},
            Kind.RN_C, new double[] {2.20, 0.14},
            Kind.CNN_CO, new double[] {2.19, 0.11},
            Kind.RN_CO, new double[] {2.16, 0.10},
            Kind.CNN_STAR_C, new double[] {0.71, 0.51});

    /** Table 2.3, Raven with distractors. */
    private static final Map<Kind, double[]> THESIS_RAVEN_DISTRACTORS_INFO = Map.of(
            Kind.CNN_C, new double[] {2.08, 0.06},
            Kind.RN_C, new double[] {2.20, 0.05},
            Kind.CNN_CO, new double[] {1.95, 0.03},
            Kind.RN_CO, new double[] {2.10, 0.03},
            Kind.CNN_STAR_C, new double[] {0.70, 0.55});

    /** The thesis' Table 2.2 for a benchmark (by its name). */
    private static Map<Kind, double[][]> thesisAccuracy(String benchmark) {
        return benchmark.startsWith("3DS") ? THESIS_3DS
                : benchmark.contains("(distractors)") ? THESIS_RAVEN_DISTRACTORS : THESIS_RAVEN;
    }

    /** The thesis' Table 2.3 for a benchmark (by its name). */
    private static Map<Kind, double[]> thesisInformation(String benchmark) {
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

    /** Table 2.2 for the run's held-out setting: ours beside the thesis'. */
    public static Table accuracyTable(AvrResults r) {
        StringColumn model = StringColumn.create("model");
        StringColumn criteria = StringColumn.create("criteria");
        DoubleColumn train = DoubleColumn.create("Y_train (here)");
        DoubleColumn held = DoubleColumn.create("Y_heldout (here)");
        DoubleColumn tTrain = DoubleColumn.create("Y_train (thesis)");
        DoubleColumn tHeld = DoubleColumn.create("Y_heldout (thesis)");
        HeldOut split = r.split();
        for (var e : r.outcomes().entrySet()) {
            Kind k = e.getKey();
            model.append(k.label());
            criteria.append(criteria(k));
            train.append(e.getValue().trainAccuracy());
            held.append(e.getValue().heldOutAccuracy());
            double[] t = thesisAccuracy(r.benchmark()).get(k)[split.setting()];
            tTrain.append(t[0]);
            tHeld.append(t[1]);
        }
        return Table.create("Rationale accuracy, " + r.benchmark() + ", held-out setting " + (split.setting() + 1)
                + " (here: " + here(r.config()) + "; chance "
                + String.format("%.3f", 1.0 / split.universe().rationales().size()) + ")",
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

    /** Table 2.3: obliviousness (2.4) and MIG of the consistent models, beside the thesis. */
    public static Table informationTable(AvrResults r) {
        String benchmark = r.benchmark();
        Universe u = r.universe();
        StringColumn model = StringColumn.create("model");
        DoubleColumn obl = DoubleColumn.create("obliviousness I[Z_r,P; P] (here)");
        DoubleColumn mig = DoubleColumn.create("MIG (here)");
        DoubleColumn tObl = DoubleColumn.create("obliviousness (thesis)");
        DoubleColumn tMig = DoubleColumn.create("MIG (thesis)");
        DoubleColumn dom = DoubleColumn.create("domain classifier accuracy (here)");
        for (var e : r.outcomes().entrySet()) {
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

    /**
     * The chapter's summary.json numbers for one run, keys prefixed by its benchmark ("" for 3DS, "raven_" for Raven
     * without distractors, "raven_distractors_" with them): held-out accuracy per model, CNN's training accuracy, the
     * obliviousness estimate of CNN-c and CNN-co, the accuracy of CNN-co's domain classifiers, and the held-out
     * accuracy of phi on the true values; models not trained are left out.
     */
    public static Map<String, Double> summary(AvrResults r) {
        String prefix = switch (r.config().benchmark()) {
            case SHAPES_3D -> "";
            case RAVEN -> "raven_";
            case RAVEN_DISTRACTORS -> "raven_distractors_";
        };
        Map<String, Double> s = new LinkedHashMap<>();
        record Entry(Kind kind, String key, ToDoubleFunction<AvrExperiment.Outcome> value) {
        }
        List<Entry> entries = List.of(
                new Entry(Kind.CNN, "cnn_train_acc", AvrExperiment.Outcome::trainAccuracy),
                new Entry(Kind.CNN, "cnn_heldout_acc", AvrExperiment.Outcome::heldOutAccuracy),
                new Entry(Kind.CNN_C, "cnn_c_heldout_acc", AvrExperiment.Outcome::heldOutAccuracy),
                new Entry(Kind.CNN_CO, "cnn_co_heldout_acc", AvrExperiment.Outcome::heldOutAccuracy),
                new Entry(Kind.RN, "rn_heldout_acc", AvrExperiment.Outcome::heldOutAccuracy),
                new Entry(Kind.RN_C, "rn_c_heldout_acc", AvrExperiment.Outcome::heldOutAccuracy),
                new Entry(Kind.RN_CO, "rn_co_heldout_acc", AvrExperiment.Outcome::heldOutAccuracy),
                new Entry(Kind.CNN_STAR_C, "oracle_heldout_acc", AvrExperiment.Outcome::heldOutAccuracy),
                new Entry(Kind.CNN_CO, "cnn_co_oblivious_mi", AvrExperiment.Outcome::obliviousness),
                new Entry(Kind.CNN_C, "cnn_c_oblivious_mi", AvrExperiment.Outcome::obliviousness),
                new Entry(Kind.CNN_CO, "cnn_co_domain_acc", AvrExperiment.Outcome::domainAccuracy));
        for (Entry e : entries) {
            if (r.outcomes().containsKey(e.kind())) {
                s.put(prefix + e.key(), e.value().applyAsDouble(r.outcomes().get(e.kind())));
            }
        }
        s.put(prefix + "true_values_heldout_acc", r.trueValueAccuracy()[1]);
        return s;
    }

    /** The headline numbers of one or more runs (e.g. 3DS and Raven) beside the thesis', in one table. */
    public static ThesisVsHere thesisVsHere(AvrResults... runs) {
        ThesisVsHere t = new ThesisVsHere("Thesis vs here");
        for (AvrResults r : runs) {
            String benchmark = r.benchmark();
            int setting = r.split().setting();
            String here = here(r.config());
            String thesis = benchmark + ", 100k sequences, held-out setting " + (setting + 1) + ", Table 2.2";
            for (var e : r.outcomes().entrySet()) {
                double[] th = thesisAccuracy(benchmark).get(e.getKey())[setting];
                t.row(e.getKey().label() + ": Y_train accuracy", th[0], thesis, e.getValue().trainAccuracy(), here);
                t.row(e.getKey().label() + ": Y_heldout accuracy", th[1], thesis, e.getValue().heldOutAccuracy(), here);
            }
            for (var e : r.outcomes().entrySet()) {
                double[] th = thesisInformation(benchmark).get(e.getKey());
                if (th != null) {
                    t.row(e.getKey().label() + ": obliviousness MI", th[0], benchmark + ", Table 2.3",
                            e.getValue().obliviousness(), here);
                }
            }
        }
        return t;
    }

    /** This run's setting in a few words, for the "here" side of the comparisons. */
    private static String here(AvrExperiment.Config c) {
        return String.format("%d sequences, %dpx, %d epochs, CPU", c.trainCount(), c.imageSize(), c.epochs());
    }
}
