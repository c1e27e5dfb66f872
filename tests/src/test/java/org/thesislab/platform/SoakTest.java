package org.thesislab.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The long determinism check, outside CI ({@code environment/lab soak}): every chapter's training at 'quick' scale
 * (the notebooks' size), {@code THESISLAB_SOAK_REPEATS} times (default 3) in fresh JVMs while other processes keep
 * every core busy; all repeats must write the same {@link TrainingFingerprint}. Takes hours on 2 cores.
 */
@Tag("soak")
class SoakTest {
    private static final Path DIR = Path.of("target", "soak");

    static List<String> chapters() {
        return TrainingFingerprint.CHAPTERS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chapters")
    void quickTrainingIsBitIdenticalUnderCpuLoad(String chapter) throws Exception {
        Files.createDirectories(DIR);
        int repeats = Integer.parseInt(System.getenv().getOrDefault("THESISLAB_SOAK_REPEATS", "3"));
        List<Process> load = new ArrayList<>();
        List<List<String>> prints = new ArrayList<>();
        try {
            for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
                // bounded: each busy loop ends by itself after two hours even if this JVM dies
                load.add(new ProcessBuilder("timeout", "7200", "sh", "-c", "while :; do :; done").start());
            }
            for (int r = 1; r <= repeats; r++) {
                Path out = DIR.resolve(chapter + "." + r + ".txt");
                Jvms.Exit exit = Jvms.run(TrainingFingerprint.class, List.of(), Map.of(), List.of(),
                        DIR.resolve(chapter + "." + r + ".log"), 4 * 3600, chapter, out.toString(), "quick");
                assertEquals(0, exit.code(), chapter + " repeat " + r + " failed under load:\n" + exit.output());
                prints.add(Files.readAllLines(out));
                String difference = DeterminismTest.firstDifference(prints.get(0), prints.get(r - 1));
                if (difference != null) {
                    fail(chapter + ": repeat " + r + " differs from repeat 1 " + difference);
                }
            }
        } finally {
            load.forEach(Process::destroyForcibly);
        }
        System.out.printf("%s at quick: %d repeats under load, %d values bit-identical%n", chapter, repeats,
                prints.get(0).size());
    }
}
