package org.thesislab.avr;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generators must never starve training: 'quick' trains at about 2k sequences/s on 2 cores, so both
 * benchmarks should generate and render several times faster than that on one core.
 */
@Tag("benchmark")
class GeneratorBenchmarkTest {

    @Test
    void sequencesPerSecond() {
        double shapes = Benchmark.shapes3d(16).sequencesPerSecond(20_000, 1);
        double shapes64 = Benchmark.shapes3d(64).sequencesPerSecond(5_000, 1);
        double raven = Benchmark.raven(32, false).sequencesPerSecond(10_000, 1);
        double ravenD = Benchmark.raven(32, true).sequencesPerSecond(10_000, 1);
        System.out.printf("3DS 16px %.0f seq/s, 3DS 64px %.0f seq/s, Raven 32px %.0f seq/s (no distractors), %.0f seq/s (distractors)%n",
                shapes, shapes64, raven, ravenD);
        assertTrue(shapes > 5000, "3DS 16px: " + shapes);
        assertTrue(raven > 2000, "Raven: " + raven);
        assertTrue(ravenD > 2000, "Raven with distractors: " + ravenD);
    }
}
