package org.thesislab.odgi;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A procedural stand-in for VEDAI / SDD: sparse clusters of small "vehicles" on textured ground with
 * roads, plus unlabelled distractors of the same colours but other shapes (so colour alone does not
 * find objects). Sizes are given at a 128-px canvas (this reproduction divides the thesis' 1024 px by 8):
 * vehicles are 3-6 px, about VEDAI's 0.1 % of the image area.
 *
 * @param size             output side in pixels
 * @param objectScale      multiplies object sizes (flexibility sweep, §3.1.6); 1 = aerial-like
 * @param fixedClusterSize objects per cluster; 0 = the aerial-like law 1 + Binomial(5, 0.35)
 */
public record SparseClusters(int size, double objectScale, int fixedClusterSize) {

    private static final float[][] PALETTE = {
            {0.90f, 0.10f, 0.10f}, {0.10f, 0.30f, 0.95f}, {0.95f, 0.95f, 0.95f}, {0.95f, 0.85f, 0.10f},
            {0.10f, 0.85f, 0.85f}, {0.85f, 0.15f, 0.85f}, {0.98f, 0.55f, 0.05f}, {0.05f, 0.05f, 0.08f}};
    private static final float[][] GROUND = {
            {0.45f, 0.40f, 0.28f}, {0.33f, 0.42f, 0.25f}, {0.52f, 0.47f, 0.36f}, {0.38f, 0.35f, 0.30f}};

    public SparseClusters {
        if (size < 16) {
            throw new IllegalArgumentException("size must be >= 16 px, got " + size);
        }
        if (!(objectScale > 0)) {
            throw new IllegalArgumentException("objectScale must be > 0, got " + objectScale);
        }
        if (fixedClusterSize < 0) {
            throw new IllegalArgumentException("fixedClusterSize must be >= 0 (0 = random), got " + fixedClusterSize);
        }
    }

    /** The aerial-like default at a given canvas size. */
    public static SparseClusters aerial(int size) {
        return new SparseClusters(size, 1.0, 0);
    }

    /** {@code count} images from one seed; image k depends only on (seed, k). */
    public List<AerialImage> generate(int count, long seed) {
        List<AerialImage> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            out.add(generate(new Random(seed * 1_000_003L + k)));
        }
        return out;
    }

    /** One image, rendered at twice the size and 2x2-averaged for soft edges. */
    public AerialImage generate(Random rnd) {
        int s2 = 2 * size;
        double px = size / 128.0;  // canvas pixels per pixel of the 128-px reference canvas
        float[] canvas = new float[3 * s2 * s2];
        List<double[]> roads = paintGround(canvas, s2, rnd, px);
        List<Box> objects = layout(rnd, roads, px);
        for (Box b : objects) {
            float[] colour = PALETTE[rnd.nextInt(PALETTE.length)];
            double shadow = 1.0 / 128;
            fillRect(canvas, s2, b.x0() + shadow, b.y0() + shadow, b.x1() + shadow, b.y1() + shadow, new float[]{0.08f, 0.07f, 0.06f});
            fillRect(canvas, s2, b.x0(), b.y0(), b.x1(), b.y1(), colour);
        }
        paintDistractors(canvas, s2, rnd, objects, px);
        float[] img = Resampling.areaResize(canvas, s2, size);
        for (int k = 0; k < img.length; k++) {
            img[k] = (float) Math.max(0, Math.min(1, img[k] + 0.03 * rnd.nextGaussian()));
        }
        return new AerialImage(img, size, objects);
    }

    /** Earth-tone base, low-frequency value noise, 1-3 straight roads; returns the roads as {px, py, dx, dy, halfWidth}. */
    private List<double[]> paintGround(float[] canvas, int n, Random rnd, double px) {
        float[] base = GROUND[rnd.nextInt(GROUND.length)];
        double[][] noise = new double[9][9];
        for (double[] row : noise) {
            for (int k = 0; k < row.length; k++) {
                row[k] = (rnd.nextDouble() * 2 - 1) * 0.15;
            }
        }
        List<double[]> roads = new ArrayList<>();
        int nRoads = 1 + rnd.nextInt(3);
        for (int r = 0; r < nRoads; r++) {
            double angle = rnd.nextDouble() * Math.PI;
            roads.add(new double[]{0.2 + 0.6 * rnd.nextDouble(), 0.2 + 0.6 * rnd.nextDouble(), Math.cos(angle), Math.sin(angle),
                    (6 + 4 * rnd.nextDouble()) / 2 / 128, 0.35 + 0.2 * rnd.nextDouble()});
        }
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                double u = (x + 0.5) / n, v = (y + 0.5) / n;
                double gx = u * 8, gy = v * 8;
                int ix = Math.min(7, (int) gx), iy = Math.min(7, (int) gy);
                double fx = gx - ix, fy = gy - iy;
                double value = noise[iy][ix] * (1 - fx) * (1 - fy) + noise[iy][ix + 1] * fx * (1 - fy)
                        + noise[iy + 1][ix] * (1 - fx) * fy + noise[iy + 1][ix + 1] * fx * fy;
                float[] colour = base;
                float grey = -1;
                for (double[] road : roads) {
                    if (distanceToLine(road, u, v) < road[4]) {
                        grey = (float) road[5];
                    }
                }
                for (int c = 0; c < 3; c++) {
                    double p = grey >= 0 ? grey + value * 0.3 : colour[c] * (1 + value);
                    canvas[(c * n + y) * n + x] = (float) p;
                }
            }
        }
        return roads;
    }

    private static double distanceToLine(double[] road, double u, double v) {
        return Math.abs((u - road[0]) * road[3] - (v - road[1]) * road[2]);
    }

    /** K clusters (P = .4/.4/.2 for 1/2/3), centres >= 30 px apart and preferably on roads, plus 0-2 singles. */
    private List<Box> layout(Random rnd, List<double[]> roads, double px) {
        double u = rnd.nextDouble();
        int k = u < 0.4 ? 1 : u < 0.8 ? 2 : 3;
        List<double[]> centres = new ArrayList<>();
        List<Box> objects = new ArrayList<>();
        double margin = 16.0 / 128;
        for (int tries = 0; centres.size() < k && tries < 200; tries++) {
            double cx, cy;
            if (rnd.nextDouble() < 0.7) {
                double[] road = roads.get(rnd.nextInt(roads.size()));
                double t = rnd.nextDouble() * 1.2 - 0.6;
                cx = road[0] + t * road[2];
                cy = road[1] + t * road[3];
            } else {
                cx = rnd.nextDouble();
                cy = rnd.nextDouble();
            }
            if (cx < margin || cx > 1 - margin || cy < margin || cy > 1 - margin) {
                continue;
            }
            boolean far = centres.stream().allMatch(c -> Math.hypot(c[0] - cx, c[1] - cy) >= 30.0 / 128);
            if (far) {
                centres.add(new double[]{cx, cy});
            }
        }
        for (double[] c : centres) {
            int n = fixedClusterSize > 0 ? fixedClusterSize : 1 + binomial(rnd, 5, 0.35);
            double radius = (4 + 8 * rnd.nextDouble()) / 128 * objectScale * Math.max(1, Math.sqrt(n / 3.0));
            for (int placed = 0, tries = 0; placed < n && tries < 400; tries++) {
                double r = radius * Math.sqrt(rnd.nextDouble()) * (1 + tries / 100.0), a = rnd.nextDouble() * 2 * Math.PI;
                if (place(objects, rnd, c[0] + r * Math.cos(a), c[1] + r * Math.sin(a))) {
                    placed++;
                }
            }
        }
        int singles = rnd.nextInt(3);
        for (int placed = 0, tries = 0; placed < singles && tries < 100; tries++) {
            if (place(objects, rnd, margin + (1 - 2 * margin) * rnd.nextDouble(), margin + (1 - 2 * margin) * rnd.nextDouble())) {
                placed++;
            }
        }
        return objects;
    }

    /** Places a 3-6 px (times objectScale) rectangle at a half-pixel grid if it stays inside and keeps a 1-px gap. */
    private boolean place(List<Box> objects, Random rnd, double cx, double cy) {
        double w = (3 + 3 * rnd.nextDouble()) * objectScale / 128, h = (3 + 3 * rnd.nextDouble()) * objectScale / 128;
        double grid = 1.0 / (2 * size);
        Box b = new Box(snap(cx - w / 2, grid), snap(cy - h / 2, grid), snap(cx + w / 2, grid), snap(cy + h / 2, grid));
        if (b.x0() < 1.0 / 128 || b.y0() < 1.0 / 128 || b.x1() > 1 - 2.0 / 128 || b.y1() > 1 - 2.0 / 128 || b.width() <= 0 || b.height() <= 0) {
            return false;
        }
        double gap = 1.0 / 128;
        Box grown = new Box(b.x0() - gap, b.y0() - gap, b.x1() + gap, b.y1() + gap);
        for (Box o : objects) {
            if (grown.intersection(o) > 0) {
                return false;
            }
        }
        objects.add(b);
        return true;
    }

    private static double snap(double v, double grid) {
        return Math.round(v / grid) * grid;
    }

    /** Lines, rings and plus signs in object colours, away from objects; never labelled. */
    private void paintDistractors(float[] canvas, int n, Random rnd, List<Box> objects, double px) {
        int count = rnd.nextInt(5);
        for (int d = 0, tries = 0; d < count && tries < 50; tries++) {
            double cx = 0.08 + 0.84 * rnd.nextDouble(), cy = 0.08 + 0.84 * rnd.nextDouble();
            double len = (8 + 4 * rnd.nextDouble()) / 128 * objectScale, t = 1.0 / 128 * Math.max(1, objectScale / 2);
            Box extent = Box.ofCentre(cx, cy, len + 2.0 / 128, len + 2.0 / 128);
            if (objects.stream().anyMatch(o -> o.intersection(extent) > 0)) {
                continue;
            }
            float[] colour = PALETTE[rnd.nextInt(PALETTE.length)];
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    if (rnd.nextBoolean()) {
                        fillRect(canvas, n, cx - len / 2, cy - t / 2, cx + len / 2, cy + t / 2, colour);
                    } else {
                        fillRect(canvas, n, cx - t / 2, cy - len / 2, cx + t / 2, cy + len / 2, colour);
                    }
                }
                case 1 -> {
                    double r = len / 3;
                    fillRect(canvas, n, cx - r, cy - r, cx + r, cy - r + t, colour);
                    fillRect(canvas, n, cx - r, cy + r - t, cx + r, cy + r, colour);
                    fillRect(canvas, n, cx - r, cy - r, cx - r + t, cy + r, colour);
                    fillRect(canvas, n, cx + r - t, cy - r, cx + r, cy + r, colour);
                }
                default -> {
                    double r = len / 2.5;
                    fillRect(canvas, n, cx - r, cy - t / 2, cx + r, cy + t / 2, colour);
                    fillRect(canvas, n, cx - t / 2, cy - r, cx + t / 2, cy + r, colour);
                }
            }
            d++;
        }
    }

    private static void fillRect(float[] canvas, int n, double x0, double y0, double x1, double y1, float[] colour) {
        int a = Math.max(0, (int) Math.round(x0 * n)), b = Math.min(n, (int) Math.round(x1 * n));
        int c = Math.max(0, (int) Math.round(y0 * n)), d = Math.min(n, (int) Math.round(y1 * n));
        for (int ch = 0; ch < 3; ch++) {
            for (int y = c; y < d; y++) {
                for (int x = a; x < b; x++) {
                    canvas[(ch * n + y) * n + x] = colour[ch];
                }
            }
        }
    }

    private static int binomial(Random rnd, int n, double p) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (rnd.nextDouble() < p) {
                k++;
            }
        }
        return k;
    }
}
