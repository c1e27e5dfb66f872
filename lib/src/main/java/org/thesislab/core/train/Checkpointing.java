package org.thesislab.core.train;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
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
    private final Block block;
    private final Optimizer optimizer;
    private final List<Parameter> parameters;
    private final EarlyStopping stopping;
    private final List<Map<String, Double>> history;

    /** {@code stopping} may be null; {@code history} is the loop's, which this fills on resume. */
    Checkpointing(Path dir, Block block, Optimizer optimizer, List<Parameter> parameters, EarlyStopping stopping,
            List<Map<String, Double>> history) {
        this.dir = dir;
        this.block = block;
        this.optimizer = optimizer;
        this.parameters = List.copyOf(parameters);
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
        Checkpoint.State p = Checkpoint.load(last(), block, optimizer, parameters, manager);
        history.addAll(p.history());
        if (stopping != null) {
            Path best = dir.resolve("best.ckpt");
            stopping.resume(p.bestScore(), p.bestEpoch(), p.epochsWithoutImprovement(),
                    p.bestEpoch() > 0 && Files.isRegularFile(best) ? Checkpoint.parameterBytes(best) : null);
        }
        return p.epoch();
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> row, Table table) {
        double bestScore = stopping == null ? Double.NEGATIVE_INFINITY : stopping.bestScore();
        int bestEpoch = stopping == null ? 0 : stopping.bestEpoch();
        if (stopping != null && bestEpoch == epoch) {
            Checkpoint.save(dir.resolve("best.ckpt"), block, optimizer, parameters,
                    new Checkpoint.State(epoch, bestScore, bestEpoch, 0, history));
        }
        Checkpoint.save(last(), block, optimizer, parameters, new Checkpoint.State(epoch, bestScore, bestEpoch,
                stopping == null ? 0 : stopping.epochsWithoutImprovement(), history));
    }
}
