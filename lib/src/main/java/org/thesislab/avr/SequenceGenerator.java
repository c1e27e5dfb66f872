package org.thesislab.avr;

import java.util.List;
import java.util.Random;

/**
 * The rejection-sampling generator of §2.3.1 (Steps 1-7 and "Final"): it samples a rationale, builds a
 * sequence of n assignments that complies with it, breaks every specious rationale, and rejects the
 * sample whenever a step fails (ambiguity, invalid assignment, nothing left to resample).
 *
 * <p>A rejected attempt returns null instead of throwing: the thesis' "raise an exception, restart from
 * step 1" without the cost of exceptions on the hot path.
 */
public final class SequenceGenerator {

    private final Universe universe;
    private final int length;
    private final double distractorProbability;
    private long attempts;
    private long accepted;

    /**
     * @param length                n, images per sequence (the thesis' figures use 3)
     * @param distractorProbability chance that a free property is a distractor (step 2): 1 for 3DS, 0
     *                              ("no distractors") or 0.5 for Raven
     */
    public SequenceGenerator(Universe universe, int length, double distractorProbability) {
        if (distractorProbability < 0 || distractorProbability > 1) {
            throw new IllegalArgumentException("distractorProbability must be in [0, 1], got " + distractorProbability);
        }
        int maxArity = universe.rules().stream().mapToInt(Rule::arity).max().orElse(1);
        if (length <= maxArity) {
            throw new IllegalArgumentException("sequence length " + length + " must exceed the largest rule arity "
                    + maxArity + " so that every rule can be observed");
        }
        this.universe = universe;
        this.length = length;
        this.distractorProbability = distractorProbability;
    }

    public Universe universe() {
        return universe;
    }

    public int length() {
        return length;
    }

    /** Step 1 + Final: a sequence for a rationale drawn uniformly from {@code from}, retrying on rejection. */
    public Sequence next(List<Rationale> from, Random rng) {
        if (from.isEmpty()) {
            throw new IllegalArgumentException("no rationale to sample from");
        }
        for (int tries = 0; tries < 1_000_000; tries++) {
            Sequence s = tryGenerate(from.get(rng.nextInt(from.size())), rng);
            if (s != null) {
                return s;
            }
        }
        throw new IllegalStateException("the generator rejected 1e6 samples in a row: the rationales " + from
                + " cannot be realised in " + universe.name() + " with n = " + length);
    }

    /** Steps 2-6 for a given rationale; null when the sample is rejected. */
    public Sequence tryGenerate(Rationale rat, Random rng) {
        attempts++;
        if (!universe.isPermitted(rat)) {
            throw new IllegalArgumentException(universe.describe(rat) + " is not a permitted rationale");
        }
        Rule rule = universe.rule(rat.rule());
        int p = rat.property();
        int k = rule.arity();
        int numP = universe.numProperties();

        // Step 2: distractor (resampled per image) or kept constant. Neither for p, for a property
        // determined by another (it follows its source), nor for the source of p (it follows p).
        boolean[] distractor = new boolean[numP];
        for (int q = 0; q < numP; q++) {
            distractor[q] = q != p && universe.determinedBy(q) < 0 && universe.determinedBy(p) != q
                    && rng.nextDouble() < distractorProbability;
        }
        int[][] v = new int[length][];
        // Step 3: the first k images; context values of p are drawn i.i.d. from q.
        int[] base = universe.sampleAssignment(rng);
        for (int i = 0; i < k; i++) {
            v[i] = base.clone();
            resampleDistractors(v[i], distractor, rng);
            v[i][p] = universe.sampleValue(p, v[i], rng);
            if (!universe.couple(v[i], p, rng) || !universe.valid(v[i])) {
                return null;
            }
        }
        // Steps 4-5: copy the non-distracting entities, apply the rule on p, resample the distractors.
        int[] ctx = new int[k];
        for (int i = k; i < length; i++) {
            for (int j = 0; j < k; j++) {
                ctx[j] = v[i - k + j][p];
            }
            int out = rule.apply(ctx);
            if (out == Rule.UNDEFINED || !universe.property(p).contains(out)) {
                return null; // invalid assignment
            }
            v[i] = v[i - 1].clone();
            resampleDistractors(v[i], distractor, rng);
            v[i][p] = out;
            if (!universe.couple(v[i], p, rng) || !universe.valid(v[i])) {
                return null;
            }
        }
        // Step 6: break specious rationales.
        for (Rationale found : Verifier.rationales(universe, v)) {
            if (found.property() == p && found.rule() != rat.rule()) {
                return null; // ambiguous: another rule explains p as well
            }
            if (found.property() != p && !resampleLast(v[length - 1], found.property(),
                    Verifier.nonComplyingLastValues(universe, v, found.property()), rng)) {
                return null;
            }
        }
        // Final: resampling one property may change a determined one; accept only a unique rationale.
        List<Rationale> check = Verifier.rationales(universe, v);
        if (check.size() != 1 || !check.get(0).equals(rat)) {
            return null;
        }
        accepted++;
        return new Sequence(v, rat, distractor);
    }

    /**
     * Step 6's resampling: a value drawn uniformly from {@code allowed} (no rule complies with it) that also
     * keeps the last image a valid assignment (Raven: no more colours than objects); false if there is none.
     */
    private boolean resampleLast(int[] last, int q, int[] allowed, Random rng) {
        int old = last[q];
        for (int left = allowed.length; left > 0; left--) {
            int pick = rng.nextInt(left);
            last[q] = allowed[pick];
            universe.derive(last);
            if (universe.valid(last)) {
                return true;
            }
            allowed[pick] = allowed[left - 1]; // drop the invalid candidate, keep sampling without replacement
        }
        last[q] = old;
        universe.derive(last);
        return false;
    }

    private void resampleDistractors(int[] a, boolean[] distractor, Random rng) {
        for (int q = 0; q < a.length; q++) {
            if (distractor[q]) {
                a[q] = universe.sampleValue(q, a, rng);
            }
        }
        universe.derive(a);
    }

    /** Fraction of attempts accepted so far (a cost diagnostic of the rejection sampler). */
    public double acceptanceRate() {
        return attempts == 0 ? Double.NaN : accepted / (double) attempts;
    }
}
