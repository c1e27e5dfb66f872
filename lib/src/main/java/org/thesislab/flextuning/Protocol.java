package org.thesislab.flextuning;

import org.thesislab.core.Scale;

/**
 * The fine-tuning protocol (thesis §4.1.4): Adam at learning rate 1e-3 for the small networks, early
 * stopping on validation accuracy. The thesis checks validation "every 5-10 epochs"; with a handful of
 * images per class an epoch is one step, so we check every {@code evalEvery} steps, stop after
 * {@code patience} checks without improvement or at {@code maxSteps}, and restore the best-validation weights.
 */
public record Protocol(float learningRate, int batchSize, int evalEvery, int patience, int maxSteps) {

    public Protocol {
        if (learningRate <= 0 || batchSize < 1 || evalEvery < 1 || patience < 1 || maxSteps < 1) {
            throw new IllegalArgumentException("Protocol needs positive values, got lr=" + learningRate + " batch="
                    + batchSize + " evalEvery=" + evalEvery + " patience=" + patience + " maxSteps=" + maxSteps);
        }
    }

    /** The protocol at a scale: the thesis' learning rate everywhere, budgets that fit the scale. */
    public static Protocol forScale(Scale scale) {
        return new Protocol(1e-3f, 32, scale.pick(10, 10, 50), scale.pick(2, 4, 5), scale.pick(40, 300, 5000));
    }
}
