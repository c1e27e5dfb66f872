package org.thesislab.avr;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The "Raven" benchmark (§2.3, inspired by PGM): nine set-valued properties of objects on a 3 x 3 grid and
 * of lines, and four rules acting on the set of values present in a panel: Progression (one more element,
 * the smallest absent one), XOR, OR, AND. Counts are stored as the set {1..c}, so Progression is the same
 * bit operation on counts and on sets. The thesis renders with matplotlib scatter plots; {@link Render}
 * draws grey 2D glyphs instead.
 */
public final class Raven {

    public static final int OBJECT_NUMBER = 0;
    public static final int OBJECT_POSITIONS = 1;
    public static final int OBJECT_COLORS = 2;
    public static final int OBJECT_SIZES = 3;
    public static final int OBJECT_TYPES = 4;
    public static final int LINE_NUMBER = 5;
    public static final int LINE_COLORS = 6;
    public static final int LINE_WIDTHS = 7;
    public static final int LINE_TYPES = 8;

    static final int SLOTS = 9;
    static final int GREYS = 10;
    static final int SIZES = 3;
    static final int GLYPHS = 4;
    static final int LINE_KINDS = 4;
    static final int WIDTHS = 3;

    private Raven() {
    }

    /** The universe: 9 properties, 4 rules, the 28 permitted rationales. */
    public static Universe universe() {
        List<Property> props = List.of(
                Property.count("object number", SLOTS),
                Property.set("object positions", SLOTS),
                Property.set("object colors", GREYS),
                Property.set("object sizes", SIZES),
                Property.set("object types", GLYPHS),
                Property.count("line number", LINE_KINDS),
                Property.set("line colors", GREYS),
                Property.set("line widths", WIDTHS),
                Property.set("line types", LINE_KINDS));
        List<Rule> rules = List.of(
                setRule("Progression", 1),
                setRule("XOR", 2),
                setRule("OR", 2),
                setRule("AND", 2));
        boolean[][] permitted = new boolean[4][9];
        for (boolean[] row : permitted) {
            java.util.Arrays.fill(row, true);
        }
        // set operations on a count have no meaning; a progression of positions (line types) is always
        // also a progression of the number of objects (lines) they determine, hence ambiguous
        for (int r = 1; r <= 3; r++) {
            permitted[r][OBJECT_NUMBER] = false;
            permitted[r][LINE_NUMBER] = false;
        }
        permitted[0][OBJECT_POSITIONS] = false;
        permitted[0][LINE_TYPES] = false;
        return new RavenUniverse(props, rules, permitted);
    }

    /**
     * The generator: {@code distractors} = false gives the "no distractors" setting (other properties kept
     * constant), true the setting where each property is a distractor with probability 1/2.
     */
    public static SequenceGenerator generator(int length, boolean distractors) {
        return new SequenceGenerator(universe(), length, distractors ? 0.5 : 0.0);
    }

    /** Progression: v | (v + 1) adds the smallest absent element; XOR, OR, AND as bit operations. */
    static Rule setRule(String name, int arity) {
        return new Rule() {
            public String name() {
                return name;
            }

            public int arity() {
                return arity;
            }

            public int apply(int[] c) {
                int out = switch (name) {
                    case "Progression" -> c[0] | (c[0] + 1);
                    case "XOR" -> c[0] ^ c[1];
                    case "OR" -> c[0] | c[1];
                    default -> c[0] & c[1];
                };
                return out == 0 ? UNDEFINED : out; // an empty set cannot be drawn
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    static int randomSubset(int elements, int size, Random rng) {
        int mask = 0;
        while (Integer.bitCount(mask) < size) {
            mask |= 1 << rng.nextInt(elements);
        }
        return mask;
    }

    static int prefix(int count) {
        return (1 << count) - 1;
    }

    /** Couplings of Raven: positions determine the object number, line types the line number. */
    static final class RavenUniverse extends Universe {

        RavenUniverse(List<Property> props, List<Rule> rules, boolean[][] permitted) {
            super("Raven", props, rules, permitted);
        }

        @Override
        public int determinedBy(int p) {
            return p == OBJECT_NUMBER ? OBJECT_POSITIONS : p == LINE_NUMBER ? LINE_TYPES : -1;
        }

        @Override
        public void derive(int[] a) {
            a[OBJECT_NUMBER] = prefix(Integer.bitCount(a[OBJECT_POSITIONS]));
            a[LINE_NUMBER] = prefix(Integer.bitCount(a[LINE_TYPES]));
        }

        @Override
        public int[] sampleAssignment(Random rng) {
            int[] a = new int[numProperties()];
            // the sets that fix how many objects and lines there are come first
            a[OBJECT_POSITIONS] = sampleValue(OBJECT_POSITIONS, a, rng);
            a[LINE_TYPES] = sampleValue(LINE_TYPES, a, rng);
            derive(a);
            for (int p : new int[] {OBJECT_COLORS, OBJECT_SIZES, OBJECT_TYPES, LINE_COLORS, LINE_WIDTHS}) {
                a[p] = sampleValue(p, a, rng);
            }
            return a;
        }

        /** Set sizes uniform over what the objects (lines) can carry, then a uniform subset of that size. */
        @Override
        public int sampleValue(int p, int[] a, Random rng) {
            int objects = Math.max(1, Integer.bitCount(a[OBJECT_POSITIONS]));
            int lines = Math.max(1, Integer.bitCount(a[LINE_TYPES]));
            return switch (p) {
                case OBJECT_NUMBER -> prefix(objects);
                case LINE_NUMBER -> prefix(lines);
                case OBJECT_POSITIONS -> randomSubset(SLOTS, 1 + rng.nextInt(SLOTS), rng);
                case LINE_TYPES -> randomSubset(LINE_KINDS, 1 + rng.nextInt(LINE_KINDS), rng);
                case OBJECT_COLORS -> randomSubset(GREYS, 1 + rng.nextInt(Math.min(GREYS, objects)), rng);
                case OBJECT_SIZES -> randomSubset(SIZES, 1 + rng.nextInt(Math.min(SIZES, objects)), rng);
                case OBJECT_TYPES -> randomSubset(GLYPHS, 1 + rng.nextInt(Math.min(GLYPHS, objects)), rng);
                case LINE_COLORS -> randomSubset(GREYS, 1 + rng.nextInt(Math.min(GREYS, lines)), rng);
                default -> randomSubset(WIDTHS, 1 + rng.nextInt(Math.min(WIDTHS, lines)), rng);
            };
        }

        /** Every object (line) carries one value of each set, so no set can outnumber its objects (lines). */
        @Override
        public boolean valid(int[] a) {
            if (!super.valid(a)) {
                return false;
            }
            int objects = Integer.bitCount(a[OBJECT_POSITIONS]);
            int lines = Integer.bitCount(a[LINE_TYPES]);
            return a[OBJECT_NUMBER] == prefix(objects) && a[LINE_NUMBER] == prefix(lines)
                    && Integer.bitCount(a[OBJECT_COLORS]) <= objects && Integer.bitCount(a[OBJECT_SIZES]) <= objects
                    && Integer.bitCount(a[OBJECT_TYPES]) <= objects && Integer.bitCount(a[LINE_COLORS]) <= lines
                    && Integer.bitCount(a[LINE_WIDTHS]) <= lines;
        }

        /** A rule on a number needs new positions (line types) of that size. */
        @Override
        public boolean couple(int[] a, int p, Random rng) {
            if (p == OBJECT_NUMBER && Integer.bitCount(a[OBJECT_POSITIONS]) != Integer.bitCount(a[p])) {
                a[OBJECT_POSITIONS] = randomSubset(SLOTS, Integer.bitCount(a[p]), rng);
            } else if (p == LINE_NUMBER && Integer.bitCount(a[LINE_TYPES]) != Integer.bitCount(a[p])) {
                a[LINE_TYPES] = randomSubset(LINE_KINDS, Integer.bitCount(a[p]), rng);
            }
            derive(a);
            return true;
        }
    }

    /**
     * Grey glyphs on black: lines first (horizontal, vertical, diagonal, anti-diagonal; width 1-3 px), then
     * objects in the 3 x 3 slots (square, disk, triangle, cross; 3 sizes). Each value of a set is carried
     * by at least one object (line); the others get values of the set at random.
     */
    public static final class Render implements Renderer {

        private final int size;

        public Render(int size) {
            if (size < 24) {
                throw new IllegalArgumentException("Raven images need at least 24 px for 3 x 3 slots of 3 sizes; got " + size);
            }
            this.size = size;
        }

        @Override
        public int channels() {
            return 1;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public void render(int[] a, Random rng, byte[] out, int offset) {
            float[] img = new float[size * size];
            int[] lines = elements(a[LINE_TYPES]);
            int[] lineColor = spread(a[LINE_COLORS], lines.length, rng);
            int[] lineWidth = spread(a[LINE_WIDTHS], lines.length, rng);
            for (int i = 0; i < lines.length; i++) {
                drawLine(img, lines[i], lineWidth[i], grey(lineColor[i]));
            }
            int[] slots = elements(a[OBJECT_POSITIONS]);
            int[] color = spread(a[OBJECT_COLORS], slots.length, rng);
            int[] sizes = spread(a[OBJECT_SIZES], slots.length, rng);
            int[] glyph = spread(a[OBJECT_TYPES], slots.length, rng);
            float cell = size / 3f;
            for (int i = 0; i < slots.length; i++) {
                int s = slots[i] - 1;
                drawGlyph(img, (s % 3 + 0.5f) * cell, (s / 3 + 0.5f) * cell, (0.17f + 0.08f * sizes[i]) * cell,
                        glyph[i], grey(color[i]));
            }
            for (int i = 0; i < img.length; i++) {
                out[offset + i] = (byte) Math.round(255 * img[i]);
            }
        }

        private static float grey(int level) {
            return 0.25f + 0.75f * level / GREYS; // level 1..10 -> 0.325..1 on a black background
        }

        /** The elements (1-based) of a set, in increasing order. */
        static int[] elements(int mask) {
            int[] e = new int[Integer.bitCount(mask)];
            for (int b = 0, i = 0; b < 31; b++) {
                if ((mask & (1 << b)) != 0) {
                    e[i++] = b + 1;
                }
            }
            return e;
        }

        /** Values for {@code count} entities such that every element of the set is used at least once. */
        static int[] spread(int mask, int count, Random rng) {
            int[] e = elements(mask);
            List<Integer> values = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                values.add(i < e.length ? e[i] : e[rng.nextInt(e.length)]);
            }
            java.util.Collections.shuffle(values, rng);
            return values.stream().mapToInt(Integer::intValue).toArray();
        }

        private void drawLine(float[] img, int kind, int width, float grey) {
            float half = width / 2f;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    float cx = x + 0.5f - size / 2f;
                    float cy = y + 0.5f - size / 2f;
                    float d = switch (kind) {
                        case 1 -> Math.abs(cy);
                        case 2 -> Math.abs(cx);
                        case 3 -> Math.abs(cx - cy) / 1.4142f;
                        default -> Math.abs(cx + cy) / 1.4142f;
                    };
                    if (d <= half) {
                        img[y * size + x] = grey;
                    }
                }
            }
        }

        private void drawGlyph(float[] img, float cx, float cy, float r, int glyph, float grey) {
            int x0 = Math.max(0, (int) (cx - r - 1));
            int x1 = Math.min(size - 1, (int) (cx + r + 1));
            int y0 = Math.max(0, (int) (cy - r - 1));
            int y1 = Math.min(size - 1, (int) (cy + r + 1));
            for (int y = y0; y <= y1; y++) {
                for (int x = x0; x <= x1; x++) {
                    float dx = x + 0.5f - cx;
                    float dy = y + 0.5f - cy;
                    boolean in = switch (glyph) {
                        case 1 -> Math.max(Math.abs(dx), Math.abs(dy)) <= r * 0.85f;                 // square
                        case 2 -> dx * dx + dy * dy <= r * r;                                        // disk
                        case 3 -> dy <= r * 0.8f && 2 * Math.abs(dx) - dy <= r * 0.8f;              // triangle
                        default -> Math.min(Math.abs(dx), Math.abs(dy)) <= r * 0.3f
                                && Math.max(Math.abs(dx), Math.abs(dy)) <= r;                      // cross
                    };
                    if (in) {
                        img[y * size + x] = grey;
                    }
                }
            }
        }
    }
}
