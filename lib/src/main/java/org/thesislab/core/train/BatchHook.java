package org.thesislab.core.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import org.thesislab.core.data.TensorDataset;

/**
 * Sees every training batch and the block's predictions right after the batch's step ({@link
 * TrainingLoop.Builder#afterStep}): ODGI trains its second stage on crops of the first stage's predictions this way.
 */
@FunctionalInterface
public interface BatchHook {
    /**
     * @param epoch   1-based
     * @param batch   1-based within the epoch, of {@code batches}
     * @param scope   the step's scope: arrays made here are freed after the call
     * @return named loss terms for the history, each averaged over the batches that report it (empty: none)
     */
    Map<String, Double> afterStep(int epoch, int batch, int batches, TensorDataset.Batch data, NDList predictions,
            NDManager scope);
}
