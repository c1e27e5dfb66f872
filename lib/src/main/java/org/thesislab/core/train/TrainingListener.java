package org.thesislab.core.train;

import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * The loop's seam, as DJL's listeners are: called after each epoch (live curves, logging, early stopping,
 * checkpoints), and asked before each epoch whether training should stop.
 */
@FunctionalInterface
public interface TrainingListener {
    void onEpochEnd(int epoch, Map<String, Double> row, Table history);

    /** Before epoch {@code epoch}: why training should stop now, or null to go on (early stopping says why). */
    default String stopBefore(int epoch) {
        return null;
    }
}
