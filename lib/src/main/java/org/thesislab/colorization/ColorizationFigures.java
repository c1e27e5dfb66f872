package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.knowm.xchart.XYChart;
import org.thesislab.viz.Images;
import org.thesislab.viz.Plots;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The chapter's data figures: the ambiguity of colour given luminance, and the scenes. */
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

    /** Sampling time per image against the number of chroma pixels, batch 1 and batched. */
    public static XYChart samplingCost(Table cost) {
        double[] calls = cost.intColumn("f_theta passes").asDoubleArray();
        Map<String, double[][]> series = new LinkedHashMap<>();
        for (int c = 2; c < cost.columnCount(); c++) {
            series.put(cost.column(c).name(), new double[][] {calls, cost.doubleColumn(c).asDoubleArray()});
        }
        return Plots.lines("Ancestral sampling cost", "chroma pixels = sequential f_theta passes", "ms / image", series);
    }

    private static BufferedImage rgb(NDManager m, float[] lab, int side) {
        return Images.fromBatch(Lab.toSrgb(m.create(lab, new Shape(1, 3, side, side)))).get(0);
    }
}
