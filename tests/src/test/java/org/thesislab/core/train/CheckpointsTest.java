package org.thesislab.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.thesislab.core.Scale;
import org.thesislab.odgi.OdgiExperiment;

/** Where checkpoints go: a folder per configuration and seed, one per model, none for {@link Checkpoints#none()}. */
class CheckpointsTest {
    private static final Path ROOT = Path.of("checkpoints");

    @Test
    void theSameConfigurationAndSeedShareAFolderAndAChangedOneGetsItsOwn() {
        var smoke = OdgiExperiment.Config.forScale(Scale.SMOKE);
        Path a = Checkpoints.in(ROOT, smoke, 0).dir();
        assertEquals(a, Checkpoints.in(ROOT, OdgiExperiment.Config.forScale(Scale.SMOKE), 0).dir());
        assertNotEquals(a, Checkpoints.in(ROOT, smoke, 1).dir(), "another seed");
        assertNotEquals(a, Checkpoints.in(ROOT, OdgiExperiment.Config.forScale(Scale.QUICK), 0).dir(), "another configuration");
        assertTrue(a.getFileName().toString().startsWith("odgiexperiment-seed0-"), a.toString());
        assertEquals(a.resolve("ODGI-64-32-no-groups-"), Checkpoints.in(ROOT, smoke, 0).forModel("ODGI 64-32 (no groups)"));
    }

    @Test
    void noneGivesNoFolderAndAMissingRootIsRefused() {
        assertNull(Checkpoints.none().forModel("anything"));
        assertNull(Checkpoints.none().dir());
        var e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoints.in(null, OdgiExperiment.Config.forScale(Scale.SMOKE), 0));
        assertTrue(e.getMessage().contains("Checkpoints.none()"), e.getMessage());
    }
}
