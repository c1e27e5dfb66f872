package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChromaTest {
    @Test
    void targetsLieOnTheGridOfCAndMapBackToLabUnits() {
        try (NDManager m = NDManager.newBaseManager()) {
            Scenes.Set s = Scenes.generate(4, 16, new Random(2));
            NDArray lab = s.lab(m);
            Chroma.Batch b = Chroma.prepare(lab, 2);
            assertEquals(new Shape(4, 2, 8, 8), b.ab().getShape());
            assertEquals(new Shape(4, 1, 8, 8), b.lumaLow().getShape());
            NDArray levels = Chroma.toLabUnits(b.ab());
            assertEquals(0f, levels.sub(levels.round()).abs().max().getFloat(), 1e-3, "integer levels");
            NDArray area = Chroma.down(lab.get(":, 1:3"), 2);
            assertTrue(levels.sub(area).abs().max().getFloat() <= 0.5001, "rounded area average of ab");
            float[] n = b.ab().toFloatArray();
            for (float v : n) {
                assertTrue(v >= -1 && v <= 1);
            }
        }
    }

    @Test
    void recombineKeepsTheInputLuminanceAndUpsamplesChroma() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray lab = Scenes.generate(2, 16, new Random(5)).lab(m);
            Chroma.Batch b = Chroma.prepare(lab, 2);
            NDArray out = Chroma.recombine(b.luma(), b.ab(), 2);
            assertEquals(lab.getShape(), out.getShape());
            assertEquals(0f, out.get(":, 0:1").sub(lab.get(":, 0:1")).abs().max().getFloat(), 1e-3);
            NDArray flat = m.full(new Shape(1, 2, 4, 4), 0.3f);
            NDArray up = Chroma.upsample(flat, 4);
            assertEquals(new Shape(1, 2, 16, 16), up.getShape());
            assertEquals(0.3f, up.min().getFloat(), 1e-6, "bilinear upsampling of a constant is constant");
        }
    }

    @Test
    void rejectsSizesThatAreNotMultiplesOfTheFactor() {
        try (NDManager m = NDManager.newBaseManager()) {
            assertThrows(IllegalArgumentException.class, () -> Chroma.prepare(m.zeros(new Shape(1, 3, 10, 10)), 4));
        }
    }
}
