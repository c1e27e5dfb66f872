package org.thesislab.odgi;

import java.util.List;

/**
 * One aerial-like image: RGB channel-first pixels in [0, 1] at {@code size} x {@code size}, and its
 * labelled objects (distractors are drawn but not labelled).
 */
public record AerialImage(float[] pixels, int size, List<Box> objects) {
    public AerialImage {
        if (pixels.length != 3 * size * size) {
            throw new IllegalArgumentException("pixels must hold 3x" + size + "x" + size + " floats, got " + pixels.length);
        }
        objects = List.copyOf(objects);
    }

    /**
     * The image at {@code n} x {@code n} by area averaging: the detectors' low-resolution inputs (area averaging
     * is this reproduction's choice; the authors' code resizes bilinearly).
     */
    public float[] at(int n) {
        return Resampling.areaResize(pixels, size, n);
    }

    /** Mirrored left-right, boxes included. */
    public AerialImage flipped() {
        return new AerialImage(Resampling.flipX(pixels, size), size, objects.stream().map(Box::flipX).toList());
    }
}
