package org.thesislab.colorization;

import org.thesislab.core.ModelSummary;

/** A model's size in words, for progress titles and the notebook's model section. */
final class ModelSize {
    private ModelSize() {
    }

    static String of(ChromaModel model) {
        long n = ModelSummary.trainableParameters(model);
        return n >= 1_000_000 ? String.format("%.2fM params", n / 1e6) : String.format("%.1fk params", n / 1e3);
    }
}
