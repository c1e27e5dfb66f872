package org.thesislab.cpfs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.thesislab.core.Scale;
import org.thesislab.cpfs.CpfsExperiment.Arm;

/**
 * The chapter's headline at a reduced 'quick' size with fixed seeds: features pre-trained with CPFS-CE on
 * MovingShapes transfer to segmentation better than a random initialisation and than the same training on
 * shuffled (wrong) flow (about 40 s on one thread).
 */
class CpfsHeadlineTest {
    @Test
    void cpfsFeaturesBeatRandomAndShuffledFlow() {
        CpfsExperiment.Config s = CpfsExperiment.Config.forScale(Scale.QUICK).with(1024, 4, 1, 0, List.of(Arm.RANDOM, Arm.CPFS_CE, Arm.SHUFFLED));
        try (NDManager m = NDManager.newBaseManager()) {
            Map<Arm, CpfsExperiment.ArmScores> scores = CpfsExperiment.runAll(s, 0, null, m);
            System.out.println(CpfsExperiment.transferTable(scores).printAll());
            double ce = scores.get(Arm.CPFS_CE).probeMeanIoU().get("hypercolumn")[0];
            double random = scores.get(Arm.RANDOM).probeMeanIoU().get("hypercolumn")[0];
            double shuffled = scores.get(Arm.SHUFFLED).probeMeanIoU().get("hypercolumn")[0];
            assertTrue(ce > random, "CPFS-CE probe mIoU " + ce + " should beat random init " + random);
            assertTrue(ce > shuffled, "CPFS-CE probe mIoU " + ce + " should beat the shuffled-flow control " + shuffled);
        }
    }
}
