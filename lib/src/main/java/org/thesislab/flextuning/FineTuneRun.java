package org.thesislab.flextuning;

import java.util.List;

/**
 * One fine-tuning run of a {@link Scheme}: its best validation accuracy a_ft (the selection signal), the
 * test accuracy of the restored best weights, the validation curve, and its {@link Cost}.
 * {@code network} is the tuned network when the caller asked to keep it (else null; the caller closes it).
 */
public record FineTuneRun(Scheme scheme, double valAccuracy, double testAccuracy, int bestStep,
                          List<double[]> valCurve, Cost cost, long trainedParameters, UnitNetwork network) {

    /** The same run without its network (for result tables). */
    public FineTuneRun withoutNetwork() {
        return new FineTuneRun(scheme, valAccuracy, testAccuracy, bestStep, valCurve, cost, trainedParameters, null);
    }
}
