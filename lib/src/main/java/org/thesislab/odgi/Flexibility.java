package org.thesislab.odgi;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * §3.1.6: when do extra stages pay off? (1) when few cells are non-empty, so few crops are needed,
 * and (2) when groups are small, so a crop resized to the next stage's input magnifies its objects.
 * This sweep makes the data denser and the objects larger (towards MS-COCO) and measures both
 * conditions with the ground-truth groups of the stage-1 grid, i.e. for an ideal stage 1 (no training).
 */
public final class Flexibility {
    private Flexibility() {
    }

    /** One data setting and what an ideal ODGI R1-R2 would need on it. */
    public record Point(double objectScale, int clusterSize, double objectAreaPercent, double emptyCellRatio16,
                        double objectsPerImage, double regionsPerImage, double regionAreaPercent,
                        double zoom, double pixelRatio) {
    }

    /**
     * @param r1 stage-1 input side, r2 stage-2 input side, high the single-shot resolution it competes with
     */
    public static List<Point> sweep(double[] objectScales, int[] clusterSizes, int images, int canvas, int r1, int r2, int high, long seed) {
        List<Point> out = new ArrayList<>();
        int grid = GridDetector.gridSize(r1);
        for (double scale : objectScales) {
            for (int cluster : clusterSizes) {
                AerialData data = new AerialData(new SparseClusters(canvas, scale, cluster).generate(images, seed));
                AerialData.Stats s = data.stats(16);
                double regions = 0, area = 0, zoom = 0;
                int count = 0;
                for (AerialImage img : data.images()) {
                    for (Box region : regions(img.objects(), grid)) {
                        regions++;
                        // The crop an ideal stage 1 would send on: the region enlarged by 1/o = 1.5 and made square.
                        double side = Math.min(1, 1.5 * Math.max(region.width(), region.height()));
                        area += region.area();
                        zoom += r2 / (side * r1);
                        count++;
                    }
                }
                double perImage = regions / images;
                out.add(new Point(scale, cluster, s.objectAreaPercent(), s.emptyCellRatio16(), s.objectsPerImage(), perImage,
                        count > 0 ? 100 * area / count : 0, count > 0 ? zoom / count : 0,
                        ((double) r1 * r1 + perImage * r2 * r2) / ((double) high * high)));
            }
        }
        return out;
    }

    /**
     * Regions an ideal stage 1 refines: the distinct targets B*_ij (groups and individuals) of the
     * grid, with overlapping ones merged by NMS at 0.25 (largest first), as the test-time transition does.
     */
    static List<Box> regions(List<Box> truths, int grid) {
        GroupTargets t = GroupTargets.of(truths, grid, grid);
        List<Detection> targets = new ArrayList<>();
        for (int i = 0; i < grid; i++) {
            for (int j = 0; j < grid; j++) {
                Box b = t.target(i, j);
                if (b != null && targets.stream().noneMatch(d -> d.box().equals(b))) {
                    targets.add(new Detection(b, b.area()));
                }
            }
        }
        return Nms.apply(targets, 0.25).stream().map(Detection::box).toList();
    }

    /**
     * Two panels: crops needed, as pixels relative to the single-shot detector, against objects per
     * cluster (condition 1); and the stage-2 zoom of a crop against object size (condition 2).
     */
    public static java.awt.image.BufferedImage figure(List<Point> points) {
        Map<String, double[][]> pixels = new LinkedHashMap<>();
        Map<String, double[][]> zoom = new LinkedHashMap<>();
        for (double scale : points.stream().mapToDouble(Point::objectScale).distinct().toArray()) {
            List<Point> row = points.stream().filter(p -> p.objectScale() == scale).toList();
            pixels.put("objects ×" + (int) scale, new double[][]{row.stream().mapToDouble(Point::clusterSize).toArray(),
                    row.stream().mapToDouble(Point::pixelRatio).toArray()});
        }
        for (int cluster : points.stream().mapToInt(Point::clusterSize).distinct().toArray()) {
            List<Point> col = points.stream().filter(p -> p.clusterSize() == cluster).toList();
            zoom.put(cluster + " / cluster", new double[][]{col.stream().mapToDouble(Point::objectScale).toArray(),
                    col.stream().mapToDouble(Point::zoom).toArray()});
        }
        return org.thesislab.viz.Plots.row(
                org.thesislab.viz.Plots.lines("(1) ideal ODGI pixels / single-shot pixels", "objects per cluster", "pixel ratio (1 = no saving)", pixels),
                org.thesislab.viz.Plots.lines("(2) stage-2 magnification of a crop", "object size multiplier", "zoom (1 = no gain)", zoom));
    }

    public static Table table(List<Point> points) {
        Table t = Table.create("§3.1.6 flexibility: ideal ODGI on denser, larger objects",
                DoubleColumn.create("object size ×"), IntColumn.create("objects / cluster"), DoubleColumn.create("object area %"),
                DoubleColumn.create("empty cells 16x16 %"), DoubleColumn.create("objects / image"), DoubleColumn.create("crops / image"),
                DoubleColumn.create("crop target area %"), DoubleColumn.create("stage-2 zoom ×"), DoubleColumn.create("pixels vs single-shot"));
        for (Point p : points) {
            t.doubleColumn(0).append(p.objectScale());
            t.intColumn(1).append(p.clusterSize());
            t.doubleColumn(2).append(p.objectAreaPercent());
            t.doubleColumn(3).append(100 * p.emptyCellRatio16());
            t.doubleColumn(4).append(p.objectsPerImage());
            t.doubleColumn(5).append(p.regionsPerImage());
            t.doubleColumn(6).append(p.regionAreaPercent());
            t.doubleColumn(7).append(p.zoom());
            t.doubleColumn(8).append(p.pixelRatio());
        }
        return t;
    }
}
