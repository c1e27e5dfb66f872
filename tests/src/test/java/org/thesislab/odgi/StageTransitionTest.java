package org.thesislab.odgi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The stage transition's three cases, region rescaling and crop extraction round trips. */
class StageTransitionTest {

    private static CellPrediction cell(Box b, double c, boolean g) {
        return new CellPrediction(b, c, g, 0.5, 0.5);
    }

    @Test
    void discardExitOrRefineByThresholdsAndFlag() {
        CellPrediction low = cell(new Box(0.0, 0.0, 0.1, 0.1), 0.05, false);
        CellPrediction strong = cell(new Box(0.2, 0.2, 0.3, 0.3), 0.95, false);
        CellPrediction group = cell(new Box(0.5, 0.5, 0.7, 0.7), 0.95, true);
        CellPrediction medium = cell(new Box(0.8, 0.1, 0.9, 0.2), 0.5, false);
        StageTransition t = StageTransition.test(0.1, 0.8, 0.5, 5);
        StageTransition.Outcome o = t.apply(List.of(low, strong, group, medium));
        assertEquals(List.of(strong.detection()), o.exits());
        assertEquals(List.of(group, medium), o.refined(), "groups refine even when confident; sorted by confidence");
        assertEquals(List.of(group), t.withGamma(1).apply(List.of(low, strong, group, medium)).refined());
        StageTransition.Outcome noGroups = t.withGroups(false).apply(List.of(group, medium));
        assertEquals(List.of(group.detection()), noGroups.exits(), "ignoring g, a confident group box exits as an individual");
    }

    @Test
    void nmsRunsOnRefinementCandidates() {
        CellPrediction a = cell(new Box(0.1, 0.1, 0.3, 0.3), 0.7, true);
        CellPrediction b = cell(new Box(0.11, 0.1, 0.31, 0.3), 0.6, true);
        assertEquals(List.of(a), StageTransition.test(0, 1, 0.5, 10).apply(List.of(a, b)).refined());
        assertEquals(List.of(a, b), StageTransition.training(10).apply(List.of(b, a)).refined(), "training: no NMS, top-gamma");
    }

    @Test
    void inTheCodesOrderNmsSuppressesOverlappingCropsOfDisjointBoxes() {
        CellPrediction a = cell(new Box(0.40, 0.40, 0.45, 0.45), 0.7, false);   // crops: squares of side 0.1 (o = 0.5)
        CellPrediction b = cell(new Box(0.46, 0.40, 0.51, 0.45), 0.6, false);   // boxes disjoint, crops IoU 0.6 / 1.4
        StageTransition thesis = StageTransition.test(0, 1, 0.25, 10);
        assertEquals(List.of(a, b), thesis.apply(List.of(a, b)).refined());
        assertEquals(List.of(a), thesis.withNmsOnCrops(true).apply(List.of(a, b)).refined());
    }

    @Test
    void regionsAreEnlargedByOneOverOffsetMadeSquareAndKeptInside() {
        StageTransition t = StageTransition.test(0, 1, 0.5, 3);
        CellPrediction p = new CellPrediction(Box.ofCentre(0.5, 0.5, 0.1, 0.05), 0.9, true, 0.5, 0.5);
        assertBox(new Box(0.4, 0.4, 0.6, 0.6), t.region(p));                         // side max(0.1/0.5, 0.05/0.5)
        assertBox(new Box(0.45, 0.45, 0.55, 0.55), t.withOffsets(StageTransition.Offsets.NONE).region(p));
        assertBox(new Box(0.425, 0.425, 0.575, 0.575), t.withOffsets(StageTransition.Offsets.FIXED).region(p));
        CellPrediction edge = new CellPrediction(Box.ofCentre(0.05, 0.5, 0.1, 0.1), 0.9, true, 0.5, 0.5);
        assertBox(new Box(0.0, 0.4, 0.2, 0.6), t.region(edge));
    }

    @Test
    void boxCoordinatesRoundTripThroughARegion() {
        Box region = new Box(0.2, 0.3, 0.6, 0.7);
        Box b = new Box(0.25, 0.4, 0.3, 0.5);
        Box inCrop = b.toRegion(region);
        assertBox(new Box(0.125, 0.25, 0.25, 0.5), inCrop);
        assertBox(b, inCrop.fromRegion(region));
    }

    @Test
    void croppingAndRescalingPixelsKeepsAnObjectWhereTheBoxesSayItIs() {
        int n = 64, m = 32;
        float[] img = new float[3 * n * n];
        Box object = new Box(20 / 64.0, 24 / 64.0, 28 / 64.0, 30 / 64.0);
        for (int y = 24; y < 30; y++) {
            for (int x = 20; x < 28; x++) {
                for (int c = 0; c < 3; c++) {
                    img[(c * n + y) * n + x] = 1;
                }
            }
        }
        Box region = new Box(16 / 64.0, 16 / 64.0, 48 / 64.0, 48 / 64.0);   // a 32-px crop kept at 32 px
        float[] crop = Resampling.cropResize(img, n, region, m);
        Box found = brightBox(crop, m);
        assertBox(object.toRegion(region), found);
        assertBox(object, found.fromRegion(region));
        float[] zoom = Resampling.cropResize(img, n, new Box(16 / 64.0, 20 / 64.0, 32 / 64.0, 36 / 64.0), m);   // 16 px -> 32 px
        Box zoomed = brightBox(zoom, m).fromRegion(new Box(16 / 64.0, 20 / 64.0, 32 / 64.0, 36 / 64.0));
        assertEquals(object.x0(), zoomed.x0(), 1.0 / 64);
        assertEquals(object.y1(), zoomed.y1(), 1.0 / 64);
    }

    @Test
    void truthsInACropKeepBoxesMostlyInside() {
        Box region = new Box(0.5, 0.5, 1.0, 1.0);
        Box inside = new Box(0.6, 0.6, 0.7, 0.7), halfIn = new Box(0.45, 0.6, 0.55, 0.7), mostlyOut = new Box(0.40, 0.6, 0.52, 0.7);
        List<Box> kept = StageTransition.truthsInRegion(List.of(inside, halfIn, mostlyOut), region, 0.33);
        assertEquals(2, kept.size());
        assertBox(new Box(0.2, 0.2, 0.4, 0.4), kept.get(0));
        assertBox(new Box(0.0, 0.2, 0.1, 0.4), kept.get(1));
    }

    /** Bounding box of pixels brighter than 0.5, in normalised coordinates. */
    static Box brightBox(float[] chw, int n) {
        int x0 = n, y0 = n, x1 = -1, y1 = -1;
        for (int y = 0; y < n; y++) {
            for (int x = 0; x < n; x++) {
                if (chw[y * n + x] > 0.5f) {
                    x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y);
                }
            }
        }
        assertTrue(x1 >= 0, "no bright pixel in crop");
        return new Box(x0 / (double) n, y0 / (double) n, (x1 + 1) / (double) n, (y1 + 1) / (double) n);
    }

    static void assertBox(Box expected, Box actual) {
        String msg = "expected " + expected + " got " + actual;
        assertEquals(expected.x0(), actual.x0(), 1e-9, msg);
        assertEquals(expected.y0(), actual.y0(), 1e-9, msg);
        assertEquals(expected.x1(), actual.x1(), 1e-9, msg);
        assertEquals(expected.y1(), actual.y1(), 1e-9, msg);
    }
}
