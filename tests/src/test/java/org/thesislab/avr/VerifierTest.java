package org.thesislab.avr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class VerifierTest {

    private final Universe shapes = Shapes3D.universe();

    /** A toy universe with Boolean values and the arity-2 rules AND / OR, to exercise ambiguity. */
    private static Universe booleans() {
        Rule and = new Rule() {
            public String name() { return "AND"; }
            public int arity() { return 2; }
            public int apply(int[] c) { return c[0] & c[1]; }
        };
        Rule or = new Rule() {
            public String name() { return "OR"; }
            public int arity() { return 2; }
            public int apply(int[] c) { return c[0] | c[1]; }
        };
        List<Property> props = List.of(new Property("a", new int[] {0, 1}, Property.Encoding.NUMBER),
                new Property("b", new int[] {0, 1}, Property.Encoding.NUMBER));
        return Universe.allPermitted("bool", props, List.of(and, or));
    }

    @Test
    void arityOneRuleHandMadeSequence() {
        // floor hue 2,3,4 (+1); wall 5,1,9; object 1,1,7; scale 8,3,4 (+1 only on the last step); orientation 15,13,10
        int[][] v = {{2, 5, 1, 8, 15}, {3, 1, 1, 3, 13}, {4, 9, 7, 4, 10}};
        assertEquals(List.of(new Rationale(3, Shapes3D.FLOOR_HUE)), Verifier.rationales(shapes, v));
        assertFalse(Verifier.complies(shapes, v, new Rationale(3, Shapes3D.SCALE)), "(2.1) must hold at every step");
    }

    @Test
    void identityAndNegativeIncrements() {
        int[][] v = {{7, 5, 3, 1, 15}, {7, 3, 8, 2, 13}, {7, 1, 2, 6, 11}};
        assertEquals(List.of(new Rationale(0, Shapes3D.WALL_HUE), new Rationale(2, Shapes3D.FLOOR_HUE),
                new Rationale(0, Shapes3D.ORIENTATION)).stream().sorted(java.util.Comparator
                .comparingInt(shapes::classIndex)).toList(), Verifier.rationales(shapes, v));
    }

    @Test
    void arityTwoRule() {
        Universe u = booleans();
        int[][] v = {{1, 0}, {0, 1}, {1, 1}}; // a: 1,0 -> 1 is OR; b: 0,1 -> 1 is OR
        assertEquals(List.of(new Rationale(1, 0), new Rationale(1, 1)), Verifier.rationales(u, v));
        int[][] w = {{1, 0}, {0, 0}, {0, 1}}; // a: AND (and not OR); b: neither
        assertEquals(List.of(new Rationale(0, 0)), Verifier.rationales(u, w));
    }

    @Test
    void generatorRejectsAmbiguity() {
        // v1 = v2 = 1 makes AND and OR both give 1: the generator must never return such a sequence.
        Universe u = booleans();
        SequenceGenerator g = new SequenceGenerator(u, 3, 1.0);
        java.util.Random rng = new java.util.Random(1);
        int rejected = 0;
        for (int i = 0; i < 2000; i++) {
            Sequence s = g.tryGenerate(new Rationale(0, 0), rng);
            if (s == null) {
                rejected++;
                continue;
            }
            assertNotEquals(s.values()[0][0], s.values()[1][0], "equal contexts are ambiguous between AND and OR");
            assertEquals(List.of(new Rationale(0, 0)), Verifier.rationales(u, s.values()));
        }
        assertTrue(rejected > 0);
    }

    @Test
    void generatorRejectsOutOfRange() {
        SequenceGenerator g = Shapes3D.generator(3);
        java.util.Random rng = new java.util.Random(2);
        Rationale plus2Scale = new Rationale(4, Shapes3D.SCALE); // v + 2 on a scale of 1..8
        int rejected = 0;
        for (int i = 0; i < 3000; i++) {
            Sequence s = g.tryGenerate(plus2Scale, rng);
            if (s == null) {
                rejected++;
            } else {
                assertTrue(s.values()[0][Shapes3D.SCALE] <= 4, "v^1 + 4 must stay within 1..8");
            }
        }
        // context values are uniform on 1..8 and only 1..4 fit: about half the attempts are rejected
        assertEquals(0.5, rejected / 3000.0, 0.05);
    }

    @Test
    void tooShortSequenceIsAClearError() {
        var e = assertThrows(IllegalArgumentException.class, () -> new SequenceGenerator(booleans(), 2, 1.0));
        assertTrue(e.getMessage().contains("arity"));
    }
}
