package org.thesislab.colorization;

import org.thesislab.colorization.ColorizationExperiment.Scores;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one run of the chapter's experiment measured, as plain numbers: the scores of every decoding (the ground
 * truth, then each trained model's, in {@link ColorizationExperiment.Variant} order) and PIC's training speed.
 * {@link ColorizationTables} makes the tables, the summary.json numbers and the thesis comparison from it.
 *
 * @param models                  one row per decoding, in decoding order
 * @param picTrainImagesPerSecond PIC's training speed (images per second, the mean over its epochs); empty if PIC
 *                                was not trained
 */
public record ColorizationResults(ColorizationExperiment.Config config, long seed, List<Scores> models,
                                  OptionalDouble picTrainImagesPerSecond) {
    public ColorizationResults {
        models = List.copyOf(models);
    }

    /** A decoding's scores by its name ("ground truth", "PIC", "per-pixel mixture, MAP", ...). */
    public Optional<Scores> model(String name) {
        return models.stream().filter(r -> r.model().equals(name)).findFirst();
    }
}
