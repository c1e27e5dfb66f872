package org.thesislab.cpfs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thesislab.core.Scale;

class CpfsExperimentTest {
    @Test
    void smokeRunsEveryArmEndToEnd() {
        CpfsExperiment.Config s = CpfsExperiment.Config.forScale(Scale.SMOKE);
        assertTrue(s.arms().contains(CpfsExperiment.Arm.SHUFFLED));
        try (NDManager m = NDManager.newBaseManager()) {
            long t0 = System.nanoTime();
            Map<CpfsExperiment.Arm, CpfsExperiment.ArmScores> scores = CpfsExperiment.runAll(s, 0, m);
            System.out.println(CpfsTables.transferTable(scores).printAll());
            System.out.println(CpfsTables.probeTable(scores, true).printAll());
            System.out.printf("smoke run %.1f s%n", (System.nanoTime() - t0) / 1e9);
            for (var a : scores.values()) {
                double acc = a.probeAccuracy().get("hypercolumn")[0];
                assertTrue(acc > 0 && acc <= 1);
            }
        }
    }
}
