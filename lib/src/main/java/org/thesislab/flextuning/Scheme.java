package org.thesislab.flextuning;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A fine-tuning scheme: which parameters of the pre-trained network are trained (thesis §4.1.2, §4.1.4).
 * <ul>
 *   <li>{@code ft-ℓ}: unit ℓ only (the flex candidates; ft-L is the baseline ft-fc(1));</li>
 *   <li>{@code ft-fc(2)}: the last two units;</li>
 *   <li>{@code ft-all}: every unit;</li>
 *   <li>{@code ft-ss}: the last unit plus per-channel kernel-scaling and bias-shifting parameters of every
 *       other layer (Sun et al. 2019b);</li>
 *   <li>{@code ft-all(1 epoch)}: every unit for a single epoch, no early stopping (faster-flex, Algorithm 5).</li>
 * </ul>
 */
public record Scheme(String name, Set<Integer> units, boolean scaleShift, boolean singleEpoch) {

    public Scheme {
        // ascending, in every JVM (Set.copyOf would iterate in an order salted per JVM)
        units = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(units));
        if (units.isEmpty()) {
            throw new IllegalArgumentException("Scheme '" + name + "' tunes no unit.");
        }
    }

    public static Scheme unit(int l) {
        return new Scheme("ft-" + l, Set.of(l), false, false);
    }

    public static Scheme all(int numUnits) {
        return new Scheme("ft-all", range(1, numUnits), false, false);
    }

    public static Scheme lastTwo(int numUnits) {
        return new Scheme("ft-fc(2)", range(numUnits - 1, numUnits), false, false);
    }

    public static Scheme scaleShift(int numUnits) {
        return new Scheme("ft-ss", Set.of(numUnits), true, false);
    }

    public static Scheme allOneEpoch(int numUnits) {
        return new Scheme("ft-all(1 epoch)", range(1, numUnits), false, true);
    }

    /** The first unit whose output changes during tuning: everything below it is a frozen prefix. */
    public int firstChangedUnit() {
        return scaleShift ? 1 : units.stream().mapToInt(Integer::intValue).min().orElseThrow();
    }

    /** The single tuned unit of a flex candidate, or -1 for multi-unit schemes. */
    public int singleUnit() {
        return !scaleShift && units.size() == 1 ? units.iterator().next() : -1;
    }

    private static Set<Integer> range(int from, int to) {
        Set<Integer> s = new TreeSet<>();
        for (int l = from; l <= to; l++) {
            s.add(l);
        }
        return s;
    }

    /** The flex candidates ft-1..ft-L. */
    public static List<Scheme> singleUnits(int numUnits) {
        return range(1, numUnits).stream().map(Scheme::unit).toList();
    }

    @Override
    public String toString() {
        return name;
    }
}
