package org.thesislab.avr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of {@link AvrExperiment#run(AvrExperiment.Config, long, org.thesislab.core.train.Checkpoints)}
 * measured on one benchmark and held-out setting: every model's {@link AvrExperiment.Outcome} and the diagnostics of a
 * perfect encoder. Tables, figures and the summary read it; nothing in it holds native memory.
 *
 * @param benchmark              the benchmark's name ({@link Benchmark.Variant#label})
 * @param split                  the held-out setting: Y_train and Y_heldout
 * @param heldOutLabels          true class of every Y_heldout test sequence (the rows of the held-out confusion)
 * @param outcomes               per model, in the order of {@code config.models()}
 * @param trueValueAccuracy      {Y_train, Y_heldout} accuracy of the consistent phi trained on the true values
 *                               ({@link AvrExperiment#trueValueAccuracy})
 * @param trueValueObliviousness obliviousness (2.4) of the true values as codes
 *                               ({@link AvrExperiment#groundTruthObliviousness})
 */
public record AvrResults(AvrExperiment.Config config, long seed, String benchmark, HeldOut split, int[] heldOutLabels,
                         Map<RationaleModel.Kind, AvrExperiment.Outcome> outcomes, double[] trueValueAccuracy,
                         double trueValueObliviousness) {

    public AvrResults {
        outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    }

    /** The outcome of model {@code kind}, which must be one of {@code config.models()}. */
    public AvrExperiment.Outcome outcome(RationaleModel.Kind kind) {
        AvrExperiment.Outcome o = outcomes.get(kind);
        if (o == null) {
            throw new IllegalArgumentException(kind.label() + " was not trained in this run: models " + config.models());
        }
        return o;
    }

    public Universe universe() {
        return split.universe();
    }
}
