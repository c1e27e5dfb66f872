package org.thesislab.odgi;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The grid detector's output grid, counted cost and decoding. */
class GridDetectorTest {

    @Test
    void gridIsProportionalToTheInputAndMacsAreCountedPerLayer() {
        try (NDManager m = NDManager.newBaseManager(); GridDetector net = GridDetector.create("s1", 8, new int[]{8, 16, 24, 32})) {
            net.initialize(m, 64);
            float[] raw = net.predict(m, new float[2 * 3 * 64 * 64], 2, 64);
            assertEquals(2 * 8 * 16 * 16, raw.length);
            float[] raw32 = net.predict(m, new float[3 * 32 * 32], 1, 32);
            assertEquals(8 * 8 * 8, raw32.length);
            // By hand: 9*(3*8 + 8*16/4 + 16*24/16 + 24*32/16) N^2/... = 1168 N^2 for the spec's micro net with an 8-channel head.
            assertEquals(1168L * 128 * 128, net.multiplyAdds(128));
            assertEquals(1168L * 32 * 32, net.multiplyAdds(32));
            long convWeights = 9L * (3 * 8 + 8 * 16 + 16 * 24 + 24 * 32) + 32 * 8;
            long biasesAndNorm = (8 + 16 + 24 + 32) * 3 + 8;   // conv bias + BN gamma, beta per channel, head bias
            assertEquals(convWeights + biasesAndNorm, net.parameters());
        }
    }

    @Test
    void decodingPlacesBoxesInTheirCells() {
        int g = 2, plane = 4;
        float[] raw = new float[5 * plane];
        raw[3] = 0;                  // cell (1,1): centre at sigmoid(0) + 1 = 1.5 grid units
        raw[2 * plane + 3] = 0;      // width exp(0) = 1 cell
        raw[3 * plane + 3] = (float) Math.log(0.5);
        raw[4 * plane + 3] = 2;
        CellPrediction p = CellPrediction.decode(raw, 1, 5, g, g).get(0).get(3);
        StageTransitionTest.assertBox(new Box(0.5, 0.625, 1.0, 0.875), p.box());
        assertEquals(1 / (1 + Math.exp(-2)), p.confidence(), 1e-6);
        assertFalse(p.group());
        assertEquals(1.0, p.ow());
    }

    @Test
    void badSettingsAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> GridDetector.create("x", 6, new int[]{8, 16, 24, 32}));
        var e = assertThrows(IllegalArgumentException.class, () -> GridDetector.gridSize(30));
        assertTrue(e.getMessage().contains("multiple of the stride"));
        assertThrows(IllegalArgumentException.class, () -> CellPrediction.decode(new float[3], 1, 5, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> new StageTransition(0.5, 0.2, 0.5, 3, StageTransition.Offsets.LEARNED, true));
    }
}
