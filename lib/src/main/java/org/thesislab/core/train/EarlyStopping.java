package org.thesislab.core.train;

import java.util.Map;
import java.util.function.Supplier;
import tech.tablesaw.api.Table;

/**
 * Early stopping as one of the loop's listeners ({@link TrainingLoop.Builder#earlyStopping}): after each epoch it
 * reads one history column, keeps a snapshot of the weights of the best epoch, and asks the loop to stop after
 * {@code patience} epochs without improvement; the loop then puts the best weights back.
 */
final class EarlyStopping implements TrainingListener {
    private final String monitor;
    private final boolean maximize;
    private final int patience;
    private final Supplier<byte[]> snapshot;
    private double bestScore;
    private int bestEpoch;
    private int stale;
    private byte[] bestWeights;

    /** {@code snapshot} copies the weights being trained ({@link Checkpoint.Part#weights}). */
    EarlyStopping(String monitor, boolean maximize, int patience, Supplier<byte[]> snapshot) {
        this.monitor = monitor;
        this.maximize = maximize;
        this.patience = patience;
        this.snapshot = snapshot;
        this.bestScore = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** The state a checkpoint carried over (bestWeights null if it had none). */
    void resume(double bestScore, int bestEpoch, int stale, byte[] bestWeights) {
        this.bestScore = bestScore;
        this.bestEpoch = bestEpoch;
        this.stale = stale;
        this.bestWeights = bestWeights;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> row, Table history) {
        Double score = row.get(monitor);
        if (score == null) {
            throw new IllegalArgumentException("Early stopping monitors '" + monitor + "', which is not one of "
                    + row.keySet() + ".");
        }
        if (maximize ? score > bestScore : score < bestScore) {
            bestScore = score;
            bestEpoch = epoch;
            stale = 0;
            bestWeights = snapshot.get();
        } else {
            stale++;
        }
    }

    @Override
    public String stopBefore(int epoch) {
        return stale >= patience
                ? String.format("%s did not improve for %d epochs (best: epoch %d)", monitor, patience, bestEpoch) : null;
    }

    double bestScore() {
        return bestScore;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    int epochsWithoutImprovement() {
        return stale;
    }

    byte[] bestWeights() {
        return bestWeights;
    }
}
