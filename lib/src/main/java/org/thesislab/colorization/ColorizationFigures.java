package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.knowm.xchart.XYChart;
import org.thesislab.colorization.ColorizationExperiment.CostPoint;
import org.thesislab.colorization.ColorizationExperiment.Decoding;
import org.thesislab.colorization.ColorizationExperiment.Trained;
import org.thesislab.viz.Images;
import org.thesislab.viz.Plots;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import static org.thesislab.core.nn.Scalars.times;

/**
 * The chapter's figures: the ambiguity of colour given luminance, the scenes, the likelihood curves, the models'
 * samples and the sampling cost.
 */
public final class ColorizationFigures {
    private ColorizationFigures() {
    }

    /**
     * One scene in grayscale and with its circles painted in each of the three modes: the same L channel
     * fits every version, so no colorizer can know which is right, only that it is one of them.
     */
    public static BufferedImage ambiguity(Scenes.Set set, int index) {
        int side = set.side();
        int plane = side * side;
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            float[] lab = java.util.Arrays.copyOfRange(set.lab(), index * 3 * plane, (index + 1) * 3 * plane);
            float[] gray = lab.clone();
            java.util.Arrays.fill(gray, plane, 3 * plane, 0f);
            images.add(rgb(m, gray, side));
            captions.add("L only");
            for (int mode = 0; mode < Scenes.CIRCLE_MODES.length; mode++) {
                float[] v = lab.clone();
                for (int p = 0; p < plane; p++) {
                    if (set.circleId()[index * plane + p] > 0) {
                        v[plane + p] = (float) Scenes.CIRCLE_MODES[mode][0];
                        v[2 * plane + p] = (float) Scenes.CIRCLE_MODES[mode][1];
                    }
                }
                images.add(rgb(m, v, side));
                captions.add(Scenes.CIRCLE_MODE_NAMES[mode]);
            }
        }
        return Plots.imageGrid(images, captions, images.size(), Math.max(2, 128 / side));
    }

    /** The first {@code count} scenes in colour (top) and as the model sees them (bottom). */
    public static BufferedImage scenes(Scenes.Set set, int count) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray lab = set.lab(m).get(new NDIndex("0:{}", count));
            NDArray l = lab.get(new NDIndex(":, 0:1"));
            NDArray gray = NDArrays.concat(new NDList(l, l.zerosLike(), l.zerosLike()), 1);
            List<BufferedImage> images = new ArrayList<>(Images.fromBatch(Lab.toSrgb(lab)));
            images.addAll(Images.fromBatch(Lab.toSrgb(gray)));
            return Plots.imageGrid(images, null, count, Math.max(2, 96 / set.side()));
        }
    }

    /** Test bits/dim per epoch (and training bits/dim) of the trained likelihood models. */
    public static XYChart nllCurves(List<Trained> trained) {
        Map<String, double[]> series = new LinkedHashMap<>();
        for (Trained t : trained) {
            if (t.model() instanceof LikelihoodModel) {
                series.put(t.variant().label + " (test)", t.result().history().doubleColumn("val_loss").asDoubleArray());
                series.put(t.variant().label + " (train)", t.result().history().doubleColumn("train_loss").asDoubleArray());
            }
        }
        return Plots.curves("Negative log-likelihood (Eq. 3.12)", "epoch", "bits / dim", series);
    }

    /**
     * Grayscale input, ground truth, then every model's decodings (up to three samples of each sampling model)
     * for the first {@code maxRows} evaluation inputs of {@code exp}.
     */
    public static BufferedImage sampleGrid(ColorizationExperiment exp, List<Decoding> decodings, int maxRows) {
        ColorizationExperiment.Config config = exp.config();
        int s = config.samplesPerImage();
        int rows = Math.min(maxRows, config.evalImages());
        NDArray lumaFull = exp.testBatch().luma().get(new NDIndex("0:{}", rows));
        List<List<BufferedImage>> cols = new ArrayList<>();
        List<String> names = new ArrayList<>();
        NDArray gray = times(lumaFull, 50).add(50);
        NDArray grayLab = NDArrays.concat(new NDList(gray, gray.zerosLike(), gray.zerosLike()), 1);
        cols.add(Images.fromBatch(Lab.toSrgb(grayLab)));
        names.add("input L");
        for (Decoding d : decodings) {
            boolean stochastic = !d.name().equals("ground truth") && !d.name().contains("MAP")
                    && !d.name().startsWith(ColorizationExperiment.Variant.L2.label);
            int take = stochastic ? Math.min(s, 3) : 1;
            for (int k = 0; k < take; k++) {
                NDArray ab = d.ab().get(new NDIndex("{}:{}:{}", k, rows * s, s));
                cols.add(Images.fromBatch(Lab.toSrgb(Chroma.recombine(lumaFull, ab, config.factor()))));
                names.add(take > 1 ? shortName(d.name()) + " #" + (k + 1) : shortName(d.name()));
            }
        }
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols.size(); c++) {
                images.add(cols.get(c).get(r));
                captions.add(r == rows - 1 ? names.get(c) : null);
            }
        }
        return Plots.imageGrid(images, captions, cols.size(), Math.max(2, 96 / config.side()));
    }

    private static String shortName(String name) {
        return name.replace("per-pixel mixture", "per-pixel").replace("random samples", "sample")
                .replace("ground truth", "truth").replace("L2 regression", "L2").replace(", no gating", " no-gate");
    }

    /** Sampling time per image against the number of chroma pixels, batch 1 and batched. */
    public static XYChart samplingCost(ColorizationExperiment.SamplingCost cost) {
        double[] calls = cost.points().stream().mapToDouble(CostPoint::passes).toArray();
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put(ColorizationTables.msPerImage(1),
                new double[][] {calls, cost.points().stream().mapToDouble(CostPoint::msOneImage).toArray()});
        series.put(ColorizationTables.msPerImage(cost.batch()),
                new double[][] {calls, cost.points().stream().mapToDouble(CostPoint::msPerImageBatched).toArray()});
        return Plots.lines("Ancestral sampling cost", "chroma pixels = sequential f_theta passes", "ms / image", series);
    }

    private static BufferedImage rgb(NDManager m, float[] lab, int side) {
        return Images.fromBatch(Lab.toSrgb(m.create(lab, new Shape(1, 3, side, side)))).get(0);
    }
}
