package org.thesislab.cpfs;

import java.util.Map;
import org.thesislab.core.train.TrainingLoop;
import org.thesislab.cpfs.CpfsExperiment.Arm;
import org.thesislab.cpfs.CpfsExperiment.ArmScores;

/**
 * What the chapter's experiment measured, for {@link CpfsTables}, {@link CpfsFigures} and {@link CpfsClaims}.
 *
 * @param pretraining the pre-training of every arm that was trained (the random arm is not)
 * @param scores      every arm's linear probes and fine-tuning on the downstream segmentation, in {@link Arm}'s order
 */
public record CpfsResults(CpfsExperiment.Config config, long seed, Map<Arm, TrainingLoop.Result> pretraining,
                          Map<Arm, ArmScores> scores) {
}
