package org.thesislab.flextuning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.thesislab.core.data.FashionMnist;
import org.thesislab.viz.Images;
import org.thesislab.viz.Plots;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The chapter's figures: the target domains' images, the per-unit curves (Fig. 4.1) and the winning-unit and
 * rank-sum heatmaps (Fig. 4.2); they read a finished sweep or its data, so nothing here trains.
 */
public final class FlexFigures {

    private FlexFigures() {
    }

    /**
     * The same {@code perDomain} target-pool images un-shifted (first row) and under each shift, one row per
     * domain; the first image of a row is captioned with the domain, the others with their class.
     */
    public static BufferedImage domainGrid(FlexExperiment e, List<TargetShift> shifts, int perDomain) {
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            int[] labels = e.data().poolLabels();
            List<String> rows = new ArrayList<>(List.of("source"));
            List<NDArray> batches = new ArrayList<>(List.of(e.data().poolSample(m, perDomain)));
            for (TargetShift s : shifts) {
                try (TargetDomain d = e.target(s)) {
                    batches.add(d.poolSample(m, perDomain));
                    rows.add(s.label());
                }
            }
            for (int r = 0; r < batches.size(); r++) {
                List<BufferedImage> row = Images.fromBatch(batches.get(r));
                for (int i = 0; i < row.size(); i++) {
                    images.add(row.get(i));
                    captions.add(i == 0 ? rows.get(r) : FashionMnist.CLASSES.get(labels[i]));
                }
            }
        }
        return Plots.imageGrid(images, captions, perDomain, 3);
    }

    /**
     * Thesis Fig. 4.1 analogue: per target, validation (solid) and test (dashed) accuracy of fine-tuning each
     * single unit and all units, one colour per ratio; the validation argmax (flex's pick) is a filled marker.
     */
    public static BufferedImage perUnitCurves(FlexResults r) {
        List<BufferedImage> panels = new ArrayList<>();
        Color[] colours = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40)};
        int numUnits = r.numUnits();
        double[] x = new double[numUnits + 1];
        for (int i = 0; i <= numUnits; i++) {
            x[i] = i + 1;
        }
        for (TargetShift t : r.targets()) {
            XYChart chart = new org.knowm.xchart.XYChartBuilder().width(420).height(300)
                    .title(t.label() + " (base " + String.format("%.2f", r.baseAccuracy().get(t)) + ")")
                    .xAxisTitle("tuned unit (" + (numUnits + 1) + " = all)").yAxisTitle("accuracy").build();
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            chart.getStyler().setLegendVisible(panels.isEmpty());
            chart.getStyler().setXAxisDecimalPattern("0");
            for (int i = 0; i < r.ratios().size(); i++) {
                int ratio = r.ratios().get(i);
                Color c = colours[i % colours.length];
                XYSeries val = chart.addSeries(ratio + "/class val", x, r.candidateAccuracy(t, ratio, false));
                val.setLineColor(c);
                val.setMarkerColor(c);
                val.setMarker(SeriesMarkers.CIRCLE);
                XYSeries test = chart.addSeries(ratio + "/class test", x, r.candidateAccuracy(t, ratio, true));
                test.setLineColor(c);
                test.setMarker(SeriesMarkers.NONE);
                test.setLineStyle(SeriesLines.DASH_DASH);
                double[] v = r.candidateAccuracy(t, ratio, false);
                int pick = argMax(v);
                XYSeries mark = chart.addSeries(ratio + "/class pick", new double[] {pick + 1}, new double[] {v[pick]});
                mark.setMarker(SeriesMarkers.DIAMOND);
                mark.setMarkerColor(Color.BLACK);
                mark.setLineStyle(SeriesLines.NONE);
                mark.setShowInLegend(false);
            }
            panels.add(Plots.toImage(chart));
        }
        return grid(panels, 3);
    }

    /** Which single unit wins (best mean test accuracy), per target and ratio: thesis Fig. 4.2 in one number per cell. */
    public static BufferedImage winningUnitHeatmap(FlexResults r) {
        List<String> rows = r.targets().stream().map(t -> t.label() + " (" + t.kind().name().toLowerCase() + ")").toList();
        List<String> cols = new ArrayList<>(r.ratios().stream().map(q -> q + "/class").toList());
        cols.add("rank sum");
        double[][] v = new double[rows.size()][cols.size()];
        for (int i = 0; i < r.targets().size(); i++) {
            TargetShift t = r.targets().get(i);
            for (int j = 0; j < r.ratios().size(); j++) {
                v[i][j] = r.bestUnit(t, r.ratios().get(j));
            }
            v[i][cols.size() - 1] = r.bestUnit(t);
        }
        return Plots.heatmap("Winning single unit (test)", rows, cols, v, "U%.0f");
    }

    /** Thesis Fig. 4.2 background: each unit's test-accuracy rank summed over ratios (lower = better). */
    public static BufferedImage rankSumHeatmap(FlexResults r) {
        List<String> rows = r.targets().stream().map(TargetShift::label).toList();
        List<String> cols = new ArrayList<>();
        for (int l = 1; l <= r.numUnits(); l++) {
            cols.add("U" + l);
        }
        double[][] v = new double[rows.size()][r.numUnits()];
        for (int i = 0; i < rows.size(); i++) {
            for (int q : r.ratios()) {
                int[] ranks = r.unitRanks(r.targets().get(i), q);
                for (int l = 0; l < r.numUnits(); l++) {
                    v[i][l] += ranks[l];
                }
            }
        }
        return Plots.heatmap("Unit rank sum (dark = best)", rows, cols, v, "%.0f");
    }

    private static int argMax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Panels in a grid, {@code columns} per row. */
    private static BufferedImage grid(List<BufferedImage> panels, int columns) {
        int w = panels.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
        int h = panels.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
        int cols = Math.min(columns, panels.size());
        int rows = (panels.size() + cols - 1) / cols;
        BufferedImage out = new BufferedImage(cols * w, rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            g.drawImage(panels.get(i), (i % cols) * w, (i / cols) * h, null);
        }
        g.dispose();
        return out;
    }
}
