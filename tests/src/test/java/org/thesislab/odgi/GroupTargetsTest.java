package org.thesislab.odgi;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The grouping rule (3.2)-(3.4) and the offset targets (3.9) on hand-drawn layouts. */
class GroupTargetsTest {

    @Test
    void twoBoxesInOneCellMakeAGroupAndABoxAcrossCellsIsAssignedToBoth() {
        Box b1 = new Box(0.1, 0.1, 0.2, 0.2), b2 = new Box(0.3, 0.3, 0.4, 0.4);   // both in cell (0,0) of a 2x2 grid
        Box b3 = new Box(0.45, 0.6, 0.55, 0.7);                                    // straddles cells (1,0) and (1,1)
        GroupTargets t = GroupTargets.of(List.of(b1, b2, b3), 2, 2);
        assertTrue(t.isGroup(0, 0));
        assertEquals(new Box(0.1, 0.1, 0.4, 0.4), t.target(0, 0));
        assertFalse(t.nonEmpty(0, 1));
        assertNull(t.target(0, 1));
        assertFalse(t.isGroup(1, 0));
        assertEquals(b3, t.target(1, 0));
        assertEquals(b3, t.target(1, 1));
        assertEquals(0.25, t.emptyCellRatio(), 1e-12);
        assertEquals(List.of(new Box(0.1, 0.1, 0.4, 0.4)), t.groupBoxes());
    }

    @Test
    void overlapsChainIntoNeighbouringGroupsThatDependOnTheGrid() {
        // Three boxes in a row; on a 4x4 grid (cells 0.25) the middle one straddles x = 0.25.
        Box a = new Box(0.05, 0.05, 0.10, 0.10), b = new Box(0.20, 0.05, 0.30, 0.10), c = new Box(0.40, 0.05, 0.45, 0.10);
        GroupTargets fine = GroupTargets.of(List.of(a, b, c), 4, 4);
        assertEquals(new Box(0.05, 0.05, 0.30, 0.10), fine.target(0, 0));   // a + b
        assertEquals(new Box(0.20, 0.05, 0.45, 0.10), fine.target(0, 1));   // b + c
        assertTrue(fine.isGroup(0, 0) && fine.isGroup(0, 1));
        GroupTargets coarse = GroupTargets.of(List.of(a, b, c), 2, 2);
        assertEquals(new Box(0.05, 0.05, 0.45, 0.10), coarse.target(0, 0)); // one group of three at low resolution
        GroupTargets finest = GroupTargets.of(List.of(a, b, c), 16, 16);
        assertEquals(0, finest.groupBoxes().size(), "fine enough grids reduce to individual detection");
    }

    @Test
    void aBoxEndingExactlyOnACellBorderDoesNotTouchTheNextCell() {
        GroupTargets t = GroupTargets.of(List.of(new Box(0.6, 0.1, 0.7, 0.5)), 2, 2);
        assertTrue(t.nonEmpty(0, 1));
        assertFalse(t.nonEmpty(1, 1));
    }

    @Test
    void offsetTargetCoversTheTruthWithMarginAroundThePredictedCentre() {
        // Predicted centre 0.5, half-height 0.05; truth spans [0.45, 0.62]; delta 0.025.
        // h_scaled = max(|0.62 + 0.025 - 0.5|, |0.45 - 0.025 - 0.5|) = 0.145, o* = 0.05 / 0.145.
        double o = OdgiLoss.offsetTarget(0.5, 0.05, 0.45, 0.62, 0.025);
        assertEquals(0.05 / 0.145, o, 1e-12);
        double half = 0.05 / o;                                   // the rescaled box, centred on 0.5
        assertTrue(0.5 - half <= 0.45 - 0.025 + 1e-12 && 0.5 + half >= 0.62 + 0.025 - 1e-12);
        assertEquals(1.0, OdgiLoss.offsetTarget(0.5, 0.2, 0.45, 0.62, 0.025), "a box already covering the truth is not shrunk: min(1, .)");
    }
}
