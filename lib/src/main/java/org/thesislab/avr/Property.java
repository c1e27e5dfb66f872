package org.thesislab.avr;

import java.util.Arrays;
import java.util.Random;

/**
 * A visual property p of an AVR universe with the abstract values it may take (its part of V).
 *
 * @param name   the thesis' name, e.g. "floor hue"
 * @param domain the valid abstract values, sorted; a rule output outside it is an invalid assignment
 * @param isSet  whether values are bit sets (Raven's set-valued properties) rather than numbers
 */
public record Property(String name, int[] domain, boolean isSet) {

    /** A numeric property with values 1..count. */
    public static Property numeric(String name, int count) {
        int[] d = new int[count];
        for (int i = 0; i < count; i++) {
            d[i] = i + 1;
        }
        return new Property(name, d, false);
    }

    public boolean contains(int value) {
        return Arrays.binarySearch(domain, value) >= 0;
    }

    /** A value drawn from q, the uniform distribution over the domain. */
    public int sample(Random rng) {
        return domain[rng.nextInt(domain.length)];
    }

    public int cardinality() {
        return domain.length;
    }

    /** Position of a value in the domain (0-based), for one-hot codes and oracle targets. */
    public int indexOf(int value) {
        int i = Arrays.binarySearch(domain, value);
        if (i < 0) {
            throw new IllegalArgumentException(value + " is not a value of property '" + name + "'");
        }
        return i;
    }

    public String format(int value) {
        if (!isSet) {
            return Integer.toString(value);
        }
        StringBuilder sb = new StringBuilder("{");
        for (int b = 0; b < 31; b++) {
            if ((value & (1 << b)) != 0) {
                sb.append(sb.length() > 1 ? "," : "").append(b + 1);
            }
        }
        return sb.append('}').toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
