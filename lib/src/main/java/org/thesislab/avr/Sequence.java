package org.thesislab.avr;

/**
 * One generated sequence of assignments V = (v^1..v^n) with the unique rationale it complies with.
 *
 * @param values     values[i][p] = v_p^i
 * @param rationale  the only rationale the verifier finds on {@code values}
 * @param distractor distractor[p]: p was resampled for every image (step 2); false for p itself and
 *                   for properties kept constant
 */
public record Sequence(int[][] values, Rationale rationale, boolean[] distractor) {

    public int length() {
        return values.length;
    }
}
