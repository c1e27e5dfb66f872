package org.thesislab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScaleTest {
    @Test
    void parsesTheThreeScalesCaseInsensitively() {
        assertEquals(Scale.SMOKE, Scale.parse("smoke"));
        assertEquals(Scale.QUICK, Scale.parse(" Quick "));
        assertEquals(Scale.PAPER, Scale.parse("PAPER"));
    }

    @Test
    void unknownScaleNamesTheVariableAndTheValidValues() {
        var e = assertThrows(IllegalArgumentException.class, () -> Scale.parse("fast"));
        assertTrue(e.getMessage().contains("'fast'"), e.getMessage());
        assertTrue(e.getMessage().contains("THESISLAB_SCALE"), e.getMessage());
        assertTrue(e.getMessage().contains("smoke, quick, paper"), e.getMessage());
    }

    @Test
    void picksTheValueOfItsScale() {
        assertEquals(8, Scale.SMOKE.pick(8, 2000, 60000));
        assertEquals(2000, Scale.QUICK.pick(8, 2000, 60000));
        assertEquals("p", Scale.PAPER.pick("s", "q", "p"));
    }

    @Test
    void systemPropertyOverridesAndDefaultIsQuick() {
        String old = System.getProperty(Scale.PROPERTY);
        try {
            System.setProperty(Scale.PROPERTY, "smoke");
            assertEquals(Scale.SMOKE, Scale.current());
            System.setProperty(Scale.PROPERTY, "bogus");
            assertThrows(IllegalArgumentException.class, Scale::current);
            System.clearProperty(Scale.PROPERTY);
            if (System.getenv(Scale.ENV) == null) {
                assertEquals(Scale.QUICK, Scale.current());
            }
        } finally {
            if (old == null) {
                System.clearProperty(Scale.PROPERTY);
            } else {
                System.setProperty(Scale.PROPERTY, old);
            }
        }
    }
}
