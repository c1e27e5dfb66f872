package org.thesislab.avr;

import java.util.Arrays;
import java.util.Random;

/**
 * A visual property p of an AVR universe with the abstract values it may take (its part of V).
 *
 * @param name     the thesis' name, e.g. "floor hue"
 * @param domain   the valid abstract values, sorted; a rule output outside it is an invalid assignment
 * @param encoding how an int encodes the value
 */
public record Property(String name, int[] domain, Encoding encoding) {

    /** How abstract values are stored in an int. */
    public enum Encoding {
        /** The number itself (3DS). */
        NUMBER,
        /** A set of elements 1..m as a bit mask, bit e-1 for element e (Raven's set-valued properties). */
        SET,
        /** A count c as the mask of {1..c}, so that set rules such as Progression act on counts too (Raven). */
        COUNT
    }

    /** A numeric property with values 1..count. */
    public static Property numeric(String name, int count) {
        int[] d = new int[count];
        for (int i = 0; i < count; i++) {
            d[i] = i + 1;
        }
        return new Property(name, d, Encoding.NUMBER);
    }

    /** A set-valued property: every non-empty subset of {1..elements}. */
    public static Property set(String name, int elements) {
        int[] d = new int[(1 << elements) - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = i + 1;
        }
        return new Property(name, d, Encoding.SET);
    }

    /** A count 1..max, encoded as the mask of {1..c}. */
    public static Property count(String name, int max) {
        int[] d = new int[max];
        for (int c = 1; c <= max; c++) {
            d[c - 1] = (1 << c) - 1;
        }
        return new Property(name, d, Encoding.COUNT);
    }

    public boolean isSet() {
        return encoding == Encoding.SET;
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
        if (encoding == Encoding.NUMBER) {
            return Integer.toString(value);
        }
        if (encoding == Encoding.COUNT) {
            return Integer.toString(Integer.bitCount(value));
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
