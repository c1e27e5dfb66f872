package org.thesislab.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.thesislab.core.train.TrainingStep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The determinism harness: each chapter's training at 'smoke' scale, seed 0, in fresh JVMs, must give bit-identical
 * parameters, losses and metrics ({@link TrainingFingerprint}) in four conditions, two at a time:
 * <ul>
 *   <li>twice as it is (same command, same numbers);</li>
 *   <li>with a small heap, a full GC between forward and backward on every step, and glibc's {@code MALLOC_PERTURB_}
 *       (a gradient read from memory a Java object owned changes then: see {@code core.nn.Scalars});</li>
 *   <li>with every heap block poisoned with NaN bytes when allocated and when freed ({@code nan_poison.c}): a kernel or
 *       a tensor that reads memory nobody wrote turns the numbers into NaN.</li>
 * </ul>
 * A difference names the first value that differs; the four fingerprints stay in target/determinism/.
 */
class DeterminismTest {
    private static final Path DIR = Path.of("target", "determinism");

    static List<String> chapters() {
        return TrainingFingerprint.CHAPTERS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chapters")
    void trainingIsBitIdenticalAcrossRunsGcAndPoisonedMemory(String chapter) throws Exception {
        Files.createDirectories(DIR);
        Path poison = NanPoison.library();
        Map<String, Condition> conditions = new LinkedHashMap<>();
        conditions.put("run 1", new Condition(List.of(), Map.of()));
        conditions.put("run 2", new Condition(List.of(), Map.of()));
        conditions.put("GC between forward and backward, small heap, MALLOC_PERTURB_=165",
                new Condition(List.of("-Xmx768m", "-D" + TrainingStep.GC_PROPERTY + "=true"), Map.of("MALLOC_PERTURB_", "165")));
        conditions.put("heap poisoned with NaN", new Condition(List.of(), Map.of("LD_PRELOAD", poison.toString())));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<String, Future<List<String>>> runs = new LinkedHashMap<>();
        int k = 0;
        for (var c : conditions.entrySet()) {
            Path out = DIR.resolve(chapter + "." + (++k) + ".txt");
            Path log = DIR.resolve(chapter + "." + k + ".log");
            runs.put(c.getKey(), pool.submit(() -> fingerprint(chapter, c.getValue(), out, log)));
        }
        pool.shutdown();
        Map<String, List<String>> prints = new LinkedHashMap<>();
        for (var r : runs.entrySet()) {
            prints.put(r.getKey(), r.getValue().get());
        }
        List<String> reference = prints.get("run 1");
        for (var p : prints.entrySet()) {
            String difference = firstDifference(reference, p.getValue());
            if (difference != null) {
                fail(chapter + ": '" + p.getKey() + "' differs from 'run 1' " + difference + " (fingerprints in "
                        + DIR.toAbsolutePath() + ")");
            }
        }
        System.out.printf("%s: %d values bit-identical in %s%n", chapter, reference.size(), prints.keySet());
    }

    private record Condition(List<String> jvmOptions, Map<String, String> env) {}

    private static List<String> fingerprint(String chapter, Condition c, Path out, Path log)
            throws IOException, InterruptedException {
        Files.deleteIfExists(out);
        Jvms.Exit exit = Jvms.run(TrainingFingerprint.class, c.jvmOptions(), c.env(), List.of(), log, 900, chapter,
                out.toString());
        assertEquals(0, exit.code(), chapter + " training failed under " + c + ":\n" + tail(exit.output()));
        return Files.readAllLines(out);
    }

    static String firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return "at value " + (i + 1) + ": " + a.get(i) + " vs " + b.get(i);
            }
        }
        return a.size() == b.size() ? null : "in length: " + a.size() + " vs " + b.size() + " values";
    }

    private static String tail(String s) {
        List<String> lines = new ArrayList<>(s.lines().toList());
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }
}
