package org.thesislab.odgi;

import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.List;

/**
 * The baseline: one grid detector on the whole image at one resolution, then NMS at IoU 0.5 (the
 * tiny-yolo / yolo / mobile rows of Table 3.2).
 */
public final class SingleShotDetector {
    /** Cells below this confidence are not reported (they do not change AP noticeably, and keep NMS cheap). */
    public static final double MIN_SCORE = 0.005;
    /** Final NMS threshold for all methods (§3.1.4). */
    public static final double FINAL_NMS = 0.5;

    private final GridDetector net;
    private final int resolution;

    public SingleShotDetector(GridDetector net, int resolution) {
        this.net = net;
        this.resolution = resolution;
    }

    public GridDetector net() { return net; }
    public int resolution() { return resolution; }

    /** Detections for the given images, inference in batches. */
    public List<List<Detection>> detect(NDManager manager, AerialData data, int[] indices, int batchSize) {
        List<List<Detection>> out = new ArrayList<>(indices.length);
        int grid = GridDetector.gridSize(resolution);
        for (int start = 0; start < indices.length; start += batchSize) {
            int[] chunk = java.util.Arrays.copyOfRange(indices, start, Math.min(indices.length, start + batchSize));
            float[] raw = net.predict(manager, data.batch(chunk, resolution), chunk.length, resolution);
            for (List<CellPrediction> cells : CellPrediction.decode(raw, chunk.length, net.headChannels(), grid, grid)) {
                out.add(finalDetections(cells.stream().map(CellPrediction::detection).toList()));
            }
        }
        return out;
    }

    /** Pixels one image costs: R². */
    public long pixelsPerImage() {
        return (long) resolution * resolution;
    }

    public long multiplyAddsPerImage() {
        return net.multiplyAdds(resolution);
    }

    /** Score filter then NMS at 0.5 with no limit, shared by all methods. */
    static List<Detection> finalDetections(List<Detection> detections) {
        return Nms.apply(detections.stream().filter(d -> d.score() > MIN_SCORE).toList(), FINAL_NMS);
    }
}
