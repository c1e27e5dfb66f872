package org.thesislab.avr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A held-out setting (§2.2.2): Y_heldout, a strict subset of the permitted rationales, and Y_train, the
 * rest. Feasibility: every held-out (r, p) has its rule r in Y_train with another property and its
 * property p in Y_train with another rule.
 */
public record HeldOut(Universe universe, int setting, List<Rationale> heldOut, List<Rationale> train) {

    public HeldOut {
        heldOut = List.copyOf(heldOut);
        train = List.copyOf(train);
    }

    public static HeldOut of(Universe u, int setting, Set<Rationale> heldOut) {
        List<Rationale> train = new ArrayList<>();
        for (Rationale rat : u.rationales()) {
            if (!heldOut.contains(rat)) {
                train.add(rat);
            }
        }
        HeldOut h = new HeldOut(u, setting, new ArrayList<>(heldOut), train);
        if (!h.feasible()) {
            throw new IllegalArgumentException("held-out set " + heldOut + " leaves a rule or property unseen");
        }
        return h;
    }

    /**
     * 3DS (inferred, the thesis does not list its sets): setting s in 0..2 holds out the cyclic Latin
     * diagonal {(inc_j, p_{(j+s) mod |P|}) : j}, one rationale per rule and per property.
     */
    public static HeldOut latinDiagonal(Universe u, int setting) {
        if (u.numRules() != u.numProperties()) {
            throw new IllegalArgumentException("a Latin diagonal needs |R| = |P|; use HeldOut.sample for " + u.name());
        }
        Set<Rationale> held = new LinkedHashSet<>();
        for (int j = 0; j < u.numRules(); j++) {
            held.add(new Rationale(j, (j + setting) % u.numProperties()));
        }
        return of(u, setting, held);
    }

    /**
     * {@code settings} pairwise disjoint held-out sets of {@code size} permitted rationales each, all
     * feasible, found by seeded random search (Raven: 3 sets of 9 out of 28).
     */
    public static List<HeldOut> sample(Universe u, int size, int settings, long seed) {
        List<Rationale> eligible = eligible(u);
        if (eligible.size() < size * settings) {
            throw new IllegalArgumentException("only " + eligible.size() + " rationales of " + u.name() + " can be held out "
                    + "(the others have a rule or property with no other permitted partner): " + settings
                    + " disjoint sets of " + size + " do not fit");
        }
        Random rng = new Random(seed);
        for (int attempt = 0; attempt < 20_000; attempt++) {
            List<Rationale> pool = new ArrayList<>(eligible);
            Collections.shuffle(pool, rng);
            List<HeldOut> out = new ArrayList<>();
            for (int s = 0; s < settings; s++) {
                Set<Rationale> held = new LinkedHashSet<>(pool.subList(s * size, (s + 1) * size));
                HeldOut h = new HeldOut(u, s, new ArrayList<>(held), trainOf(u, held));
                if (!h.feasible()) {
                    break;
                }
                out.add(h);
            }
            if (out.size() == settings) {
                return out;
            }
        }
        throw new IllegalArgumentException("no " + settings + " disjoint feasible held-out sets of size " + size
                + " in " + u.name());
    }

    /** Rationales whose rule has another permitted property and whose property has another permitted rule. */
    static List<Rationale> eligible(Universe u) {
        List<Rationale> out = new ArrayList<>();
        for (Rationale rat : u.rationales()) {
            boolean otherProperty = false;
            boolean otherRule = false;
            for (Rationale o : u.rationales()) {
                otherProperty |= o.rule() == rat.rule() && o.property() != rat.property();
                otherRule |= o.property() == rat.property() && o.rule() != rat.rule();
            }
            if (otherProperty && otherRule) {
                out.add(rat);
            }
        }
        return out;
    }

    private static List<Rationale> trainOf(Universe u, Set<Rationale> held) {
        List<Rationale> train = new ArrayList<>(u.rationales());
        train.removeAll(held);
        return train;
    }

    /** The coverage constraint of §2.2.2. */
    public boolean feasible() {
        Set<Rationale> tr = new HashSet<>(train);
        for (Rationale h : heldOut) {
            boolean ruleSeen = false;
            boolean propertySeen = false;
            for (Rationale t : tr) {
                ruleSeen |= t.rule() == h.rule() && t.property() != h.property();
                propertySeen |= t.property() == h.property() && t.rule() != h.rule();
            }
            if (!ruleSeen || !propertySeen || tr.contains(h)) {
                return false;
            }
        }
        return !heldOut.isEmpty();
    }

    public boolean isHeldOut(Rationale rat) {
        return heldOut.contains(rat);
    }

    /** 1 for held-out classes, 0 otherwise, indexed by class index (for plots and masks). */
    public boolean[] heldOutClasses() {
        boolean[] mask = new boolean[universe.numClasses()];
        for (Rationale rat : heldOut) {
            mask[universe.classIndex(rat)] = true;
        }
        return mask;
    }
}
