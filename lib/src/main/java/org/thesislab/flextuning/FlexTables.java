package org.thesislab.flextuning;

import org.thesislab.core.ThesisVsHere;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The chapter's tables in Tablesaw form (the units, Tables 4.1-4.3, selection quality), its summary.json numbers
 * and the thesis' numbers beside ours; they read a finished sweep's {@link FlexResults}, so nothing here trains.
 */
public final class FlexTables {

    private FlexTables() {
    }

    /** The thesis' closest setting to each of our targets, with its Table 4.3-4.5 row at the scarcest ratio. */
    public record Analogue(String setting, double base, double[] scarcest) {
    }

    /**
     * Thesis numbers (test accuracy; top-5 for ILSVRC) in the column order flex fast faster fc(1) fc(2) ss all;
     * NaN where the thesis table has no such column (ILSVRC tables have a single fc column, reported as fc(1)).
     */
    public static final Map<TargetShift, Analogue> THESIS = Map.of(
            TargetShift.NOISY, new Analogue("CIFAR→Noisy, 2/class (Table 4.4)", .540, new double[] {.618, .618, .618, .555, .566, .603, .582}),
            TargetShift.BLURRY, new Analogue("MNIST→Blurry, 3/class (Table 4.3)", .748, new double[] {.890, .860, .857, .867, .846, .862, .851}),
            TargetShift.INVERTED, new Analogue("ILSVRC→YUV, 1/class, top-5 (Table 4.5)", .841, new double[] {.856, .857, .830, .775, Double.NaN, .574, .817}),
            TargetShift.LOW_CONTRAST, new Analogue("ILSVRC→HSV, 1/class, top-5 (Table 4.5)", .384, new double[] {.750, .750, .750, .422, Double.NaN, .374, .582}),
            TargetShift.ROTATED, new Analogue("MNIST→Transform (fixed), 3/class (Table 4.3)", .160, new double[] {.776, .776, .770, .743, .768, .752, .776}),
            TargetShift.AFFINE, new Analogue("MNIST→Transform (random), 3/class (Table 4.3)", .322, new double[] {.400, .400, .399, .391, .401, .395, .396}),
            TargetShift.TEXTURED, new Analogue("MNIST→MNIST-M, 3/class (Table 4.3)", .439, new double[] {.564, .564, .528, .524, .523, .540, .528}));

    /** The network's units with their sizes. */
    public static Table units(UnitNetwork net) {
        StringColumn name = StringColumn.create("unit");
        IntColumn params = IntColumn.create("parameters");
        for (int l = 1; l <= net.size(); l++) {
            name.append(net.unit(l).name());
            params.append((int) net.unit(l).parameterCount());
        }
        name.append("total");
        params.append((int) net.parameterCount());
        return Table.create("Units of the source network (f = f^4 ∘ f^3 ∘ f^2 ∘ f^1)", name, params);
    }

    /** Thesis Table 4.2 analogue: the source network on its own test images and on every target's. */
    public static Table domains(FlexResults r) {
        StringColumn domain = StringColumn.create("domain");
        StringColumn kind = StringColumn.create("shift kind");
        StringColumn what = StringColumn.create("transform");
        DoubleColumn base = DoubleColumn.create("source net acc (here)");
        StringColumn thesis = StringColumn.create("thesis analogue");
        DoubleColumn thesisBase = DoubleColumn.create("thesis base acc");
        domain.append("source (Fashion-MNIST)");
        kind.append("-");
        what.append("none");
        base.append(r.sourceTestAccuracy());
        thesis.append("MNIST subset, 4-layer net");
        thesisBase.append(.989);
        for (TargetShift t : r.targets()) {
            domain.append(t.label());
            kind.append(t.kind().name().toLowerCase());
            what.append(t.description());
            base.append(r.baseAccuracy().get(t));
            thesis.append(THESIS.get(t).setting());
            thesisBase.append(THESIS.get(t).base());
        }
        return Table.create("Source and target domains (test accuracy of the untuned source network)", domain, kind, what,
                base, thesis, thesisBase);
    }

    /** Thesis Table 4.3 analogue: mean test accuracy (± sd over repetitions) per target, ratio and method. */
    public static Table mainResults(FlexResults r) {
        StringColumn target = StringColumn.create("target (base)");
        IntColumn ratio = IntColumn.create("imgs/class");
        IntColumn reps = IntColumn.create("runs");
        Map<String, StringColumn> cols = new LinkedHashMap<>();
        for (String m : FlexResults.METHODS) {
            cols.put(m, StringColumn.create(m));
        }
        StringColumn best = StringColumn.create("best");
        for (TargetShift t : r.targets()) {
            for (int q : r.ratios()) {
                target.append(t.label() + String.format(" (%.2f)", r.baseAccuracy().get(t)));
                ratio.append(q);
                reps.append(r.repeats(q));
                double top = FlexResults.METHODS.stream().mapToDouble(m -> r.meanTest(t, q, m)).max().orElse(Double.NaN);
                List<String> winners = new ArrayList<>();
                for (String m : FlexResults.METHODS) {
                    double mean = r.meanTest(t, q, m);
                    double sd = r.sdTest(t, q, m);
                    cols.get(m).append(Double.isNaN(sd) ? String.format("%.3f", mean) : String.format("%.3f ± %.3f", mean, sd));
                    if (mean == top) {
                        winners.add(m);
                    }
                }
                best.append(String.join(", ", winners));
            }
        }
        Table table = Table.create("Test accuracy per method (Table 4.3 analogue; mean ± sd over runs)", target, ratio, reps);
        cols.values().forEach(table::addColumns);
        return table.addColumns(best);
    }

    /** The thesis' Table 4.3-4.5 row of each target's analogue at its scarcest ratio, beside ours at our scarcest. */
    public static Table thesisRows(FlexResults r) {
        StringColumn row = StringColumn.create("row");
        Map<String, DoubleColumn> cols = new LinkedHashMap<>();
        for (String m : FlexResults.METHODS) {
            cols.put(m, DoubleColumn.create(m));
        }
        int q = r.scarcestRatio();
        for (TargetShift t : r.targets()) {
            Analogue a = THESIS.get(t);
            row.append("thesis: " + a.setting());
            for (int i = 0; i < FlexResults.METHODS.size(); i++) {
                cols.get(FlexResults.METHODS.get(i)).append(a.scarcest()[i]);
            }
            row.append("here: " + t.label() + ", " + q + "/class, " + r.repeats(q) + " runs");
            for (String m : FlexResults.METHODS) {
                cols.get(m).append(r.meanTest(t, q, m));
            }
        }
        Table table = Table.create("Scarcest setting: thesis analogue vs here (test accuracy)", row);
        cols.values().forEach(table::addColumns);
        return table;
    }

    /**
     * Per (target, ratio) and method: the oracle (best test accuracy among ft-1..ft-L, ft-all, per run), the
     * picks over runs, mean regret to the oracle, mean test rank of the pick, Spearman correlation of the proxy
     * scores a_ℓ with the ft-ℓ test accuracies, and the cost relative to flex.
     */
    public static Table selectionQuality(FlexResults r) {
        StringColumn target = StringColumn.create("target");
        IntColumn ratio = IntColumn.create("imgs/class");
        StringColumn method = StringColumn.create("method");
        StringColumn oracle = StringColumn.create("oracle picks");
        StringColumn picks = StringColumn.create("picks");
        StringColumn proxy = StringColumn.create("proxy picks");
        DoubleColumn regret = DoubleColumn.create("regret");
        DoubleColumn rank = DoubleColumn.create("test rank");
        DoubleColumn rho = DoubleColumn.create("spearman(a_l, test)");
        DoubleColumn cost = DoubleColumn.create("cost / flex (s)");
        for (TargetShift t : r.targets()) {
            for (int q : r.ratios()) {
                for (String m : List.of("flex", "fast-flex", "faster-flex")) {
                    List<FlexResults.SelectionRow> rows = r.selections(t, q, m).toList();
                    List<FlexResults.SelectionRow> flex = r.selections(t, q, "flex").toList();
                    target.append(t.label());
                    ratio.append(q);
                    method.append(m);
                    oracle.append(rows.stream().map(s -> oraclePick(r, s)).collect(Collectors.joining(",")));
                    picks.append(rows.stream().map(FlexResults.SelectionRow::pick).map(FlexTables::shortName).collect(Collectors.joining(",")));
                    proxy.append(rows.stream().map(s -> s.proxyPick() > 0 ? "U" + s.proxyPick() : "-").collect(Collectors.joining(",")));
                    regret.append(rows.stream().mapToDouble(s -> r.oracleTest(t, q, s.rep()) - s.test()).average().orElse(Double.NaN));
                    rank.append(rows.stream().mapToDouble(s -> r.testRank(t, q, s.rep(), s.pick())).average().orElse(Double.NaN));
                    rho.append(rows.stream().mapToDouble(r::proxySpearman).filter(Double::isFinite).average().orElse(Double.NaN));
                    cost.append(rows.stream().mapToDouble(s -> s.cost().seconds()).sum()
                            / flex.stream().mapToDouble(s -> s.cost().seconds()).sum());
                }
            }
        }
        return Table.create("Selection quality: picks vs the test oracle (over ft-1..ft-L, ft-all)", target, ratio, method,
                oracle, picks, proxy, regret, rank, rho, cost);
    }

    /** Per method over the whole sweep: exact-match rate with the oracle, mean regret and rank, cost. */
    public static Table selectionSummary(FlexResults r) {
        StringColumn method = StringColumn.create("method");
        DoubleColumn match = DoubleColumn.create("picks the oracle");
        DoubleColumn regret = DoubleColumn.create("mean regret");
        DoubleColumn gap = DoubleColumn.create("mean(flex − method)");
        DoubleColumn rank = DoubleColumn.create("mean test rank");
        DoubleColumn rho = DoubleColumn.create("mean spearman");
        DoubleColumn epochs = DoubleColumn.create("epochs / problem");
        DoubleColumn seconds = DoubleColumn.create("seconds / problem");
        DoubleColumn ratio = DoubleColumn.create("cost / flex (s)");
        double flexSeconds = r.totalCost("flex", true);
        for (String m : FlexResults.METHODS) {
            List<FlexResults.SelectionRow> rows = r.selections().stream().filter(s -> s.method().equals(m)).toList();
            method.append(m);
            match.append(rows.stream().mapToDouble(s -> oraclePick(r, s).equals(shortName(s.pick())) ? 1 : 0).average().orElse(Double.NaN));
            regret.append(rows.stream().mapToDouble(s -> r.oracleTest(s.target(), s.ratio(), s.rep()) - s.test()).average().orElse(Double.NaN));
            gap.append(r.targets().stream().mapToDouble(t -> r.meanGapToFlex(t, m) * problems(r, t)).sum() / r.config().problems());
            rank.append(rows.stream().filter(s -> FlexResults.isFlexCandidate(s.pick())).mapToDouble(s -> r.testRank(s.target(), s.ratio(), s.rep(), s.pick())).average().orElse(Double.NaN));
            rho.append(rows.stream().mapToDouble(r::proxySpearman).filter(Double::isFinite).average().orElse(Double.NaN));
            epochs.append(r.totalCost(m, false) / rows.size());
            seconds.append(r.totalCost(m, true) / rows.size());
            ratio.append(r.totalCost(m, true) / flexSeconds);
        }
        return Table.create("Selection methods over the whole sweep", method, match, regret, gap, rank, rho, epochs, seconds, ratio);
    }

    /**
     * Thesis Table 4.1 with measured quantities: E_one, c_one (single-unit runs) and E_all, c_all (ft-all runs),
     * the complexity formula evaluated with them, and the measured mean cost of each method per problem.
     */
    public static Table costs(FlexResults r) {
        double eOne = meanOf(r, true, false);
        double cOne = meanOf(r, true, true) / eOne;
        double eAll = meanOf(r, false, false);
        double cAll = meanOf(r, false, true) / eAll;
        int numUnits = r.numUnits();
        StringColumn method = StringColumn.create("method");
        StringColumn formula = StringColumn.create("thesis complexity");
        DoubleColumn predicted = DoubleColumn.create("formula (s)");
        DoubleColumn measured = DoubleColumn.create("measured (s / problem)");
        Object[][] rows = {
            {"flex", "L·E_one·c_one + E_all·c_all", numUnits * eOne * cOne + eAll * cAll},
            {"fast-flex", "E_one·c_one + E_all·c_all", eOne * cOne + eAll * cAll},
            {"faster-flex", "E_one·c_one + c_all", eOne * cOne + cAll},
            {"ft-fc(1)", "E_one·c_one", eOne * cOne},
            {"ft-all", "E_all·c_all", eAll * cAll}};
        for (Object[] row : rows) {
            String m = (String) row[0];
            method.append(m);
            formula.append((String) row[1]);
            predicted.append((double) row[2]);
            measured.append(r.totalCost(m, true) / r.selections().stream().filter(s -> s.method().equals(m)).count());
        }
        return Table.create(String.format("Runtime (Table 4.1 analogue): E_one=%.1f epochs, c_one=%.3f s/epoch, E_all=%.1f, c_all=%.3f",
                eOne, cOne, eAll, cAll), method, formula, predicted, measured);
    }

    /**
     * The chapter's summary.json keys ({@code run.summary(FlexTables.summary(results))}): per target at the scarcest ratio,
     * {@code T_flex_minus_fastflex} is the mean test accuracy of flex minus that of fast-flex (not the regret to
     * the oracle), and the {@code *_time_ratio}s are wall-clock times of fast-flex and faster-flex over flex's.
     */
    public static Map<String, Double> summary(FlexResults r) {
        Map<String, Double> out = new LinkedHashMap<>();
        int q = r.scarcestRatio();
        for (TargetShift t : r.targets()) {
            String k = t.label();
            out.put(k + "_best_unit", (double) r.bestUnit(t));
            out.put(k + "_flex_acc", r.meanTest(t, q, "flex"));
            out.put(k + "_all_acc", r.meanTest(t, q, "ft-all"));
            out.put(k + "_last_acc", r.meanTest(t, q, "ft-fc(1)"));
            out.put(k + "_flex_minus_fastflex", r.meanGapToFlex(t, "fast-flex"));
        }
        // wall-clock seconds of the selection, so these ratios are timings: they vary from run to run
        out.put("fastflex_time_ratio", r.totalCost("fast-flex", true) / r.totalCost("flex", true));
        out.put("fasterflex_time_ratio", r.totalCost("faster-flex", true) / r.totalCost("flex", true));
        out.put("source_acc", r.sourceTestAccuracy());
        out.put("sweep_seconds", r.seconds());
        return out;
    }

    /** The headline numbers beside the thesis', each with the size it ran at here. */
    public static ThesisVsHere thesisVsHere(FlexResults r) {
        int q = r.scarcestRatio();
        String scaleNote = String.format("%,d source images, %d transfer problems", r.config().sizes().sourceTrain(),
                r.config().problems());
        ThesisVsHere c = new ThesisVsHere("Thesis vs here");
        c.row("source network accuracy", .989, "MNIST, 4-layer net", r.sourceTestAccuracy(), "Fashion-MNIST, 4-unit net, " + scaleNote);
        for (TargetShift t : r.targets()) {
            Analogue a = THESIS.get(t);
            c.row(t.label() + ": flex − ft-all", a.scarcest()[0] - a.scarcest()[6], a.setting(),
                    r.meanTest(t, q, "flex") - r.meanTest(t, q, "ft-all"), q + "/class, " + scaleNote);
        }
        c.row("mean(flex − fast-flex), all rows", .003, "MNIST, Table 4.3 (derived)", mean(r, "fast-flex"), scaleNote);
        c.row("mean(flex − faster-flex), all rows", .022, "MNIST, Table 4.3 (derived)", mean(r, "faster-flex"), scaleNote);
        c.row("fast-flex cost / flex cost", Double.NaN, "Table 4.1: (E_one c_one + E_all c_all)/(L E_one c_one + E_all c_all)",
                r.totalCost("fast-flex", true) / r.totalCost("flex", true), "measured wall time, " + scaleNote);
        return c;
    }

    private static double mean(FlexResults r, String method) {
        return r.targets().stream().mapToDouble(t -> r.meanGapToFlex(t, method) * problems(r, t)).sum() / r.config().problems();
    }

    private static int problems(FlexResults r, TargetShift t) {
        return r.config().repeats().stream().mapToInt(Integer::intValue).sum();
    }

    private static double meanOf(FlexResults r, boolean single, boolean seconds) {
        return r.runs().stream().filter(x -> single ? x.unit() > 0 : x.scheme().equals("ft-all"))
                .mapToDouble(x -> seconds ? x.cost().seconds() : x.cost().epochs()).average().orElse(Double.NaN);
    }

    /** The oracle's pick for a selection row's problem, as a short name (U1..UL or all). */
    private static String oraclePick(FlexResults r, FlexResults.SelectionRow s) {
        double best = r.oracleTest(s.target(), s.ratio(), s.rep());
        return r.runs().stream().filter(x -> x.target() == s.target() && x.ratio() == s.ratio() && x.rep() == s.rep()
                        && FlexResults.isFlexCandidate(x.scheme()) && x.test() == best)
                .map(x -> shortName(x.scheme())).findFirst().orElse("?");
    }

    private static String shortName(String scheme) {
        return scheme.startsWith("ft-") && scheme.substring(3).matches("\\d+") ? "U" + scheme.substring(3)
                : scheme.replace("ft-", "");
    }
}
