package org.thesislab.avr;

/** A rule-property pair (r, p) (Def. 2.2.1), by index into the universe's rules and properties. */
public record Rationale(int rule, int property) {
}
