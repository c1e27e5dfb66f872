package org.thesislab.core.train;

import java.util.Map;
import tech.tablesaw.api.Table;

/** Called by {@link TrainingLoop} after each epoch (live curves, learning-rate schedules, logging). */
@FunctionalInterface
public interface TrainingListener {
    void onEpochEnd(int epoch, Map<String, Double> row, Table history);
}
