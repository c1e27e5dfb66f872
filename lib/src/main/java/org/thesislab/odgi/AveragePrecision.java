package org.thesislab.odgi;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Average precision of a single-class detector over a data set, PASCAL VOC 2010+ protocol
 * ("all-point interpolation"), as reported in Table 3.2 at IoU 0.5 and 0.75.
 *
 * <p>Detections of all images are ranked by confidence. Each one is matched to the ground-truth box
 * of its image with the highest IoU; it is a true positive when that IoU is strictly above the
 * threshold and the box was not matched before (a duplicate is a false positive). AP is the area
 * under the precision-recall curve after making precision monotonically decreasing.
 */
public final class AveragePrecision {
    private AveragePrecision() {
    }

    /**
     * @param detections per image, the predicted boxes with scores
     * @param truths     per image, the ground-truth boxes (same number of images)
     * @return AP in [0, 1]; NaN when there is no ground truth at all (AP is undefined then)
     */
    public static double compute(List<List<Detection>> detections, List<List<Box>> truths, double iouThreshold) {
        if (detections.size() != truths.size()) {
            throw new IllegalArgumentException("Need detections for every image: got " + detections.size()
                    + " detection lists for " + truths.size() + " images");
        }
        int nTruth = truths.stream().mapToInt(List::size).sum();
        if (nTruth == 0) {
            return Double.NaN;
        }
        record Ranked(int image, Detection d, int order) {
        }
        List<Ranked> all = new ArrayList<>();
        for (int i = 0; i < detections.size(); i++) {
            for (Detection d : detections.get(i)) {
                all.add(new Ranked(i, d, all.size()));
            }
        }
        // Stable sort: equal scores keep their input order, so ties are resolved deterministically.
        all.sort(Comparator.comparingDouble((Ranked r) -> -r.d().score()));
        boolean[][] matched = new boolean[truths.size()][];
        for (int i = 0; i < truths.size(); i++) {
            matched[i] = new boolean[truths.get(i).size()];
        }
        int n = all.size();
        double[] precision = new double[n];
        double[] recall = new double[n];
        int tp = 0;
        for (int k = 0; k < n; k++) {
            Ranked r = all.get(k);
            List<Box> gt = truths.get(r.image());
            int best = -1;
            double bestIou = -1;
            for (int g = 0; g < gt.size(); g++) {
                double iou = gt.get(g).iou(r.d().box());
                if (iou > bestIou) {
                    bestIou = iou;
                    best = g;
                }
            }
            if (best >= 0 && bestIou > iouThreshold && !matched[r.image()][best]) {
                matched[r.image()][best] = true;
                tp++;
            }
            precision[k] = tp / (double) (k + 1);
            recall[k] = tp / (double) nTruth;
        }
        return allPointArea(recall, precision);
    }

    /** VOC 2010+ area: precision envelope (max to the right), summed over recall steps. */
    static double allPointArea(double[] recall, double[] precision) {
        int n = recall.length;
        double[] mpre = new double[n + 2];
        double[] mrec = new double[n + 2];
        mrec[n + 1] = 1;
        for (int k = 0; k < n; k++) {
            mrec[k + 1] = recall[k];
            mpre[k + 1] = precision[k];
        }
        for (int k = n; k >= 0; k--) {
            mpre[k] = Math.max(mpre[k], mpre[k + 1]);
        }
        double ap = 0;
        for (int k = 1; k <= n + 1; k++) {
            ap += (mrec[k] - mrec[k - 1]) * mpre[k];
        }
        return ap;
    }
}
