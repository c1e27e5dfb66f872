package org.thesislab.avr;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An abstract visual reasoning universe (P, V, R, psi) of §2.2.1, without its renderer psi (see
 * {@link Renderer}): the visual properties with their values, the rules, and which rationales (r, p)
 * are permitted. Rationale class indices run over the full grid R x P as {@code p * |R| + r}, so a
 * consistent model's per-property scores flatten straight into class scores.
 *
 * <p>Universes whose properties constrain each other (Raven: positions determine the number of objects)
 * override the three hooks {@link #derive}, {@link #valid} and {@link #couple}.
 */
public class Universe {

    private final String name;
    private final List<Property> properties;
    private final List<Rule> rules;
    private final boolean[][] permitted;

    public Universe(String name, List<Property> properties, List<Rule> rules, boolean[][] permitted) {
        if (permitted.length != rules.size() || permitted[0].length != properties.size()) {
            throw new IllegalArgumentException("permitted must be |R| x |P| = " + rules.size() + " x "
                    + properties.size() + ", got " + permitted.length + " x " + permitted[0].length);
        }
        this.name = name;
        this.properties = List.copyOf(properties);
        this.rules = List.copyOf(rules);
        this.permitted = permitted;
    }

    /** A universe in which every rule may act on every property. */
    public static Universe allPermitted(String name, List<Property> properties, List<Rule> rules) {
        boolean[][] all = new boolean[rules.size()][properties.size()];
        for (boolean[] row : all) {
            java.util.Arrays.fill(row, true);
        }
        return new Universe(name, properties, rules, all);
    }

    public String name() {
        return name;
    }

    public List<Property> properties() {
        return properties;
    }

    public List<Rule> rules() {
        return rules;
    }

    public Property property(int p) {
        return properties.get(p);
    }

    public Rule rule(int r) {
        return rules.get(r);
    }

    public int numProperties() {
        return properties.size();
    }

    public int numRules() {
        return rules.size();
    }

    /** |R| x |P|, the number of logits of a rationale classifier (forbidden ones are never targets). */
    public int numClasses() {
        return rules.size() * properties.size();
    }

    public boolean isPermitted(Rationale rat) {
        return permitted[rat.rule()][rat.property()];
    }

    /** The permitted rationales, in class-index order. */
    public List<Rationale> rationales() {
        List<Rationale> out = new ArrayList<>();
        for (int c = 0; c < numClasses(); c++) {
            Rationale rat = rationale(c);
            if (isPermitted(rat)) {
                out.add(rat);
            }
        }
        return out;
    }

    public int classIndex(Rationale rat) {
        return rat.property() * rules.size() + rat.rule();
    }

    public Rationale rationale(int classIndex) {
        if (classIndex < 0 || classIndex >= numClasses()) {
            throw new IllegalArgumentException("class index " + classIndex + " outside 0.." + (numClasses() - 1));
        }
        return new Rationale(classIndex % rules.size(), classIndex / rules.size());
    }

    public String describe(Rationale rat) {
        return rule(rat.rule()).name() + " on " + property(rat.property()).name();
    }

    /** A full assignment v = (v_p)_p with every property drawn independently from q. */
    public int[] sampleAssignment(Random rng) {
        int[] a = new int[properties.size()];
        for (int p = 0; p < a.length; p++) {
            a[p] = sampleValue(p, a, rng);
        }
        derive(a);
        return a;
    }

    /**
     * A value of property p drawn from q given the rest of the assignment (properties before p are
     * already set). Uniform over the domain by default; Raven draws set sizes that the objects can carry.
     */
    public int sampleValue(int p, int[] assignment, Random rng) {
        return properties.get(p).sample(rng);
    }

    /**
     * Size of the oracle's per-property code: the common abstract value space of §2.2.1. Numbers are one
     * scalar v / max V (3DS: v / 15); sets and counts are the indicator vector of their elements (Raven: 10).
     */
    public int oracleDim() {
        int bits = 0;
        for (Property p : properties) {
            if (p.encoding() != Property.Encoding.NUMBER) {
                bits = Math.max(bits, 32 - Integer.numberOfLeadingZeros(p.domain()[p.cardinality() - 1]));
            }
        }
        return bits == 0 ? 1 : bits;
    }

    /** Writes the oracle target of value {@code value} of property p (see {@link #oracleDim}). */
    public void oracleTarget(int p, int value, float[] out, int offset) {
        Property prop = properties.get(p);
        if (prop.encoding() == Property.Encoding.NUMBER) {
            out[offset] = value / (float) maxNumber();
            return;
        }
        for (int b = 0; b < oracleDim(); b++) {
            out[offset + b] = (value >> b & 1) == 1 ? 1f : 0f;
        }
    }

    private int maxNumber() {
        int max = 1;
        for (Property prop : properties) {
            if (prop.encoding() == Property.Encoding.NUMBER) {
                max = Math.max(max, prop.domain()[prop.cardinality() - 1]);
            }
        }
        return max;
    }

    /** The property whose value determines p (Raven: positions determine number), or -1. */
    public int determinedBy(int p) {
        return -1;
    }

    /** Recomputes the determined properties of an assignment from their sources. */
    public void derive(int[] assignment) {
    }

    /** Whether an assignment can be rendered (every value in range, coupled values compatible). */
    public boolean valid(int[] assignment) {
        for (int p = 0; p < assignment.length; p++) {
            if (!properties.get(p).contains(assignment[p])) {
                return false;
            }
        }
        return true;
    }

    /**
     * After the generator set property {@code p} by a rule, makes the properties it drives agree with it
     * (Raven: a new number of objects needs new positions). Returns false when that is impossible.
     */
    public boolean couple(int[] assignment, int p, Random rng) {
        derive(assignment);
        return true;
    }
}
