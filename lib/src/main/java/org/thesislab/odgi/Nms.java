package org.thesislab.odgi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Greedy non-maximum suppression, as used after each stage and for the final output (IoU 0.5). */
public final class Nms {
    private Nms() {
    }

    /**
     * Keeps detections in decreasing score order, dropping any whose IoU with an already kept one is
     * strictly greater than {@code iouThreshold}; at most {@code maxKeep} are kept
     * ({@code Integer.MAX_VALUE} for no limit). Ties in score keep the input order, so the result is
     * deterministic. A threshold of 1 or more disables suppression (the thesis' training-time setting).
     */
    public static List<Detection> apply(List<Detection> detections, double iouThreshold, int maxKeep) {
        if (maxKeep < 0) {
            throw new IllegalArgumentException("maxKeep must be >= 0, got " + maxKeep);
        }
        Integer[] order = IntStream.range(0, detections.size()).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -detections.get(i).score()));
        List<Detection> kept = new ArrayList<>();
        for (int idx : order) {
            if (kept.size() >= maxKeep) {
                break;
            }
            Detection d = detections.get(idx);
            boolean suppressed = false;
            for (Detection k : kept) {
                if (k.box().iou(d.box()) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(d);
            }
        }
        return kept;
    }

    public static List<Detection> apply(List<Detection> detections, double iouThreshold) {
        return apply(detections, iouThreshold, Integer.MAX_VALUE);
    }
}
