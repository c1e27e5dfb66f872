package org.thesislab.cpfs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.thesislab.core.Seeds;

/**
 * "MovingShapes": a procedural video source with exact optical flow, standing in for the thesis' YFCC100m
 * frames and their hand-crafted flow (§3.3.2). Textured disks, squares and triangles move rigidly
 * (translation plus rotation about their centre) over a textured background that may pan. Textures live in
 * each object's own coordinates, so they move with it, and the background draws from the same texture
 * family, so texture alone never reveals figure versus ground: only motion does ("common fate").
 *
 * <p>A pixel is a point sample at its integer position (x = column, y = row). A point with object-local
 * coordinates u sits at c + R(θ)u in frame t and at c + t + R(θ+ω)u in frame t+1, so the exact flow at a
 * pixel p owned by the object is f(p) = R(ω)(p − c) + c + t − p; on the background it is the pan.
 */
public final class MovingShapes {
    public static final List<String> CLASSES = List.of("background", "disk", "square", "triangle");
    public static final int BACKGROUND = -1;

    /**
     * The generator's knobs; {@link #defaults(int)} are this reproduction's choice for 32x32 frames (the thesis
     * trains on YFCC100m video frames, §3.3.2).
     */
    public record Settings(int size, int minObjects, int maxObjects, double minRadius, double maxRadius,
            double maxShift, double maxRotation, double moveProbability, double panProbability, double maxPan) {
        public Settings {
            if (size < 8) {
                throw new IllegalArgumentException("MovingShapes frames must be at least 8 pixels wide; got " + size);
            }
            if (minObjects < 1 || maxObjects < minObjects) {
                throw new IllegalArgumentException("Need 1 <= minObjects <= maxObjects; got " + minObjects + ", " + maxObjects);
            }
            if (minRadius <= 0 || maxRadius < minRadius) {
                throw new IllegalArgumentException("Need 0 < minRadius <= maxRadius; got " + minRadius + ", " + maxRadius);
            }
        }

        public static Settings defaults(int size) {
            double k = size / 32.0;
            return new Settings(size, 2, 3, 5 * k, 9 * k, 3 * k, 0.06, 0.8, 0.5, 1.5 * k);
        }
    }

    enum Kind { STRIPES, CHECKER, NOISE, FLAT }

    /** A colour pattern over the plane (object-local or background coordinates); colours in [0, 1]. */
    record Texture(Kind kind, float[] a, float[] b, double angle, double period, double phase, float[][] grid) {
        void colour(double u, double v, float[] rgb) {
            switch (kind) {
                case STRIPES -> {
                    double s = (u * Math.cos(angle) + v * Math.sin(angle)) / period + phase;
                    copy(s - Math.floor(s) < 0.5 ? a : b, rgb);
                }
                case CHECKER -> {
                    long i = (long) Math.floor(u / period + phase) + (long) Math.floor(v / period + phase);
                    copy((i & 1) == 0 ? a : b, rgb);
                }
                case NOISE -> {
                    // Periodic value noise: bilinear between random colours on a lattice of spacing `period`.
                    int n = grid.length;
                    double gx = u / period + phase;
                    double gy = v / period + phase;
                    double fx = Math.floor(gx);
                    double fy = Math.floor(gy);
                    double wx = gx - fx;
                    double wy = gy - fy;
                    int x0 = Math.floorMod((long) fx, n);
                    int y0 = Math.floorMod((long) fy, n);
                    int x1 = (x0 + 1) % n;
                    int y1 = (y0 + 1) % n;
                    for (int c = 0; c < 3; c++) {
                        float c00 = grid[y0][x0 * 3 + c];
                        float c01 = grid[y0][x1 * 3 + c];
                        float c10 = grid[y1][x0 * 3 + c];
                        float c11 = grid[y1][x1 * 3 + c];
                        rgb[c] = (float) ((1 - wy) * ((1 - wx) * c00 + wx * c01) + wy * ((1 - wx) * c10 + wx * c11));
                    }
                }
                case FLAT -> copy(a, rgb);
            }
        }

        private static void copy(float[] from, float[] to) {
            System.arraycopy(from, 0, to, 0, 3);
        }

        static Texture random(Random r) {
            Kind kind = Kind.values()[r.nextInt(Kind.values().length)];
            float[] a = randomColour(r);
            float[] b = randomColour(r);
            return switch (kind) {
                case STRIPES -> new Texture(kind, a, b, r.nextDouble() * Math.PI, 2 + 3 * r.nextDouble(), r.nextDouble(), null);
                case CHECKER -> new Texture(kind, a, b, 0, 2 + 3 * r.nextDouble(), r.nextDouble(), null);
                case NOISE -> {
                    int n = 4;
                    float[][] grid = new float[n][3 * n];
                    for (float[] row : grid) {
                        for (int i = 0; i < row.length; i++) {
                            row[i] = r.nextFloat();
                        }
                    }
                    yield new Texture(kind, a, b, 0, 3 + 3 * r.nextDouble(), r.nextDouble(), grid);
                }
                case FLAT -> new Texture(kind, a, b, 0, 1, 0, null);
            };
        }

        private static float[] randomColour(Random r) {
            return new float[] {r.nextFloat(), r.nextFloat(), r.nextFloat()};
        }
    }

    /** One object: class (1 disk, 2 square, 3 triangle), pose in frame t, texture and rigid motion. */
    public record Thing(int cls, double cx, double cy, double theta, double radius, Texture texture,
            double tx, double ty, double omega) {
        /** Object-local coordinates of image point (x, y) at time 0 or 1; null-free, writes into {@code uv}. */
        void local(int time, double x, double y, double[] uv) {
            double dx = x - cx - time * tx;
            double dy = y - cy - time * ty;
            double a = -(theta + time * omega);
            uv[0] = Math.cos(a) * dx - Math.sin(a) * dy;
            uv[1] = Math.sin(a) * dx + Math.cos(a) * dy;
        }

        boolean inside(double u, double v) {
            return switch (cls) {
                case 1 -> u * u + v * v <= radius * radius;
                case 2 -> Math.abs(u) <= 0.8 * radius && Math.abs(v) <= 0.8 * radius;
                case 3 -> {
                    boolean in = true;
                    for (int k = 0; k < 3; k++) {
                        double a = Math.PI / 2 + k * 2 * Math.PI / 3;
                        in &= Math.cos(a) * u + Math.sin(a) * v <= radius / 2;
                    }
                    yield in;
                }
                default -> throw new IllegalStateException("unknown shape class " + cls);
            };
        }

        /** The exact flow of this object at image point (x, y) of frame t: R(ω)(p − c) + c + t − p. */
        void flow(double x, double y, double[] f) {
            double dx = x - cx;
            double dy = y - cy;
            f[0] = Math.cos(omega) * dx - Math.sin(omega) * dy + cx + tx - x;
            f[1] = Math.sin(omega) * dx + Math.cos(omega) * dy + cy + ty - y;
        }
    }

    /** A frame pair's content: background texture and pan, objects from bottom to top (z-order). */
    public record Scene(Texture background, double panX, double panY, List<Thing> things) {
        /** Index of the topmost object covering (x, y) at time 0 or 1, or {@link #BACKGROUND}. */
        public int owner(int time, double x, double y) {
            double[] uv = new double[2];
            for (int k = things.size() - 1; k >= 0; k--) {
                Thing t = things.get(k);
                t.local(time, x, y, uv);
                if (t.inside(uv[0], uv[1])) {
                    return k;
                }
            }
            return BACKGROUND;
        }

        /** The colour at image point (x, y) of frame {@code time}: the continuous renderer. */
        public void colour(int time, double x, double y, float[] rgb) {
            int k = owner(time, x, y);
            if (k == BACKGROUND) {
                background.colour(x - time * panX, y - time * panY, rgb);
            } else {
                double[] uv = new double[2];
                things.get(k).local(time, x, y, uv);
                things.get(k).texture().colour(uv[0], uv[1], rgb);
            }
        }

        /** The exact flow at image point (x, y) of frame t (pixels). */
        public void flow(double x, double y, double[] f) {
            int k = owner(0, x, y);
            if (k == BACKGROUND) {
                f[0] = panX;
                f[1] = panY;
            } else {
                things.get(k).flow(x, y, f);
            }
        }
    }

    private final Settings settings;

    public MovingShapes(Settings settings) {
        this.settings = settings;
    }

    public Settings settings() {
        return settings;
    }

    /** A random scene; objects keep their centre inside the frame. */
    public Scene scene(Random r) {
        Settings s = settings;
        int n = s.minObjects() + r.nextInt(s.maxObjects() - s.minObjects() + 1);
        List<Thing> things = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double radius = s.minRadius() + r.nextDouble() * (s.maxRadius() - s.minRadius());
            double margin = 0.5 * radius;
            double cx = margin + r.nextDouble() * (s.size() - 1 - 2 * margin);
            double cy = margin + r.nextDouble() * (s.size() - 1 - 2 * margin);
            boolean moves = r.nextDouble() < s.moveProbability();
            double tx = moves ? (2 * r.nextDouble() - 1) * s.maxShift() : 0;
            double ty = moves ? (2 * r.nextDouble() - 1) * s.maxShift() : 0;
            double omega = moves ? (2 * r.nextDouble() - 1) * s.maxRotation() : 0;
            things.add(new Thing(1 + r.nextInt(3), cx, cy, r.nextDouble() * 2 * Math.PI, radius, Texture.random(r), tx, ty, omega));
        }
        boolean pans = r.nextDouble() < s.panProbability();
        double px = pans ? (2 * r.nextDouble() - 1) * s.maxPan() : 0;
        double py = pans ? (2 * r.nextDouble() - 1) * s.maxPan() : 0;
        return new Scene(Texture.random(r), px, py, things);
    }

    /**
     * Rendered frame pairs with their exact flow and labels, as arrays: frames (N, 3, H, W) in [0, 1], next
     * frames (N, 3, H, W), flow (N, 2, H, W) in pixels (x then y), semantic classes (N, H, W) with 0 =
     * background, 1..3 = {@link #CLASSES}, and instance ids (N, H, W) with 0 = background.
     */
    public record Clips(NDArray frames, NDArray next, NDArray flow, NDArray semantic, NDArray instance) {
        public int size() {
            return (int) frames.getShape().get(0);
        }
    }

    /** {@code count} clips; clip i is drawn from {@code Seeds.derive(seed, i)}, so any range is reproducible. */
    public Clips render(NDManager manager, long seed, int count) {
        int h = settings.size();
        int plane = h * h;
        float[] frames = new float[count * 3 * plane];
        float[] next = new float[count * 3 * plane];
        float[] flow = new float[count * 2 * plane];
        int[] semantic = new int[count * plane];
        int[] instance = new int[count * plane];
        float[] rgb = new float[3];
        double[] f = new double[2];
        for (int i = 0; i < count; i++) {
            if (Thread.currentThread().isInterrupted()) {
                // Interrupt status left set, as TrainingStep does, so the rest of the interrupted cell stops too.
                throw new CancellationException("Rendering MovingShapes clips was interrupted at clip " + (i + 1)
                        + " of " + count + "; nothing was kept.");
            }
            Scene scene = scene(new Random(Seeds.derive(seed, i)));
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < h; x++) {
                    int p = y * h + x;
                    int k = scene.owner(0, x, y);
                    semantic[i * plane + p] = k == BACKGROUND ? 0 : scene.things().get(k).cls();
                    instance[i * plane + p] = k + 1;
                    scene.colour(0, x, y, rgb);
                    for (int c = 0; c < 3; c++) {
                        frames[(i * 3 + c) * plane + p] = rgb[c];
                    }
                    scene.colour(1, x, y, rgb);
                    for (int c = 0; c < 3; c++) {
                        next[(i * 3 + c) * plane + p] = rgb[c];
                    }
                    scene.flow(x, y, f);
                    flow[(i * 2) * plane + p] = (float) f[0];
                    flow[(i * 2 + 1) * plane + p] = (float) f[1];
                }
            }
        }
        return new Clips(manager.create(frames, new Shape(count, 3, h, h)), manager.create(next, new Shape(count, 3, h, h)),
                manager.create(flow, new Shape(count, 2, h, h)), manager.create(semantic, new Shape(count, h, h)),
                manager.create(instance, new Shape(count, h, h)));
    }
}
