package org.thesislab.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.Table;

/**
 * The figures the notebooks show: curves (XChart), bars with error bars (XChart), and heatmaps and captioned
 * image grids (drawn directly, since XChart has neither in the form a chapter needs).
 */
public final class Plots {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 400;

    private Plots() {}

    /** Curves over a common x axis 1..n, one per entry (e.g. train and validation loss per epoch). */
    public static XYChart curves(String title, String xLabel, String yLabel, Map<String, double[]> series) {
        XYChart chart = xy(title, xLabel, yLabel);
        for (var e : series.entrySet()) {
            double[] x = new double[e.getValue().length];
            for (int i = 0; i < x.length; i++) {
                x[i] = i + 1;
            }
            chart.addSeries(e.getKey(), x, e.getValue());
        }
        return legendOutsideIfCrowded(chart);
    }

    /** Curves of a history table's columns against its first column (e.g. epoch). */
    public static XYChart curves(String title, String yLabel, Table history, String... columns) {
        XYChart chart = xy(title, history.column(0).name(), yLabel);
        double[] x = history.numberColumn(0).asDoubleArray();
        for (String c : columns) {
            chart.addSeries(c, x, history.numberColumn(c).asDoubleArray());
        }
        return chart;
    }

    /** Lines through (x, y) points, one per entry: {@code {xs, ys}} (e.g. accuracy against compute). */
    public static XYChart lines(String title, String xLabel, String yLabel, Map<String, double[][]> series) {
        XYChart chart = xy(title, xLabel, yLabel);
        for (var e : series.entrySet()) {
            XYSeries s = chart.addSeries(e.getKey(), e.getValue()[0], e.getValue()[1]);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        return legendOutsideIfCrowded(chart);
    }

    /** Grouped bars with error bars: {@code values.get(series)[i]} over {@code categories[i]}. */
    public static CategoryChart bars(String title, String yLabel, List<String> categories,
            Map<String, double[]> values, Map<String, double[]> errors) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yLabel).build();
        style(chart);
        chart.getStyler().setOverlapped(false);
        for (var e : values.entrySet()) {
            double[] err = errors == null ? null : errors.get(e.getKey());
            List<Double> ys = boxed(e.getValue());
            if (err != null) {
                chart.addSeries(e.getKey(), categories, ys, boxed(err));
            } else {
                chart.addSeries(e.getKey(), categories, ys);
            }
        }
        return chart;
    }

    /**
     * A heatmap with a value printed in every cell, rows top to bottom; colours scale from the smallest
     * to the largest finite value (NaN cells are grey).
     */
    public static BufferedImage heatmap(String title, List<String> rowLabels, List<String> columnLabels,
            double[][] values, String format) {
        return heatmap(title, null, null, rowLabels, columnLabels, values, format);
    }

    /**
     * A heatmap as above with axis titles ({@code rowTitle} beside the row labels, {@code columnTitle} above the
     * column labels; either may be null) and a colour bar from the smallest to the largest value.
     */
    public static BufferedImage heatmap(String title, String rowTitle, String columnTitle, List<String> rowLabels,
            List<String> columnLabels, double[][] values, String format) {
        int rows = values.length;
        int cols = rows == 0 ? 0 : values[0].length;
        if (rowLabels.size() != rows || columnLabels.size() != cols) {
            throw new IllegalArgumentException("heatmap: " + rows + "x" + cols + " values but " + rowLabels.size()
                    + " row and " + columnLabels.size() + " column labels");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] r : values) {
            for (double v : r) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        Font bold = font.deriveFont(Font.BOLD);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        FontMetrics fm = probe.createGraphics().getFontMetrics(font);
        int rowTitleWidth = rowTitle == null ? 0 : 22;
        int left = 10 + rowTitleWidth + rowLabels.stream().mapToInt(fm::stringWidth).max().orElse(0);
        int top = 40 + (columnTitle == null ? 0 : 18) + columnLabels.stream().mapToInt(fm::stringWidth).max().orElse(0);
        int cell = Math.max(36, Math.min(64, 640 / Math.max(1, cols)));
        String loText = Double.isFinite(lo) ? String.format("%.3g", lo) : "";
        String hiText = Double.isFinite(hi) ? String.format("%.3g", hi) : "";
        int bar = 14;
        int barLeft = left + cols * cell + 16;
        int width = barLeft + bar + 8 + Math.max(fm.stringWidth(loText), fm.stringWidth(hiText)) + 10;
        BufferedImage img = new BufferedImage(width, top + rows * cell + 20, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(img);
        g.setFont(font.deriveFont(Font.BOLD, 14f));
        g.drawString(title, 10, 20);
        g.setFont(bold);
        if (columnTitle != null) {
            g.drawString(columnTitle, left, 40);
        }
        if (rowTitle != null) {
            Graphics2D r = (Graphics2D) g.create();
            r.translate(18, top + rows * cell / 2 + fm.stringWidth(rowTitle) / 2);
            r.rotate(-Math.PI / 2);
            r.drawString(rowTitle, 0, 0);
            r.dispose();
        }
        g.setFont(font);
        for (int c = 0; c < cols; c++) {
            Graphics2D r = (Graphics2D) g.create();
            r.translate(left + c * cell + cell / 2 + 4, top - 6);
            r.rotate(-Math.PI / 2);
            r.drawString(columnLabels.get(c), 0, 0);
            r.dispose();
        }
        for (int rI = 0; rI < rows; rI++) {
            g.setColor(Color.BLACK);
            g.drawString(rowLabels.get(rI), 5 + rowTitleWidth, top + rI * cell + cell / 2 + 5);
            for (int c = 0; c < cols; c++) {
                double v = values[rI][c];
                double t = hi > lo ? (v - lo) / (hi - lo) : 0.5;
                Color fill = Double.isFinite(v) ? viridis(t) : Color.LIGHT_GRAY;
                g.setColor(fill);
                g.fillRect(left + c * cell, top + rI * cell, cell, cell);
                g.setColor(t > 0.6 ? Color.BLACK : Color.WHITE);
                String label = Double.isFinite(v) ? String.format(format, v) : "";
                g.drawString(label, left + c * cell + (cell - fm.stringWidth(label)) / 2, top + rI * cell + cell / 2 + 5);
            }
        }
        // colour bar: the largest value at the top
        int barHeight = Math.max(cell, rows * cell);
        for (int y = 0; y < barHeight; y++) {
            g.setColor(viridis(1 - y / (double) Math.max(1, barHeight - 1)));
            g.fillRect(barLeft, top + y, bar, 1);
        }
        g.setColor(Color.BLACK);
        g.drawString(hiText, barLeft + bar + 4, top + 10);
        g.drawString(loText, barLeft + bar + 4, top + barHeight);
        g.dispose();
        return img;
    }

    /**
     * Images in a grid with a caption under each (captions may be null or shorter than the list). Images
     * are scaled by {@code zoom} with nearest-neighbour sampling so that pixels stay visible.
     */
    public static BufferedImage imageGrid(List<BufferedImage> images, List<String> captions, int columns, int zoom) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("imageGrid needs at least one image");
        }
        int w = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(1) * zoom;
        int h = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1) * zoom;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        boolean hasCaptions = captions != null && !captions.isEmpty();
        int lines = hasCaptions ? captions.stream().mapToInt(c -> c == null ? 0 : c.split("\n").length).max().orElse(0) : 0;
        int capH = lines * 13 + (lines > 0 ? 4 : 0);
        int cols = Math.min(columns, images.size());
        int rows = (images.size() + cols - 1) / cols;
        int pad = 6;
        int cellW = Math.max(w, hasCaptions ? 60 : 0);
        BufferedImage grid = new BufferedImage(pad + cols * (cellW + pad), pad + rows * (h + capH + pad), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(grid);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < images.size(); i++) {
            int x = pad + (i % cols) * (cellW + pad);
            int y = pad + (i / cols) * (h + capH + pad);
            BufferedImage im = images.get(i);
            g.drawImage(im, x + (cellW - im.getWidth() * zoom) / 2, y, im.getWidth() * zoom, im.getHeight() * zoom, null);
            if (hasCaptions && i < captions.size() && captions.get(i) != null) {
                g.setColor(Color.DARK_GRAY);
                String[] parts = captions.get(i).split("\n");
                for (int l = 0; l < parts.length; l++) {
                    String text = ellipsize(parts[l], fm, cellW);
                    g.drawString(text, x + (cellW - fm.stringWidth(text)) / 2, y + h + 12 + l * 13);
                }
            }
        }
        g.dispose();
        return grid;
    }

    /** A chart or picture as an image (what gets saved and shown). */
    public static BufferedImage toImage(Object figure) {
        if (figure instanceof BufferedImage image) {
            return image;
        }
        if (figure instanceof Chart<?, ?> chart) {
            return BitmapEncoder.getBufferedImage(chart);
        }
        throw new IllegalArgumentException("Cannot draw a " + (figure == null ? "null" : figure.getClass().getName())
                + " as a figure: pass an XChart chart or a BufferedImage.");
    }

    /** Places figures side by side (e.g. loss and accuracy curves). */
    public static BufferedImage row(Object... figures) {
        return tile(true, figures);
    }

    /** Stacks figures top to bottom (e.g. rows made by {@link #row}). */
    public static BufferedImage column(Object... figures) {
        return tile(false, figures);
    }

    private static BufferedImage tile(boolean sideBySide, Object... figures) {
        List<BufferedImage> images = new ArrayList<>();
        for (Object f : figures) {
            images.add(toImage(f));
        }
        int along = images.stream().mapToInt(im -> sideBySide ? im.getWidth() : im.getHeight()).sum();
        int across = images.stream().mapToInt(im -> sideBySide ? im.getHeight() : im.getWidth()).max().orElse(1);
        BufferedImage out = new BufferedImage(sideBySide ? along : across, sideBySide ? across : along, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas(out);
        int at = 0;
        for (BufferedImage im : images) {
            g.drawImage(im, sideBySide ? at : 0, sideBySide ? 0 : at, null);
            at += sideBySide ? im.getWidth() : im.getHeight();
        }
        g.dispose();
        return out;
    }

    /** The perceptually uniform viridis colour map, t in [0, 1]. */
    public static Color viridis(double t) {
        double[][] stops = {{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}};
        double x = Math.max(0, Math.min(1, t)) * (stops.length - 1);
        int i = Math.min(stops.length - 2, (int) x);
        double f = x - i;
        return new Color((int) (stops[i][0] + f * (stops[i + 1][0] - stops[i][0])),
                (int) (stops[i][1] + f * (stops[i + 1][1] - stops[i][1])),
                (int) (stops[i][2] + f * (stops[i + 1][2] - stops[i][2])));
    }

    private static XYChart xy(String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        style(chart);
        chart.getStyler().setMarkerSize(5);
        return chart;
    }

    /** More than three series: the legend goes beside the plot, where it cannot hide the ends of the curves. */
    private static XYChart legendOutsideIfCrowded(XYChart chart) {
        if (chart.getSeriesMap().size() > 3) {
            // one entry per line: a one-row legend beside the plot took all the width (ODGI's training curves were empty)
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
        return chart;
    }

    private static void style(Chart<?, ?> chart) {
        Styler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        // below the plot: inside it, the legend hid the last epoch of decreasing training curves
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(new Color(220, 220, 220));
        s.setPlotBorderVisible(false);
        s.setAntiAlias(true);
    }

    private static Graphics2D canvas(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        return g;
    }

    /** {@code s} cut with an ellipsis to fit {@code width} pixels in font {@code fm} (captions under small images). */
    public static String ellipsize(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    private static List<Double> boxed(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(v);
        }
        return out;
    }
}
