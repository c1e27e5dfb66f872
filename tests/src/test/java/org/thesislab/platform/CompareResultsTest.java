package org.thesislab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thesislab.core.Project;

/**
 * {@code environment/lab compare}, the check that two reproductions computed the same numbers: times, dates and
 * versions may differ, a number or a configuration value may not, by a single bit.
 */
class CompareResultsTest {
    private static final String RUN = "{\"notebook\": \"n\", \"seed\": 0, \"started\": \"%s\", \"git_commit\": \"%s\", "
            + "\"train_seconds\": %s, \"ms_per_image\": %s, \"config\": {\"epochs\": %d}, \"acc\": %s, "
            + "\"claims\": {\"faster\": \"%s\"}}";

    private static String compare(Path dir, String a, String b, int expectedStatus) throws Exception {
        for (String[] run : new String[][] {{"a", a}, {"b", b}}) {
            Path f = dir.resolve(run[0]).resolve("n/summary.json");
            Files.createDirectories(f.getParent());
            Files.writeString(f, run[1]);
        }
        Process p = new ProcessBuilder("environment/lab", "compare", dir.resolve("a").toString(), dir.resolve("b").toString())
                .directory(Project.root().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(expectedStatus, p.waitFor(), out);
        return out;
    }

    @Test
    void timesDatesAndVersionsMayDiffer(@TempDir Path dir) throws Exception {
        String out = compare(dir, String.format(RUN, "2026-01-01", "abc", 12.5, 3.1, 3, "0.8125", "holds"),
                String.format(RUN, "2026-02-02", "def", 99.0, 7.7, 3, "0.8125", "does not hold"), 0);
        assertTrue(out.contains("n: 4 identical, 0 differ"), out);
        assertTrue(out.contains("verdict faster: holds vs does not hold"), out);
    }

    @Test
    void aNumberOrASettingThatDiffersInTheLastBitFails(@TempDir Path dir) throws Exception {
        String out = compare(dir, String.format(RUN, "d", "abc", 1, 1, 3, "0.8125", "holds"),
                String.format(RUN, "d", "abc", 1, 1, 3, "0.8125000000000001", "holds"), 1);
        assertTrue(out.contains("acc: 0.8125  vs  0.8125000000000001"), out);
        out = compare(dir, String.format(RUN, "d", "abc", 1, 1, 3, "0.5", "holds"),
                String.format(RUN, "d", "abc", 1, 1, 4, "0.5", "holds"), 1);
        assertTrue(out.contains("config"), out);
    }
}
