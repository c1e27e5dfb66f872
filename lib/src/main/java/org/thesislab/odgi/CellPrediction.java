package org.thesislab.odgi;

import java.util.ArrayList;
import java.util.List;

/**
 * One cell's decoded output: box (image-normalised, clipped to [0, 1]), confidence c, group flag g
 * and offsets (o_w, o_h) in (0, 1); final stages and baselines have g = false and o = 1.
 */
public record CellPrediction(Box box, double confidence, boolean group, double ow, double oh) {

    public Detection detection() {
        return new Detection(box, confidence);
    }

    /**
     * Decodes a raw head output [B, C, I, J] (authors' code): centre = (sigmoid(t_xy) + cell) / grid,
     * size = exp(t_wh) / grid, c = sigmoid(t_c), g = [sigmoid(logit) > 0.5], o = sigmoid(t_o).
     */
    public static List<List<CellPrediction>> decode(float[] raw, int batch, int channels, int rows, int cols) {
        if (raw.length != batch * channels * rows * cols) {
            throw new IllegalArgumentException("Raw output has " + raw.length + " values, expected " + batch + "x" + channels
                    + "x" + rows + "x" + cols);
        }
        int plane = rows * cols;
        List<List<CellPrediction>> out = new ArrayList<>(batch);
        for (int b = 0; b < batch; b++) {
            List<CellPrediction> cells = new ArrayList<>(plane);
            int base = b * channels * plane;
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    int k = base + i * cols + j;
                    double cx = (sigmoid(raw[k]) + j) / cols, cy = (sigmoid(raw[k + plane]) + i) / rows;
                    double w = Math.exp(Math.min(raw[k + 2 * plane], 10)) / cols, h = Math.exp(Math.min(raw[k + 3 * plane], 10)) / rows;
                    double c = sigmoid(raw[k + 4 * plane]);
                    boolean g = channels > 5 && raw[k + 5 * plane] > 0;
                    double ow = channels > 5 ? sigmoid(raw[k + 6 * plane]) : 1, oh = channels > 5 ? sigmoid(raw[k + 7 * plane]) : 1;
                    cells.add(new CellPrediction(Box.ofCentre(cx, cy, w, h).clip(), c, g, ow, oh));
                }
            }
            out.add(cells);
        }
        return out;
    }

    static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }
}
