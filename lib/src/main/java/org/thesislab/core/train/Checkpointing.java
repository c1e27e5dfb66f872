package org.thesislab.core.train;

import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * Checkpoints as one of the loop's listeners ({@link TrainingLoop.Builder#checkpoints}): after every epoch
 * {@code last.ckpt} (weights, optimizer state, history and early stopping's state), and {@code best.ckpt} in an epoch
 * that early stopping found best; {@link #resume} continues from {@code last.ckpt}. It runs after {@link EarlyStopping},
 * whose state it saves.
 */
final class Checkpointing implements TrainingListener {
    private final Path dir;
    private final List<Checkpoint.Part> parts;
    private final EarlyStopping stopping;
    private final List<Map<String, Double>> history;

    /**
     * {@code parts}: the loop's model first, then what a batch hook trains; {@code stopping} may be null;
     * {@code history} is the loop's, which this fills on resume.
     */
    Checkpointing(Path dir, List<Checkpoint.Part> parts, EarlyStopping stopping, List<Map<String, Double>> history) {
        this.dir = dir;
        this.parts = List.copyOf(parts);
        this.stopping = stopping;
        this.history = history;
    }

    Path last() {
        return dir.resolve("last.ckpt");
    }

    /**
     * Loads {@code last.ckpt} if there is one: weights, optimizer state, history, and early stopping's state with the
     * best epoch's weights from {@code best.ckpt}. Returns the epoch it completed, 0 if there was none.
     */
    int resume(NDManager manager) {
        if (!Files.isRegularFile(last())) {
            return 0;
        }
        Checkpoint.State p = Checkpoint.load(last(), parts, manager);
        history.addAll(p.history());
        if (stopping != null) {
            Path best = dir.resolve("best.ckpt");
            stopping.resume(p.bestScore(), p.bestEpoch(), p.epochsWithoutImprovement(),
                    p.bestEpoch() > 0 && Files.isRegularFile(best) ? Checkpoint.weightBytes(best) : null);
        }
        return p.epoch();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> row, Table table) {
        double bestScore = stopping == null ? Double.NEGATIVE_INFINITY : stopping.bestScore();
        int bestEpoch = stopping == null ? 0 : stopping.bestEpoch();
        if (stopping != null && bestEpoch == epoch) {
            Checkpoint.save(dir.resolve("best.ckpt"), parts, new Checkpoint.State(epoch, bestScore, bestEpoch, 0, history));
        }
        Checkpoint.save(last(), parts, new Checkpoint.State(epoch, bestScore, bestEpoch,
                stopping == null ? 0 : stopping.epochsWithoutImprovement(), history));
    }
}
