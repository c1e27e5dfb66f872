package org.thesislab.avr;

import java.util.ArrayList;
import java.util.List;

/** The verifier of §2.3.1: which rationales a sequence of assignments complies with, by (2.1). */
public final class Verifier {

    private Verifier() {
    }

    /** (2.1): r(v_p^{i-k}, ..., v_p^{i-1}) = v_p^i for i = k+1..n. */
    public static boolean complies(Universe u, int[][] values, Rationale rat) {
        Rule r = u.rule(rat.rule());
        int k = r.arity();
        int n = values.length;
        if (n <= k) {
            throw new IllegalArgumentException("a sequence of " + n + " images cannot show a rule of arity " + k);
        }
        int p = rat.property();
        int[] ctx = new int[k];
        for (int i = k; i < n; i++) {
            for (int j = 0; j < k; j++) {
                ctx[j] = values[i - k + j][p];
            }
            if (!r.complies(ctx, values[i][p])) {
                return false;
            }
        }
        return true;
    }

    /** Every permitted rationale the sequence complies with. */
    public static List<Rationale> rationales(Universe u, int[][] values) {
        List<Rationale> out = new ArrayList<>(2);
        for (Rationale rat : u.rationales()) {
            if (complies(u, values, rat)) {
                out.add(rat);
            }
        }
        return out;
    }

    /** Values of property p that would make the last image comply with no permitted rule (step 6). */
    public static int[] nonComplyingLastValues(Universe u, int[][] values, int p) {
        int n = values.length;
        Property prop = u.property(p);
        int[] keep = new int[prop.cardinality()];
        int count = 0;
        for (int value : prop.domain()) {
            boolean complies = false;
            for (int r = 0; r < u.numRules() && !complies; r++) {
                Rule rule = u.rule(r);
                int k = rule.arity();
                if (!u.isPermitted(new Rationale(r, p)) || n <= k) {
                    continue;
                }
                int[] ctx = new int[k];
                for (int j = 0; j < k; j++) {
                    ctx[j] = values[n - 1 - k + j][p];
                }
                complies = rule.complies(ctx, value);
            }
            if (!complies) {
                keep[count++] = value;
            }
        }
        return java.util.Arrays.copyOf(keep, count);
    }
}
