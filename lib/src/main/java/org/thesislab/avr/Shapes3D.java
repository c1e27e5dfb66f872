package org.thesislab.avr;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The "3DS" benchmark (§2.3), procedurally: the thesis looks images up in 3D Shapes [Burgess and Kim
 * 2018], which is not reachable here, so {@link Render} draws a 2D stand-in with the same five
 * properties and value ranges, and the object's shape as the renderer's nuisance.
 */
public final class Shapes3D {

    public static final int FLOOR_HUE = 0;
    public static final int WALL_HUE = 1;
    public static final int OBJECT_HUE = 2;
    public static final int SCALE = 3;
    public static final int ORIENTATION = 4;

    /** Increments of the five rules r(v) = v + inc. */
    public static final int[] INCREMENTS = {-2, -1, 0, 1, 2};

    private Shapes3D() {
    }

    /**
     * P = {floor, wall, object hue (10 values each), object scale (8), camera orientation (15)},
     * R = {v + inc : inc in -2..2}, all 25 rationales permitted.
     */
    public static Universe universe() {
        List<Property> props = List.of(
                Property.numeric("floor hue", 10),
                Property.numeric("wall hue", 10),
                Property.numeric("object hue", 10),
                Property.numeric("object scale", 8),
                Property.numeric("orientation", 15));
        List<Rule> rules = new ArrayList<>();
        for (int inc : INCREMENTS) {
            rules.add(Rule.increment(inc));
        }
        return Universe.allPermitted("3DS", props, rules);
    }

    /**
     * The generator of §2.3: because identity is a rule, every other property is a distractor.
     */
    public static SequenceGenerator generator(int length) {
        return new SequenceGenerator(universe(), length, 1.0);
    }

    /**
     * A 2D room: wall on the top half with a vertical corner whose position stands in for the camera
     * orientation (left face lit, right face shaded), floor on the bottom half, and an outlined object of
     * side (2 + scale) * S / 16 centred on the floor, with a shape drawn uniformly from {square, disk,
     * triangle, diamond}. Hues share one 10-colour HSV palette, as in 3D Shapes.
     */
    public static final class Render implements Renderer {

        private static final int SHAPES = 4;
        private final int size;
        private final float[][] palette = new float[10][];

        public Render(int size) {
            if (size < 16) {
                throw new IllegalArgumentException("3DS images need at least 16 px so that every scale and "
                        + "orientation step changes pixels; got " + size);
            }
            this.size = size;
            for (int h = 0; h < 10; h++) {
                palette[h] = hsvToRgb(h / 10f, 1f, 1f);
            }
        }

        @Override
        public int channels() {
            return 3;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public void render(int[] v, Random rng, byte[] out, int offset) {
            int s = size;
            int plane = s * s;
            float[] floor = palette[v[FLOOR_HUE] - 1];
            float[] wall = palette[v[WALL_HUE] - 1];
            float[] object = palette[v[OBJECT_HUE] - 1];
            int corner = Math.round((v[ORIENTATION] - 1) * (s - 1) / 14f);
            int shape = rng.nextInt(SHAPES);
            float side = (2 + v[SCALE]) * s / 16f;
            float cx = (s - 1) / 2f;
            float cy = 0.7f * s;
            for (int y = 0; y < s; y++) {
                for (int x = 0; x < s; x++) {
                    float[] c;
                    float shade;
                    int inside = inside(shape, x - cx, y - cy, side / 2f);
                    if (inside == 2) {
                        c = object;
                        shade = 0.85f;
                    } else if (inside == 1) {
                        c = object;
                        shade = 0.25f; // the outline keeps an object visible on a floor of its own hue
                    } else if (y < s / 2) {
                        c = wall;
                        shade = x < corner ? 1f : 0.6f;
                    } else {
                        c = floor;
                        shade = 1f;
                    }
                    int idx = offset + y * s + x;
                    for (int ch = 0; ch < 3; ch++) {
                        out[idx + ch * plane] = (byte) Math.round(255 * c[ch] * shade);
                    }
                }
            }
        }

        /** 2 = interior, 1 = outline (within one pixel of the border), 0 = outside. */
        private static int inside(int shape, float dx, float dy, float half) {
            float d = switch (shape) {
                case 0 -> Math.max(Math.abs(dx), Math.abs(dy));               // square
                case 1 -> (float) Math.sqrt(dx * dx + dy * dy);               // disk
                case 2 -> Math.max(dy, 2 * Math.abs(dx) - dy);                 // triangle, apex up
                default -> Math.abs(dx) + Math.abs(dy);                       // diamond
            };
            if (d <= half - 1f) {
                return 2;
            }
            return d <= half ? 1 : 0;
        }

        static float[] hsvToRgb(float h, float sat, float val) {
            java.awt.Color c = java.awt.Color.getHSBColor(h, sat, val);
            return new float[] {c.getRed() / 255f, c.getGreen() / 255f, c.getBlue() / 255f};
        }
    }
}
