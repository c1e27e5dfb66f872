package org.thesislab.odgi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** IoU, NMS and VOC all-point AP against hand-computed cases. */
class BoxMetricsTest {

    private static Detection det(double x0, double y0, double x1, double y1, double s) {
        return new Detection(new Box(x0, y0, x1, y1), s);
    }

    @Test
    void iouOfOverlappingDisjointAndTouchingBoxes() {
        Box a = new Box(0, 0, 0.2, 0.2);
        assertEquals(1.0 / 7, a.iou(new Box(0.1, 0.1, 0.3, 0.3)), 1e-12);   // 0.01 / (0.04 + 0.04 - 0.01)
        assertEquals(0.0, a.iou(new Box(0.5, 0.5, 0.6, 0.6)));
        assertEquals(0.0, a.iou(new Box(0.2, 0, 0.4, 0.2)), "touching edges do not intersect");
        assertEquals(1.0, a.iou(a), 1e-12);
        assertEquals(0.25, a.iou(new Box(0.05, 0.05, 0.15, 0.15)), 1e-12);  // contained: 0.01 / 0.04
        assertEquals(0.0, new Box(0.3, 0.3, 0.3, 0.3).iou(new Box(0.3, 0.3, 0.3, 0.3)), "empty boxes have IoU 0, not NaN");
    }

    @Test
    void boxRejectsSwappedCorners() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Box(0.5, 0, 0.1, 0.2));
        assertTrue(e.getMessage().contains("x0 <= x1"));
    }

    @Test
    void enclosingBoxIsTheThesisUnion() {
        Box u = Box.enclosing(List.of(new Box(0.1, 0.2, 0.3, 0.4), new Box(0.25, 0.05, 0.5, 0.3)));
        assertEquals(new Box(0.1, 0.05, 0.5, 0.4), u);
    }

    @Test
    void nmsKeepsHighestAndDropsOverlapsAboveThreshold() {
        Detection a = det(0, 0, 0.2, 0.2, 0.9);
        Detection b = det(0.02, 0, 0.22, 0.2, 0.8);     // IoU(a, b) = 0.036 / 0.044 = 0.818
        Detection c = det(0.5, 0.5, 0.7, 0.7, 0.7);
        assertEquals(List.of(a, c), Nms.apply(List.of(b, c, a), 0.5));
        assertEquals(List.of(a, b, c), Nms.apply(List.of(b, c, a), 0.9));
        assertEquals(List.of(a), Nms.apply(List.of(b, c, a), 0.5, 1), "at most gamma boxes");
        assertEquals(List.of(), Nms.apply(List.of(), 0.5));
    }

    @Test
    void nmsKeepsABoxWhoseIouEqualsTheThresholdAndBreaksTiesByInputOrder() {
        Detection a = det(0, 0, 0.2, 0.2, 0.5);
        Detection half = det(0, 0, 0.2, 0.1, 0.5);       // IoU exactly 0.5 with a
        assertEquals(List.of(a, half), Nms.apply(List.of(a, half), 0.5));
        assertEquals(List.of(half), Nms.apply(List.of(half, a), 0.4), "equal scores: the first given wins");
    }

    @Test
    void apOfARankedListByHand() {
        List<Box> gt = List.of(new Box(0, 0, 0.1, 0.1), new Box(0.5, 0.5, 0.6, 0.6));
        List<Detection> d = List.of(det(0, 0, 0.1, 0.1, 0.9), det(0.8, 0.8, 0.9, 0.9, 0.8), det(0.5, 0.5, 0.6, 0.6, 0.7));
        // precision 1, 1/2, 2/3 at recall 1/2, 1/2, 1; envelope gives 0.5*1 + 0.5*(2/3)
        assertEquals(0.5 + 0.5 * 2 / 3.0, AveragePrecision.compute(List.of(d), List.of(gt), 0.5), 1e-12);
    }

    @Test
    void apAcrossImagesRanksDetectionsGlobally() {
        List<List<Box>> gt = List.of(List.of(new Box(0, 0, 0.1, 0.1)), List.of(new Box(0.3, 0.3, 0.4, 0.4)));
        List<List<Detection>> d = List.of(List.of(det(0.6, 0.6, 0.7, 0.7, 0.95), det(0, 0, 0.1, 0.1, 0.6)),
                List.of(det(0.3, 0.3, 0.4, 0.4, 0.9)));
        // ranks: FP(.95), TP(.9), TP(.6): precision 0, 1/2, 2/3 at recall 0, 1/2, 1 -> 0.5*(2/3) + 0.5*(2/3)
        assertEquals(2 / 3.0, AveragePrecision.compute(d, gt, 0.5), 1e-12);
    }

    @Test
    void apEdgeCases() {
        List<Box> gt = List.of(new Box(0, 0, 0.2, 0.2));
        assertEquals(0.0, AveragePrecision.compute(List.of(List.of()), List.of(gt), 0.5), "no detections");
        assertTrue(Double.isNaN(AveragePrecision.compute(List.of(List.of(det(0, 0, 1, 1, 1))), List.of(List.of()), 0.5)),
                "no ground truth: AP undefined");
        Detection hit = det(0, 0, 0.2, 0.2, 0.9);
        assertEquals(1.0, AveragePrecision.compute(List.of(List.of(hit, det(0, 0, 0.2, 0.2, 0.8))), List.of(gt), 0.5),
                1e-12, "a duplicate is a false positive ranked after the hit: AP stays 1");
        assertEquals(0.5, AveragePrecision.compute(List.of(List.of(hit)), List.of(List.of(gt.get(0), new Box(0.5, 0.5, 0.7, 0.7))), 0.5),
                1e-12, "half the objects found");
        Detection halfIou = det(0, 0, 0.1, 0.2, 0.9);   // IoU exactly 0.5: not a match at 0.5
        assertEquals(0.0, AveragePrecision.compute(List.of(List.of(halfIou)), List.of(gt), 0.5));
        assertEquals(1.0, AveragePrecision.compute(List.of(List.of(halfIou)), List.of(gt), 0.49), 1e-12);
    }

    @Test
    void apTiesKeepInputOrder() {
        List<Box> gt = List.of(new Box(0, 0, 0.2, 0.2));
        Detection fp = det(0.5, 0.5, 0.7, 0.7, 0.5), tp = det(0, 0, 0.2, 0.2, 0.5);
        assertEquals(0.5, AveragePrecision.compute(List.of(List.of(fp, tp)), List.of(gt), 0.5), 1e-12);
        assertEquals(1.0, AveragePrecision.compute(List.of(List.of(tp, fp)), List.of(gt), 0.5), 1e-12);
    }

    @Test
    void apIsStricterAt075() {
        List<Box> gt = List.of(new Box(0, 0, 0.2, 0.2));
        Detection loose = det(0, 0, 0.2, 0.14, 0.9);     // IoU 0.7
        assertEquals(1.0, AveragePrecision.compute(List.of(List.of(loose)), List.of(gt), 0.5), 1e-12);
        assertEquals(0.0, AveragePrecision.compute(List.of(List.of(loose)), List.of(gt), 0.75));
    }
}
