package org.thesislab.core;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The headline tests' verdict over seeds: each claim of a chapter's {@code <Chapter>Claims}, judged on one summary
 * per seed (the same keys the notebook records), must hold in the majority of the seeds and be measured in all of
 * them. One seed is an anecdote; margins stay the claims' own, so a test never gets a threshold of its own.
 */
public final class ClaimsOverSeeds {
    private ClaimsOverSeeds() {
    }

    /** Fails, with every seed's numbers, unless each claim holds in more than half of the summaries. */
    public static void assertHoldInMajority(List<Claim> claims, List<? extends Map<String, ?>> summaries) {
        StringBuilder report = new StringBuilder();
        List<String> failed = new ArrayList<>();
        for (Claim c : claims) {
            long held = c.heldIn(summaries);
            report.append(String.format(Locale.ROOT, "%n%s (%s): held in %d of %d;", c.id(), c.comparison(), held,
                    summaries.size()));
            boolean measured = true;
            for (Map<String, ?> s : summaries) {
                Claim.Verdict v = c.judge(s);
                measured &= v.outcome() != Claim.Outcome.NOT_RUN;
                report.append(String.format(Locale.ROOT, " %.4g vs %.4g", v.ours(), v.reference()));
            }
            if (!measured || held * 2 <= summaries.size()) {
                failed.add(c.id() + (measured ? "" : " (not measured in every seed)"));
            }
        }
        System.out.println("Claims over " + summaries.size() + " seeds:" + report);
        assertTrue(failed.isEmpty(), "Thesis claims that do not hold in most seeds: " + failed + report);
    }

    /** The claims of {@code all} with these ids, in the order given (a test names what its size can measure). */
    public static List<Claim> select(List<Claim> all, String... ids) {
        List<Claim> out = new ArrayList<>();
        for (String id : ids) {
            out.add(all.stream().filter(c -> c.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no claim " + id)));
        }
        return out;
    }
}
