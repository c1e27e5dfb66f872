package org.thesislab.ganeval;

import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.thesislab.core.data.TensorDataset;
import org.thesislab.viz.Images;
import org.thesislab.viz.Plots;

/** The chapter's figures. */
public final class GanEvalFigures {
    private GanEvalFigures() {
    }

    /** The first {@code perRow} images of the real training set and of each generator, a row each. */
    public static BufferedImage samples(GanEvalExperiment exp, List<EmulatedGenerator> generators, int perRow) {
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        try (NDManager scope = exp.data().train().features().get(0).getManager().newSubManager()) {
            add(images, captions, exp.data().train().subset(scope, java.util.stream.IntStream.range(0, perRow).toArray()), "real", perRow);
            for (EmulatedGenerator g : generators) {
                add(images, captions, exp.sample(g, perRow, scope), g.name(), perRow);
            }
        }
        return Plots.imageGrid(images, captions, perRow, 4);
    }

    /**
     * Each family's generators in the plane of the two measures (GAN-test across, GAN-train up): losing diversity moves
     * a generator down, losing quality moves it left.
     */
    public static XYChart ganTrainAgainstGanTest(GanEvalResults r) {
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("unmodified S_t", new double[][] {{100 * r.baselineTrainAccuracy()}, {100 * r.real().ganTrain()}});
        for (String family : List.of("subsampled", "salt & pepper", "Gaussian noise", "memorizer")) {
            List<GanEvalResults.Measured> rows = r.family(family);
            series.put(family, new double[][] {rows.stream().mapToDouble(m -> 100 * m.ganTest()).toArray(),
                    rows.stream().mapToDouble(m -> 100 * m.ganTrain()).toArray()});
        }
        XYChart chart = Plots.lines("GAN-train against GAN-test", "GAN-test % (quality)", "GAN-train % (diversity and quality)", series);
        series.keySet().forEach(k -> chart.getSeriesMap().get(k).setLineStyle(org.knowm.xchart.style.lines.SeriesLines.NONE));
        return chart;
    }

    /** Fig. 5.3's analogue: GAN-train by the number of images, real subsets against the memorizer, log scale. */
    public static XYChart diversity(GanEvalResults r) {
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("real subsets", logPercent(r.realCurve()));
        series.put("memorizer of " + r.config().memorizerDistinct() + " images", logPercent(r.memorizerCurve()));
        double[] memo = r.memorizerCurve()[1];
        series.put("diversity estimate", logPercent(new double[][] {{r.diversityEstimate()}, {memo[memo.length - 1]}}));
        XYChart chart = Plots.lines("GAN-train saturates at the generator's diversity (Fig. 5.3 analogue)",
                "images in the training set (log scale)", "GAN-train %", series);
        // x is log2 of the count, labelled with the count: XChart's own log axis labels powers of 10 only
        chart.getStyler().setxAxisTickLabelsFormattingFunction(x -> String.valueOf(Math.round(Math.pow(2, x))));
        chart.getSeriesMap().get("diversity estimate").setMarker(org.knowm.xchart.style.markers.SeriesMarkers.DIAMOND);
        return chart;
    }

    /** (count, share) points as (log2 count, percent). */
    private static double[][] logPercent(double[][] curve) {
        double[] x = new double[curve[0].length];
        double[] y = new double[curve[1].length];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.log(curve[0][i]) / Math.log(2);
            y[i] = 100 * curve[1][i];
        }
        return new double[][] {x, y};
    }

    private static void add(List<BufferedImage> images, List<String> captions, TensorDataset set, String caption, int perRow) {
        List<BufferedImage> row = Images.fromBatch(set.features().get(0));
        for (int i = 0; i < perRow; i++) {
            images.add(i < row.size() ? row.get(i) : new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
            // the name on two lines under the first image: "salt & pepper" / "20%"
            int cut = caption.contains(", ") ? caption.indexOf(", ") + 1 : caption.lastIndexOf(' ');
            captions.add(i > 0 ? "" : cut > 0 ? caption.substring(0, cut) + "\n" + caption.substring(cut + 1).trim() : caption);
        }
    }
}
