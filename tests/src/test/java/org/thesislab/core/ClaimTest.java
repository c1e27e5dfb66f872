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
    void shareClaimsCompareRatios() {
        var close = Claim.that("close", "close to the big model", "0.646 vs 0.684").quantity("small").atLeastShareOf("big", 0.8);
        assertEquals(Claim.Outcome.HOLDS, close.judge(Map.of("small", 0.8, "big", 1.0)).outcome(), "exactly the share counts");
        assertEquals(Claim.Outcome.DOES_NOT_HOLD, close.judge(Map.of("small", 0.79, "big", 1.0)).outcome());
        var cheap = Claim.that("cheap", "cheaper", "458k vs 1M").quantity("px").atMostShareOf("big_px", 0.75);
        assertEquals(Claim.Outcome.HOLDS, cheap.judge(Map.of("px", 12288, "big_px", 16384)).outcome());
        assertEquals(Claim.Outcome.DOES_NOT_HOLD, cheap.judge(Map.of("px", 12289, "big_px", 16384)).outcome());
        assertEquals("small >= 0.8 × big", close.comparison());
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
