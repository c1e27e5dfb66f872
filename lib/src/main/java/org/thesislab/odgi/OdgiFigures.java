package org.thesislab.odgi;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.thesislab.viz.Images;
import org.thesislab.viz.Plots;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The chapter's figures: groups on a grid, the pipeline's stages (Fig. 3.7), accuracy against compute (Fig. 3.3). */
public final class OdgiFigures {
    private static final Color TRUTH = new Color(40, 220, 60);
    private static final Color GROUP = new Color(255, 60, 200);
    private static final Color INDIVIDUAL = new Color(255, 200, 0);
    private static final Color EXIT = Color.CYAN;
    private static final Color CROP = new Color(255, 120, 0);
    private static final Color FINAL = new Color(255, 40, 40);

    private OdgiFigures() {
    }

    /** The image enlarged {@code zoom} times with the grid drawn and the thesis' group targets (3.3)-(3.4). */
    public static BufferedImage groupsOnGrid(AerialImage img, int grid, int zoom) {
        GroupTargets t = GroupTargets.of(img.objects(), grid, grid);
        BufferedImage out = zoomed(img.pixels(), img.size(), zoom);
        Graphics2D g = out.createGraphics();
        int side = out.getWidth();
        g.setColor(new Color(255, 255, 255, 70));
        for (int k = 1; k < grid; k++) {
            int p = k * side / grid;
            g.drawLine(p, 0, p, side);
            g.drawLine(0, p, side, p);
        }
        g.dispose();
        draw(out, img.objects(), TRUTH, 1);
        draw(out, t.groupBoxes(), GROUP, 2);
        return out;
    }

    /** Panels as in Fig. 3.7: (a) truth, (b) stage-1 individuals, (c) stage-1 groups, (d) crops, (e) stage 2, (f) output. */
    public static BufferedImage pipeline(AerialImage img, OdgiDetector.ImageResult r, StageTransition t, int zoom, double showAbove) {
        List<BufferedImage> panels = new ArrayList<>();
        panels.add(withBoxes(img, zoom, img.objects(), TRUTH));
        BufferedImage s1 = withBoxes(img, zoom, boxes(r.stage1(), p -> !p.group() && p.confidence() >= showAbove), INDIVIDUAL);
        draw(s1, r.transition().exits().stream().map(Detection::box).toList(), EXIT, 2);
        panels.add(s1);
        panels.add(withBoxes(img, zoom, boxes(r.stage1(), p -> p.group() && p.confidence() >= showAbove), GROUP));
        panels.add(withBoxes(img, zoom, r.transition().regions(), CROP));
        panels.add(withBoxes(img, zoom, r.stage2().stream().filter(d -> d.score() >= showAbove).map(Detection::box).toList(), INDIVIDUAL));
        panels.add(withBoxes(img, zoom, r.detections().stream().filter(d -> d.score() >= showAbove).map(Detection::box).toList(), FINAL));
        List<String> captions = List.of("(a) ground truth", "(b) stage-1 individuals\n(cyan: early exits)", "(c) stage-1 groups",
                "(d) " + r.crops() + " crops (γ=" + t.gamma() + ")", "(e) stage-2 boxes", "(f) final output");
        return Plots.imageGrid(panels, captions, 6, 1);
    }

    /**
     * Fig. 3.3 / 3.6: AP against a cost (per image), the baseline as one black line over its
     * resolutions and one line per ODGI setting over γ.
     */
    public static XYChart accuracyVsCost(String title, String costLabel, List<OdgiExperiment.Row> baselines,
                                         List<OdgiExperiment.Row> gammaCurves, boolean ap75,
                                         java.util.function.ToDoubleFunction<OdgiExperiment.Row> cost) {
        XYChart chart = new XYChartBuilder().width(560).height(460).title(title).xAxisTitle(costLabel)
                .yAxisTitle(ap75 ? "AP@0.75" : "AP@0.5").build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(8);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        XYSeries base = chart.addSeries("single-shot (" + baselines.stream().map(r -> String.valueOf(r.r1())).reduce((a, b) -> a + "/" + b).orElse("") + " px)",
                baselines.stream().mapToDouble(cost).toArray(), baselines.stream().mapToDouble(r -> ap75 ? r.ap75() : r.ap50()).toArray());
        base.setLineColor(Color.BLACK);
        base.setMarkerColor(Color.BLACK);
        base.setMarker(SeriesMarkers.SQUARE);
        Map<String, List<OdgiExperiment.Row>> byModel = new LinkedHashMap<>();
        for (OdgiExperiment.Row r : gammaCurves) {
            byModel.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(r);
        }
        for (var e : byModel.entrySet()) {
            List<OdgiExperiment.Row> rows = e.getValue();
            XYSeries s = chart.addSeries(e.getKey() + " (γ " + rows.get(0).gamma() + "…" + rows.get(rows.size() - 1).gamma() + ")",
                    rows.stream().mapToDouble(cost).toArray(), rows.stream().mapToDouble(r -> ap75 ? r.ap75() : r.ap50()).toArray());
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    private static List<Box> boxes(List<CellPrediction> preds, java.util.function.Predicate<CellPrediction> keep) {
        return preds.stream().filter(keep).map(CellPrediction::box).toList();
    }

    private static BufferedImage withBoxes(AerialImage img, int zoom, List<Box> boxes, Color colour) {
        BufferedImage out = zoomed(img.pixels(), img.size(), zoom);
        draw(out, boxes, colour, 1);
        return out;
    }

    private static BufferedImage zoomed(float[] pixels, int n, int zoom) {
        BufferedImage small = Images.fromFloats(pixels, 3, n, n, 0);
        BufferedImage out = new BufferedImage(n * zoom, n * zoom, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.drawImage(small, 0, 0, n * zoom, n * zoom, null);
        g.dispose();
        return out;
    }

    private static void draw(BufferedImage img, List<Box> boxes, Color colour, float width) {
        Graphics2D g = img.createGraphics();
        g.setColor(colour);
        g.setStroke(new BasicStroke(width));
        int s = img.getWidth();
        for (Box b : boxes) {
            int x0 = (int) Math.round(b.x0() * s), y0 = (int) Math.round(b.y0() * s);
            g.drawRect(x0, y0, Math.max(1, (int) Math.round(b.x1() * s) - x0 - 1), Math.max(1, (int) Math.round(b.y1() * s) - y0 - 1));
        }
        g.dispose();
    }
}
