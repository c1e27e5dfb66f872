package org.thesislab.odgi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The ideal-stage-1 regions and the two conditions of §3.1.6. */
class FlexibilityTest {

    @Test
    void objectsSharingACellBecomeOneRegionAndDistantOnesStaySeparate() {
        Box a = new Box(0.01, 0.01, 0.03, 0.03), b = new Box(0.04, 0.01, 0.06, 0.03);   // same 16x16 cell (side 0.0625)
        Box far = new Box(0.5, 0.5, 0.52, 0.52);
        List<Box> regions = Flexibility.regions(List.of(a, b, far), 16);
        assertEquals(2, regions.size());
        assertTrue(regions.contains(new Box(0.01, 0.01, 0.06, 0.03)));
        assertTrue(regions.contains(far));
    }

    @Test
    void denserClustersNeedMoreCropsAndLargerObjectsAreMagnifiedLess() {
        List<Flexibility.Point> pts = Flexibility.sweep(new double[]{1, 4}, new int[]{1, 12}, 12, 128, 64, 32, 128, 3);
        Flexibility.Point sparseSmall = pts.get(0), denseSmall = pts.get(1), sparseLarge = pts.get(2);
        assertTrue(denseSmall.regionsPerImage() > 2 * sparseSmall.regionsPerImage());
        assertTrue(denseSmall.pixelRatio() > sparseSmall.pixelRatio());
        assertTrue(denseSmall.emptyCellRatio16() < sparseSmall.emptyCellRatio16());
        assertTrue(sparseLarge.zoom() < sparseSmall.zoom() / 2, "larger objects, larger crops, less magnification");
        // pixels of an ideal ODGI: (R1^2 + crops * R2^2) / R_hi^2
        assertEquals((64.0 * 64 + sparseSmall.regionsPerImage() * 32 * 32) / (128.0 * 128), sparseSmall.pixelRatio(), 1e-12);
    }
}
