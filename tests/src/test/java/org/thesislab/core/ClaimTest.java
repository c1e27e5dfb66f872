package org.thesislab.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaimTest {
    private final Claim beats = Claim.that("co_beats_plain", "co-learning generalises (Table 2.2)", "0.9 vs 0.3")
            .quantity("co_acc").above("plain_acc", 0.1);
    private final Claim cheaper = Claim.that("fewer_bits", "PIC needs fewer bits", "2.72").quantity("pic_bpd").below("pp_bpd", 0.05);

    @Test
    void aClaimHoldsOnlyBeyondItsMargin() {
        assertEquals(Claim.Outcome.HOLDS, beats.judge(Map.of("co_acc", 0.61, "plain_acc", 0.5)).outcome());
        assertEquals(Claim.Outcome.DOES_NOT_HOLD, beats.judge(Map.of("co_acc", 0.6, "plain_acc", 0.5)).outcome(), "0.1 is not beyond a 0.1 margin");
        assertEquals(Claim.Outcome.DOES_NOT_HOLD, beats.judge(Map.of("co_acc", 0.4, "plain_acc", 0.5)).outcome());
        assertEquals(Claim.Outcome.HOLDS, cheaper.judge(Map.of("pic_bpd", 0.9, "pp_bpd", 1.0)).outcome());
        assertEquals(Claim.Outcome.DOES_NOT_HOLD, cheaper.judge(Map.of("pic_bpd", 0.97, "pp_bpd", 1.0)).outcome());
        var fixed = Claim.that("accurate", "accurate", "-").quantity("acc").above(0.84);
        assertEquals(Claim.Outcome.HOLDS, fixed.judge(Map.of("acc", 0.85)).outcome());
        assertEquals(Claim.Outcome.DOES_NOT_HOLD, fixed.judge(Map.of("acc", 0.84)).outcome());
    }

    @Test
    void missingOrNonFiniteNumbersAreNotRunNeverHolds() {
        assertEquals(Claim.Outcome.NOT_RUN, beats.judge(Map.of("co_acc", 0.9)).outcome());
        assertEquals(Claim.Outcome.NOT_RUN, beats.judge(Map.of("co_acc", Double.NaN, "plain_acc", 0.1)).outcome());
        assertEquals(Claim.Outcome.NOT_RUN, beats.judge(Map.of("co_acc", "NaN", "plain_acc", 0.1)).outcome());
    }

    @Test
    void badClaimsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Claim.that("Bad id", "s", "t").quantity("a").above("b", 0));
        assertThrows(IllegalArgumentException.class, () -> Claim.that("ok", "s", "t").quantity("a").above("b", -1));
        assertEquals("co_acc > plain_acc + 0.1", beats.comparison());
    }

    @Test
    void theRunRecordsEveryVerdict(@TempDir Path dir) throws Exception {
        Run run = Run.start("claims-test", Scale.SMOKE, 3, dir);
        run.summary("co_acc", 0.8);
        run.summary("plain_acc", 0.3);
        run.claims(List.of(beats, cheaper));
        JsonObject claims = JsonParser.parseString(Files.readString(dir.resolve("summary.json"))).getAsJsonObject().getAsJsonObject("claims");
        assertEquals("holds", claims.get("co_beats_plain").getAsString());
        assertEquals("not run at this scale", claims.get("fewer_bits").getAsString());
        String csv = Files.readString(dir.resolve("tables/claims.csv"));
        assertTrue(csv.contains("co-learning generalises") && csv.contains("holds") && csv.contains("0.8 vs 0.3"), csv);
    }
}
