package org.thesislab.avr;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.*;

class GeneratorTest {

    @Test
    void everyGeneratedSequenceCompliesWithExactlyItsRationale() {
        Universe u = Shapes3D.universe();
        SequenceGenerator g = Shapes3D.generator(3);
        Random rng = new Random(7);
        int[] perClass = new int[u.numClasses()];
        for (int i = 0; i < 5000; i++) {
            Sequence s = g.next(u.rationales(), rng);
            assertEquals(List.of(s.rationale()), Verifier.rationales(u, s.values()));
            for (int[] image : s.values()) {
                assertTrue(u.valid(image));
            }
            for (int p = 0; p < u.numProperties(); p++) {
                assertEquals(p != s.rationale().property(), s.distractor()[p], "3DS: every other property distracts");
            }
            perClass[u.classIndex(s.rationale())]++;
        }
        // "Final": a rejection restarts from step 1, so (inc, p) is kept with probability (m_p - 2|inc|) / m_p,
        // the chance that v^1, v^1 + inc, v^1 + 2 inc all lie in 1..m_p.
        double[] accept = new double[u.numClasses()];
        double total = 0;
        for (int c = 0; c < accept.length; c++) {
            Rationale rat = u.rationale(c);
            int m = u.property(rat.property()).cardinality();
            accept[c] = (m - 2.0 * Math.abs(Shapes3D.INCREMENTS[rat.rule()])) / m;
            total += accept[c];
        }
        for (int c = 0; c < accept.length; c++) {
            assertEquals(5000 * accept[c] / total, perClass[c], 45, "frequency of " + u.describe(u.rationale(c)));
        }
    }

    @Test
    void distractorsAreResampledPerImage() {
        SequenceGenerator g = Shapes3D.generator(3);
        Random rng = new Random(3);
        int changed = 0;
        int total = 0;
        for (int i = 0; i < 2000; i++) {
            Sequence s = g.next(Shapes3D.universe().rationales(), rng);
            int q = (s.rationale().property() + 1) % 5;
            total++;
            changed += s.values()[0][q] != s.values()[1][q] ? 1 : 0;
        }
        assertTrue(changed > 0.8 * total, "a distractor keeps its value only by chance");
    }

    @Test
    void anInterruptedThreadStopsGenerationAndSaysWhere() {
        Benchmark b = Benchmark.shapes3d(16);
        Thread.currentThread().interrupt();
        try {
            var e = assertThrows(CancellationException.class,
                    () -> b.generate(HeldOut.latinDiagonal(b.universe(), 0).train(), 200, 11));
            assertTrue(e.getMessage().contains("interrupted at sequence 1 of 200"), e.getMessage());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void datasetsAreSeededAndLabelled() {
        Benchmark b = Benchmark.shapes3d(16);
        HeldOut h = HeldOut.latinDiagonal(b.universe(), 0);
        AvrDataset a = b.generate(h.train(), 200, 11);
        AvrDataset c = b.generate(h.train(), 200, 11);
        assertArrayEquals(a.images(), c.images());
        for (int i = 0; i < a.count(); i++) {
            assertFalse(h.isHeldOut(a.rationale(i)), "training data contains only Y_train");
            int[][] v = new int[3][5];
            for (int panel = 0; panel < 3; panel++) {
                for (int p = 0; p < 5; p++) {
                    v[panel][p] = a.value(i, panel, p);
                }
            }
            assertEquals(List.of(a.rationale(i)), Verifier.rationales(b.universe(), v));
        }
    }
}
