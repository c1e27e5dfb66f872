package org.thesislab.avr;

import org.knowm.xchart.XYChart;
import org.thesislab.viz.Plots;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.thesislab.avr.RationaleModel.Kind;

/**
 * The chapter's figures: example sequences, the held-out settings as grids, training curves, where held-out
 * sequences are classified, and the informativeness matrix of Table 2.4 as a heatmap.
 */
public final class AvrFigures {

    private AvrFigures() {
    }

    /**
     * Example sequences, one per row: the n panels enlarged, titled with the rationale, the values of its
     * property under each panel, and the distractors.
     */
    public static BufferedImage examples(AvrDataset d, int[] indices, int zoom) {
        int n = d.length();
        int side = d.size() * zoom;
        int pad = 8;
        int title = 34;
        int caption = 30;
        int width = Math.max(pad + n * (side + pad), 420);
        int rowH = title + side + caption + pad;
        BufferedImage img = new BufferedImage(width, pad + indices.length * rowH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        Universe u = d.universe();
        for (int row = 0; row < indices.length; row++) {
            int i = indices[row];
            int y = pad + row * rowH;
            Rationale rat = d.rationale(i);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            g.drawString("rationale: " + u.describe(rat), pad, y + 12);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            g.setColor(Color.DARK_GRAY);
            String caption2 = d.caption(i);
            g.drawString(caption2.substring(caption2.indexOf('|') + 2), pad, y + 27);
            for (int panel = 0; panel < n; panel++) {
                int x = pad + panel * (side + pad);
                g.drawImage(d.image(i, panel), x, y + title, side, side, null);
                g.setColor(Color.BLACK);
                // two lines, each cut to the panel's width, so that long values do not run into the next panel
                FontMetrics fm = g.getFontMetrics();
                g.drawString(Plots.ellipsize(u.property(rat.property()).name(), fm, side + pad - 2), x, y + title + side + 13);
                g.drawString(Plots.ellipsize("= " + u.property(rat.property()).format(d.value(i, panel, rat.property())),
                        fm, side + pad - 2), x, y + title + side + 26);
            }
        }
        g.dispose();
        return img;
    }

    /** Indices of the first sequence of each of {@code count} different rationales. */
    public static int[] oneOfEach(AvrDataset d, int count) {
        List<Integer> picked = new ArrayList<>();
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < d.count() && picked.size() < count; i++) {
            if (seen.add(d.labels()[i])) {
                picked.add(i);
            }
        }
        return picked.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The rule x property grid: 0 = in Y_train of every setting, s = held out in setting s. */
    public static BufferedImage heldOutGrid(Universe u, List<HeldOut> settings) {
        double[][] grid = new double[u.numRules()][u.numProperties()];
        for (HeldOut h : settings) {
            for (Rationale rat : h.heldOut()) {
                grid[rat.rule()][rat.property()] = h.setting() + 1;
            }
        }
        for (int r = 0; r < u.numRules(); r++) {
            for (int p = 0; p < u.numProperties(); p++) {
                if (!u.isPermitted(new Rationale(r, p))) {
                    grid[r][p] = Double.NaN;
                }
            }
        }
        return Plots.heatmap(u.name() + ": held out in setting",
                u.rules().stream().map(Rule::name).toList(), u.properties().stream().map(Property::name).toList(),
                grid, "%.0f");
    }

    /** A column of the training history ("train_loss", "val_Accuracy" on Y_train) per epoch of every model of the run. */
    public static XYChart curves(AvrResults r, String column) {
        Map<String, double[]> series = new LinkedHashMap<>();
        for (var e : r.outcomes().entrySet()) {
            series.put(e.getKey().label(), e.getValue().history().doubleColumn(column).asDoubleArray());
        }
        return Plots.curves(column.replace('_', ' ') + " per epoch", "epoch", column.replace('_', ' '), series);
    }

    /**
     * Where model {@code kind}'s held-out sequences go: rows = the held-out rationales, columns = predicted rationale,
     * cells = fraction of that row's sequences.
     */
    public static BufferedImage heldOutConfusion(AvrResults results, Kind kind) {
        AvrExperiment.Outcome o = results.outcome(kind);
        HeldOut split = results.split();
        Universe u = split.universe();
        List<Rationale> rows = split.heldOut();
        double[][] m = new double[rows.size()][u.numClasses()];
        int[] total = new int[rows.size()];
        int[] labels = results.heldOutLabels();
        for (int i = 0; i < labels.length; i++) {
            int r = rows.indexOf(u.rationale(labels[i]));
            m[r][o.heldOutPredictions()[i]]++;
            total[r]++;
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < u.numClasses(); c++) {
                m[r][c] /= Math.max(1, total[r]);
            }
        }
        List<String> cols = new ArrayList<>();
        for (int c = 0; c < u.numClasses(); c++) {
            Rationale rat = u.rationale(c);
            cols.add(shortName(u, rat) + (split.isHeldOut(rat) ? " *" : ""));
        }
        return Plots.heatmap(o.kind().label() + ": predictions on held-out sequences (* = held-out class)",
                "true (held-out) rationale", "predicted rationale (share of the row's sequences)",
                rows.stream().map(r -> shortName(u, r)).toList(), cols, m, "%.2f");
    }

    private static String shortName(Universe u, Rationale rat) {
        return u.rule(rat.rule()).name() + " " + u.property(rat.property()).name();
    }

    /** Table 2.4 for model {@code kind}: I(f_p(x); v_p') as a heatmap, rows = values, columns = code blocks. */
    public static BufferedImage informativeness(AvrResults results, Kind kind) {
        AvrExperiment.Outcome o = results.outcome(kind);
        Universe u = results.universe();
        List<String> values = u.properties().stream().map(p -> "v: " + p.name()).toList();
        List<String> blocks = u.properties().stream().map(p -> "f: " + p.name()).toList();
        return Plots.heatmap(o.kind().label() + ": I(f_p(x); v_p') in nats", values, blocks, o.informativeness(), "%.2f");
    }
}
