package org.thesislab.core;

import java.util.List;
import java.util.Map;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * One claim of a thesis, stated once and checked against the numbers a run recorded in its summary.json: the
 * quantity {@code subject} must exceed (or stay below) {@code reference} by more than {@code margin}, or be at
 * least (at most) the share {@code margin} of it.
 * {@code subject} is a summary key; {@code reference} is a summary key or, through {@link #above(double)} and
 * {@link #below(double)}, a fixed value. Each chapter lists its claims in a {@code <Chapter>Claims} class; the
 * notebook ends with {@link Run#claims}, which computes the verdicts from the run; the headline tests and
 * {@code environment/lab reproduce --seeds} check the same objects.
 *
 * @param id        short lower_snake_case name, the key in summary.json's {@code claims}
 * @param statement the claim in the thesis' words, with where it is made ("Table 3.2: ...")
 * @param thesis    the thesis' own numbers for it, as text ("0.646 vs 0.383 AP@0.5 at 512 px")
 * @param margin    how much the difference must exceed to count as "holds", in the quantity's unit; set from
 *                  measured seed-to-seed spreads, not tuned to pass
 * @param caveat    why the claim may not hold at a small scale, shown beside a "does not hold" verdict only
 *                  ({@link #unlessNoted}); empty when nothing is known
 */
public record Claim(String id, String statement, String thesis, String subject, Relation relation, String reference,
                    double fixedReference, double margin, String caveat) {

    /** Which way the claim goes. */
    public enum Relation {
        GREATER(">"), LESS("<"),
        /** at least a share of the reference: {@code margin} holds the share */
        AT_LEAST_SHARE(">="),
        /** at most a share of the reference: {@code margin} holds the share */
        AT_MOST_SHARE("<=");

        final String symbol;

        Relation(String symbol) {
            this.symbol = symbol;
        }
    }

    /** The verdict of a claim on one run. */
    public enum Outcome {
        HOLDS("holds"), DOES_NOT_HOLD("does not hold"), NOT_RUN("not run at this scale");

        public final String label;

        Outcome(String label) {
            this.label = label;
        }
    }

    /** A claim's verdict with the two numbers it rests on. */
    public record Verdict(Claim claim, double ours, double reference, Outcome outcome) {}

    public Claim {
        if (!id.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("Claim id '" + id + "' must be lower_snake_case (a-z, 0-9, _).");
        }
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("Claim " + id + ": the margin must be >= 0, got " + margin);
        }
        caveat = caveat == null ? "" : caveat;
    }

    /**
     * The same claim with what is known about why it may not hold at a small scale: the verdict table shows it
     * beside "does not hold" (and only there), so that a notebook explains a failed claim without prose that
     * states a result.
     */
    public Claim unlessNoted(String why) {
        return new Claim(id, statement, thesis, subject, relation, reference, fixedReference, margin, why);
    }

    /** In how many of the runs (one summary each, e.g. one per seed) the claim holds. */
    public long heldIn(List<? extends Map<String, ?>> summaries) {
        return summaries.stream().filter(s -> judge(s).outcome() == Outcome.HOLDS).count();
    }

    /** Starts a claim: {@code Claim.that("pic_beats_per_pixel", "...", "2.72 vs ...").quantity("a").below("b", 0.05)}. */
    public static Builder that(String id, String statement, String thesis) {
        return new Builder(id, statement, thesis);
    }

    /** The claim's verdict on a run's summary numbers; a missing or non-finite number means it was not run. */
    public Verdict judge(Map<String, ?> summary) {
        double ours = number(summary.get(subject));
        double ref = reference == null ? fixedReference : number(summary.get(reference));
        if (!Double.isFinite(ours) || !Double.isFinite(ref)) {
            return new Verdict(this, ours, ref, Outcome.NOT_RUN);
        }
        boolean holds = switch (relation) {
            case GREATER -> ours - ref > margin;
            case LESS -> ref - ours > margin;
            case AT_LEAST_SHARE -> ours >= margin * ref;
            case AT_MOST_SHARE -> ours <= margin * ref;
        };
        return new Verdict(this, ours, ref, holds ? Outcome.HOLDS : Outcome.DOES_NOT_HOLD);
    }

    /** What is compared, in summary keys: "cnn_co_heldout_acc > cnn_heldout_acc + 0.1". */
    public String comparison() {
        String ref = reference == null ? digits(fixedReference) : reference;
        if (relation == Relation.AT_LEAST_SHARE || relation == Relation.AT_MOST_SHARE) {
            return subject + " " + relation.symbol + " " + margin + " × " + ref;
        }
        String m = margin == 0 ? "" : (relation == Relation.GREATER ? " + " : " - ") + margin;
        return subject + " " + relation.symbol + " " + ref + m;
    }

    /**
     * The verdicts as a table: claim, the thesis, what was compared, our numbers, the verdict and, for a claim that
     * does not hold, its caveat.
     */
    public static Table table(String title, List<Verdict> verdicts) {
        StringColumn claim = StringColumn.create("claim");
        StringColumn thesis = StringColumn.create("thesis");
        StringColumn compared = StringColumn.create("compared");
        StringColumn ours = StringColumn.create("here");
        StringColumn verdict = StringColumn.create("verdict");
        StringColumn why = StringColumn.create("why it may not hold here");
        for (Verdict v : verdicts) {
            claim.append(v.claim().statement());
            thesis.append(v.claim().thesis());
            compared.append(v.claim().comparison());
            ours.append(digits(v.ours()) + " vs " + digits(v.reference()));
            verdict.append(v.outcome().label);
            why.append(v.outcome() == Outcome.DOES_NOT_HOLD ? v.claim().caveat() : "");
        }
        return Table.create(title, claim, thesis, compared, ours, verdict, why);
    }

    /** Four significant digits, no trailing zeros: 0.8, 24.68, 0.0052. */
    static String digits(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** Builds a claim step by step. */
    public static final class Builder {
        private final String id;
        private final String statement;
        private final String thesis;
        private String subject;

        private Builder(String id, String statement, String thesis) {
            this.id = id;
            this.statement = statement;
            this.thesis = thesis;
        }

        /** The summary key of the quantity the claim is about. */
        public Builder quantity(String summaryKey) {
            this.subject = summaryKey;
            return this;
        }

        public Claim above(String referenceKey, double margin) {
            return new Claim(id, statement, thesis, subject, Relation.GREATER, referenceKey, Double.NaN, margin, "");
        }

        public Claim below(String referenceKey, double margin) {
            return new Claim(id, statement, thesis, subject, Relation.LESS, referenceKey, Double.NaN, margin, "");
        }

        /** Holds when the quantity is at least {@code share} of the reference ("within 80% of"). */
        public Claim atLeastShareOf(String referenceKey, double share) {
            return new Claim(id, statement, thesis, subject, Relation.AT_LEAST_SHARE, referenceKey, Double.NaN, share, "");
        }

        /** Holds when the quantity is at most {@code share} of the reference ("with 75% of the pixels"). */
        public Claim atMostShareOf(String referenceKey, double share) {
            return new Claim(id, statement, thesis, subject, Relation.AT_MOST_SHARE, referenceKey, Double.NaN, share, "");
        }

        public Claim above(double value) {
            return new Claim(id, statement, thesis, subject, Relation.GREATER, null, value, 0, "");
        }

        public Claim below(double value) {
            return new Claim(id, statement, thesis, subject, Relation.LESS, null, value, 0, "");
        }
    }
}
