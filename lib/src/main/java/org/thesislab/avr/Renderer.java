package org.thesislab.avr;

import java.util.Random;

/**
 * The rendering operator psi (§2.2.1): maps one assignment to an image, drawn from a distribution when
 * the renderer has nuisance factors (3DS: the object's shape).
 */
public interface Renderer {

    /** Colour channels (3 = RGB, 1 = grey). */
    int channels();

    /** Side of the square image in pixels. */
    int size();

    /** Draws psi(assignment) as 8-bit CHW pixels into {@code out} starting at {@code offset}. */
    void render(int[] assignment, Random rng, byte[] out, int offset);

    default int pixels() {
        return channels() * size() * size();
    }
}
