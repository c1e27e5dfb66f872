package org.thesislab.avr;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class HeldOutTest {

    @Test
    void threeDsSettingsAreFeasibleAndDisjoint() {
        Universe u = Shapes3D.universe();
        Set<Rationale> seen = new HashSet<>();
        for (int s = 0; s < 3; s++) {
            HeldOut h = HeldOut.latinDiagonal(u, s);
            assertEquals(5, h.heldOut().size());
            assertEquals(20, h.train().size());
            assertTrue(h.feasible());
            for (Rationale r : h.heldOut()) {
                assertTrue(seen.add(r), "settings must not share held-out rationales: " + r);
            }
        }
    }

    @Test
    void feasibilityRejectsAnUnseenProperty() {
        Universe u = Shapes3D.universe();
        Set<Rationale> all5OnFloor = new HashSet<>();
        for (int r = 0; r < 5; r++) {
            all5OnFloor.add(new Rationale(r, Shapes3D.FLOOR_HUE));
        }
        assertThrows(IllegalArgumentException.class, () -> HeldOut.of(u, 0, all5OnFloor));
    }

    @Test
    void sampledSettingsAreFeasibleAndDisjoint() {
        Universe u = Shapes3D.universe();
        List<HeldOut> settings = HeldOut.sample(u, 5, 3, 42);
        Set<Rationale> seen = new HashSet<>();
        for (HeldOut h : settings) {
            assertTrue(h.feasible());
            assertEquals(5, h.heldOut().size());
            h.heldOut().forEach(r -> assertTrue(seen.add(r)));
        }
    }
}
