package org.thesislab.avr;

/**
 * A rule of an AVR universe (§2.2.1): a function of arity k from the k previous abstract values of a
 * property to the next one. Abstract values are ints (a number, or a bit set for set-valued properties).
 */
public interface Rule {

    /** Marks a rule output that has no meaning (e.g. a set operation that yields an empty set). */
    int UNDEFINED = Integer.MIN_VALUE;

    String name();

    int arity();

    /** r(v^{i-k}, ..., v^{i-1}); {@link #UNDEFINED} when the rule cannot be applied to this context. */
    int apply(int[] context);

    /** Compliance of one step, the inner condition of (2.1): r(context) = value. */
    default boolean complies(int[] context, int value) {
        int out = apply(context);
        return out != UNDEFINED && out == value;
    }

    /** r(v) = v + inc, the 3DS rules (§2.3). */
    static Rule increment(int inc) {
        return new Rule() {
            public String name() {
                return inc == 0 ? "identity" : String.format("%+d", inc);
            }

            public int arity() {
                return 1;
            }

            public int apply(int[] context) {
                return context[0] + inc;
            }

            @Override
            public String toString() {
                return name();
            }
        };
    }
}
