package org.thesislab.flextuning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * Everything a flex sweep measured: one row per fine-tuning run and one per selection method, for each
 * (target, ratio, repetition). The queries below compute the chapter's statistics from these rows only.
 */
public record FlexResults(FlexExperiment.Config config, long seed, int numUnits, double sourceTestAccuracy,
                          Map<TargetShift, Double> baseAccuracy, List<RunRow> runs, List<SelectionRow> selections,
                          double seconds) {

    /** Methods in the column order of thesis Table 4.3: flex fast faster fc(1) fc(2) ss all. */
    public static final List<String> METHODS = List.of("flex", "fast-flex", "faster-flex", "ft-fc(1)", "ft-fc(2)", "ft-ss", "ft-all");

    /** One fine-tuning run. {@code unit} is the tuned unit for single-unit schemes, else -1. */
    public record RunRow(TargetShift target, int ratio, int rep, String scheme, int unit, double val, double test,
                         Cost cost, int bestStep, long trainedParameters) {
    }

    /** One selection method's outcome: its pick, the proxy pick (fast/faster), accuracies and cost. */
    public record SelectionRow(TargetShift target, int ratio, int rep, String method, String pick, int proxyPick,
                               double val, double test, Cost cost, double[] proxyScores) {
    }

    public List<TargetShift> targets() {
        return config.targets();
    }

    public List<Integer> ratios() {
        return config.ratios();
    }

    public int scarcestRatio() {
        return config.ratios().stream().mapToInt(Integer::intValue).min().orElseThrow();
    }

    public int repeats(int ratio) {
        return config.repeats().get(config.ratios().indexOf(ratio));
    }

    public Stream<SelectionRow> selections(TargetShift t, int ratio, String method) {
        return selections.stream().filter(s -> s.target() == t && s.ratio() == ratio && s.method().equals(method));
    }

    public Stream<RunRow> runs(TargetShift t, int ratio, String scheme) {
        return runs.stream().filter(r -> r.target() == t && r.ratio() == ratio && r.scheme().equals(scheme));
    }

    /** Mean test accuracy of a method over repetitions. */
    public double meanTest(TargetShift t, int ratio, String method) {
        return mean(selections(t, ratio, method).mapToDouble(SelectionRow::test).toArray());
    }

    /** Sample standard deviation of a method's test accuracy over repetitions (NaN for one repetition). */
    public double sdTest(TargetShift t, int ratio, String method) {
        return sd(selections(t, ratio, method).mapToDouble(SelectionRow::test).toArray());
    }

    /** Mean validation (or test) accuracy of each flex candidate ft-1..ft-L, ft-all, over repetitions. */
    public double[] candidateAccuracy(TargetShift t, int ratio, boolean test) {
        double[] out = new double[numUnits + 1];
        for (int l = 1; l <= numUnits + 1; l++) {
            String scheme = l <= numUnits ? "ft-" + l : "ft-all";
            out[l - 1] = mean(runs(t, ratio, scheme).mapToDouble(r -> test ? r.test() : r.val()).toArray());
        }
        return out;
    }

    /**
     * Rank (1 = best) of every single unit by mean test accuracy at one ratio; summed over ratios this is the
     * background of thesis Fig. 4.2.
     */
    public int[] unitRanks(TargetShift t, int ratio) {
        double[] acc = Arrays.copyOf(candidateAccuracy(t, ratio, true), numUnits);
        int[] rank = new int[numUnits];
        for (int i = 0; i < numUnits; i++) {
            rank[i] = 1;
            for (int j = 0; j < numUnits; j++) {
                if (acc[j] > acc[i] || (acc[j] == acc[i] && j < i)) {
                    rank[i]++;
                }
            }
        }
        return rank;
    }

    /** The best single unit at one ratio: highest mean test accuracy (the oracle among units 1..L). */
    public int bestUnit(TargetShift t, int ratio) {
        return argMin(unitRanks(t, ratio));
    }

    /** The unit that wins over all ratios: smallest rank sum (thesis Fig. 4.2's darkest cell). */
    public int bestUnit(TargetShift t) {
        int[] sum = new int[numUnits];
        for (int ratio : ratios()) {
            int[] r = unitRanks(t, ratio);
            for (int i = 0; i < numUnits; i++) {
                sum[i] += r[i];
            }
        }
        return argMin(sum);
    }

    /** The test accuracy of the best flex candidate (units 1..L and all) on one problem: the oracle. */
    public double oracleTest(TargetShift t, int ratio, int rep) {
        return runs.stream().filter(r -> r.target() == t && r.ratio() == ratio && r.rep() == rep && isFlexCandidate(r.scheme()))
                .mapToDouble(RunRow::test).max().orElse(Double.NaN);
    }

    /** Rank (1 = best) of a candidate's test accuracy among the flex candidates of one problem. */
    public int testRank(TargetShift t, int ratio, int rep, String scheme) {
        List<RunRow> c = runs.stream().filter(r -> r.target() == t && r.ratio() == ratio && r.rep() == rep
                && isFlexCandidate(r.scheme())).toList();
        double mine = c.stream().filter(r -> r.scheme().equals(scheme)).findFirst().orElseThrow().test();
        return 1 + (int) c.stream().filter(r -> r.test() > mine).count();
    }

    /** Spearman correlation between the proxy scores a_ℓ and the ft-ℓ test accuracies of one problem. */
    public double proxySpearman(SelectionRow s) {
        if (s.proxyScores() == null) {
            return Double.NaN;
        }
        double[] test = new double[numUnits];
        for (int l = 1; l <= numUnits; l++) {
            int unit = l;
            test[l - 1] = runs.stream().filter(r -> r.target() == s.target() && r.ratio() == s.ratio() && r.rep() == s.rep()
                    && r.unit() == unit).findFirst().orElseThrow().test();
        }
        return spearman(s.proxyScores(), test);
    }

    /** Mean over all problems of target t of test(flex) − test(method): the thesis' "Mean(flex − fast)". */
    public double meanGapToFlex(TargetShift t, String method) {
        List<Double> gaps = new ArrayList<>();
        for (SelectionRow s : selections) {
            if (s.target() == t && s.method().equals(method)) {
                double flex = selections.stream().filter(f -> f.target() == t && f.ratio() == s.ratio() && f.rep() == s.rep()
                        && f.method().equals("flex")).findFirst().orElseThrow().test();
                gaps.add(flex - s.test());
            }
        }
        return mean(gaps.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Total cost of a method over the whole sweep, in seconds or epochs. */
    public double totalCost(String method, boolean seconds) {
        return selections.stream().filter(s -> s.method().equals(method))
                .mapToDouble(s -> seconds ? s.cost().seconds() : s.cost().epochs()).sum();
    }

    static boolean isFlexCandidate(String scheme) {
        return scheme.equals("ft-all") || scheme.matches("ft-\\d+");
    }

    static double mean(double[] v) {
        OptionalDouble m = Arrays.stream(v).average();
        return m.isPresent() ? m.getAsDouble() : Double.NaN;
    }

    static double sd(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return Math.sqrt(ss / (v.length - 1));
    }

    /** Spearman's rho with average ranks for ties; NaN when either side is constant. */
    static double spearman(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = mean(ra);
        double mb = mean(rb);
        double num = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < a.length; i++) {
            num += (ra[i] - ma) * (rb[i] - mb);
            da += (ra[i] - ma) * (ra[i] - ma);
            db += (rb[i] - mb) * (rb[i] - mb);
        }
        return da == 0 || db == 0 ? Double.NaN : num / Math.sqrt(da * db);
    }

    static double[] ranks(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            int less = 0;
            int equal = 0;
            for (double x : v) {
                if (x < v[i]) {
                    less++;
                } else if (x == v[i]) {
                    equal++;
                }
            }
            r[i] = less + (equal + 1) / 2.0;
        }
        return r;
    }

    private static int argMin(int[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[best]) {
                best = i;
            }
        }
        return best + 1;
    }
}
