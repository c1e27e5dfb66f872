package org.thesislab.flextuning;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The target domains: Fashion-MNIST images under a visual shift that keeps every label (thesis §4.1.4:
 * "semantically close but visually different"; the target label set is the source's). Ordered from
 * local pixel-level shifts through geometric ones to texture/background changes. The thesis does not
 * give magnitudes; ours are stated per shift. Each shift is deterministic under its seed.
 */
public enum TargetShift {
    /** Additive Gaussian noise, σ = 0.3, clipped to [0, 1] (thesis: Noisy CIFAR). */
    NOISY(Kind.PIXEL, "additive Gaussian noise σ=0.3, clipped"),
    /** Gaussian blur, σ = 1.5 px (thesis: Blurry MNIST / CIFAR). */
    BLURRY(Kind.PIXEL, "Gaussian blur σ=1.5 px"),
    /** x → 1 − x: a linear intensity map, exactly undone by unit 1 away from the borders (thesis: YUV). */
    INVERTED(Kind.PIXEL, "inverted intensities x → 1−x"),
    /** Low contrast on a grey floor plus gamma: x → 0.35 + 0.4·x^0.6 (thesis: colour changes, HSV). */
    LOW_CONTRAST(Kind.PIXEL, "contrast/gamma change x → 0.35+0.4·x^0.6"),
    /** A fixed 90° rotation of every image (thesis: Transform (fixed), Fixed rotation). */
    ROTATED(Kind.GEOMETRIC, "fixed 90° rotation"),
    /** A random affine map per image: rotation ±30°, scale 0.8-1.1, shear ±0.3, shift ±2 px (thesis: Transform (random)). */
    AFFINE(Kind.GEOMETRIC, "random affine: rot ±30°, scale 0.8–1.1, shear ±0.3, shift ±2 px"),
    /** MNIST-M-style blend |x − t| with a random grating texture t per image (thesis: MNIST-M). */
    TEXTURED(Kind.TEXTURE, "texture blend |x − t|, random gratings t");

    /** The kind of shift, from low-level to more semantic. */
    public enum Kind { PIXEL, GEOMETRIC, TEXTURE }

    private final Kind kind;
    private final String description;

    TargetShift(Kind kind, String description) {
        this.kind = kind;
        this.description = description;
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return description;
    }

    /** A short name for tables and summary keys, e.g. "rotated". */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TargetShift parse(String name) {
        for (TargetShift s : values()) {
            if (s.label().equalsIgnoreCase(name.trim()) || s.name().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown target shift '" + name + "'. Use one of: "
                + Arrays.stream(values()).map(TargetShift::label).collect(Collectors.joining(", ")) + ".");
    }

    /**
     * The shifted copy of {@code n} square images of side {@code side} stored row-major in {@code images}
     * (values in [0, 1]). The input is not modified; labels are untouched by construction.
     */
    public float[] apply(float[] images, int n, int side, long seed) {
        if (images.length != n * side * side) {
            throw new IllegalArgumentException("TargetShift." + name() + ": expected " + n + "x" + side + "x" + side
                    + " = " + n * side * side + " values, got " + images.length + ".");
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        int px = side * side;
        float[] out = new float[images.length];
        for (int i = 0; i < n; i++) {
            // One independent stream per image: image i's shift does not depend on how many images precede it.
            SplittableRandom r = rnd.split();
            float[] img = Arrays.copyOfRange(images, i * px, (i + 1) * px);
            float[] shifted = switch (this) {
                case NOISY -> ShiftTransforms.addNoise(img, 0.3, r);
                case BLURRY -> ShiftTransforms.gaussianBlur(img, side, 1.5);
                case INVERTED -> ShiftTransforms.invert(img);
                case LOW_CONTRAST -> ShiftTransforms.contrastGamma(img, 0.35f, 0.4f, 0.6);
                case ROTATED -> ShiftTransforms.rotate90(img, side);
                case AFFINE -> ShiftTransforms.randomAffine(img, side, Math.toRadians(30), 0.8, 1.1, 0.3, 2.0, r);
                case TEXTURED -> ShiftTransforms.textureBlend(img, side, r);
            };
            System.arraycopy(shifted, 0, out, i * px, px);
        }
        return out;
    }
}
