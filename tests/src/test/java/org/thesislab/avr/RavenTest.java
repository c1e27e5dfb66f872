package org.thesislab.avr;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class RavenTest {

    private final Universe u = Raven.universe();

    private static int set(int... elements) {
        int m = 0;
        for (int e : elements) {
            m |= 1 << (e - 1);
        }
        return m;
    }

    @Test
    void twentyEightPermittedRationales() {
        assertEquals(36, u.numClasses());
        assertEquals(28, u.rationales().size());
        assertFalse(u.isPermitted(new Rationale(3, Raven.OBJECT_NUMBER)), "AND on a number is undefined");
        assertFalse(u.isPermitted(new Rationale(0, Raven.OBJECT_POSITIONS)));
        assertTrue(u.isPermitted(new Rationale(0, Raven.OBJECT_NUMBER)));
    }

    @Test
    void setRulesOnHandMadeValues() {
        // the thesis' example: colours {white, black, gray} AND {white, gray} = {white, gray}
        assertEquals(set(1, 5), u.rule(3).apply(new int[] {set(1, 5, 10), set(1, 5)}));
        assertEquals(set(1, 5, 10), u.rule(2).apply(new int[] {set(1, 5), set(10)}));
        assertEquals(set(10), u.rule(1).apply(new int[] {set(1, 5, 10), set(1, 5)}));
        assertEquals(Rule.UNDEFINED, u.rule(1).apply(new int[] {set(2), set(2)}), "an empty set is not a panel");
        // Progression adds the smallest absent element: on counts {1..c} it is c + 1
        assertEquals(set(1, 2, 3), u.rule(0).apply(new int[] {set(1, 2)}));
        assertEquals(set(1, 2, 4), u.rule(0).apply(new int[] {set(2, 4)}));
        assertEquals("3", u.property(Raven.OBJECT_NUMBER).format(set(1, 2, 3)));
    }

    @Test
    void verifierOnAHandMadeArityTwoSequence() {
        int[][] v = new int[3][];
        // OR on line colors; everything else fixed would be specious (AND/OR of equal sets), so vary it
        v[0] = new int[] {0, set(1, 2), set(3), set(1), set(1), 0, set(2, 4), set(1), set(1, 2)};
        v[1] = new int[] {0, set(5), set(7), set(2), set(3), 0, set(4), set(2), set(3, 4)};
        v[2] = new int[] {0, set(1, 2, 3, 9), set(2, 9), set(3), set(2), 0, set(2, 4), set(3), set(1, 2)};
        for (int[] a : v) {
            u.derive(a);
            assertTrue(u.valid(a), java.util.Arrays.toString(a));
        }
        assertEquals(List.of(new Rationale(2, Raven.LINE_COLORS)), Verifier.rationales(u, v));
    }

    @Test
    void generatedSequencesComplyWithExactlyOneRationale() {
        for (boolean distractors : new boolean[] {false, true}) {
            SequenceGenerator g = Raven.generator(3, distractors);
            Random rng = new Random(distractors ? 1 : 2);
            Set<Rationale> seen = new HashSet<>();
            int withDistractor = 0;
            for (int i = 0; i < 3000; i++) {
                Sequence s = g.next(u.rationales(), rng);
                assertEquals(List.of(s.rationale()), Verifier.rationales(u, s.values()));
                for (int[] a : s.values()) {
                    assertTrue(u.valid(a));
                }
                for (boolean d : s.distractor()) {
                    withDistractor += d ? 1 : 0;
                }
                seen.add(s.rationale());
            }
            assertEquals(28, seen.size(), "every permitted rationale can be generated");
            if (distractors) {
                assertTrue(withDistractor > 3000, "about half of the free properties distract");
            } else {
                assertEquals(0, withDistractor);
            }
        }
    }

    @Test
    void heldOutSettings() {
        // object and line number admit only Progression, so (Progression, number) can never be held out:
        // 26 eligible rationales cannot hold the thesis' three disjoint sets of 9
        var e = assertThrows(IllegalArgumentException.class, () -> HeldOut.sample(u, 9, 3, 2020));
        assertTrue(e.getMessage().contains("26"), e.getMessage());
        List<HeldOut> settings = HeldOut.sample(u, 8, 3, 2020);
        Set<Rationale> all = new HashSet<>();
        for (HeldOut h : settings) {
            assertTrue(h.feasible());
            assertEquals(20, h.train().size());
            h.heldOut().forEach(r -> assertTrue(all.add(r) && u.isPermitted(r)));
        }
    }

    @Test
    void renderingShowsEveryProperty() {
        Raven.Render r = new Raven.Render(32);
        int[] a = {0, set(1, 5, 9), set(2, 8), set(1, 3), set(1, 2), 0, set(3), set(2), set(1, 2)};
        u.derive(a);
        byte[] base = new byte[r.pixels()];
        r.render(a, new Random(1), base, 0);
        for (int p = 1; p < 9; p++) {
            if (p == Raven.LINE_NUMBER) {
                continue;
            }
            int[] b = a.clone();
            b[p] = switch (p) {
                case Raven.OBJECT_POSITIONS -> set(1, 5, 7);
                case Raven.OBJECT_COLORS -> set(2, 9);
                case Raven.OBJECT_SIZES -> set(2, 3);
                case Raven.OBJECT_TYPES -> set(3, 4);
                case Raven.LINE_COLORS -> set(9);
                case Raven.LINE_WIDTHS -> set(3);
                default -> set(3, 4);
            };
            u.derive(b);
            byte[] img = new byte[r.pixels()];
            r.render(b, new Random(1), img, 0);
            assertFalse(java.util.Arrays.equals(base, img), u.property(p) + " must change the image");
        }
    }
}
