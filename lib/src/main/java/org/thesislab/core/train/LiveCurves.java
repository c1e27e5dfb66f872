package org.thesislab.core.train;

import java.awt.image.BufferedImage;
import java.util.Map;
import org.thesislab.core.Run;
import org.thesislab.viz.Plots;
import tech.tablesaw.api.Table;

/**
 * Loss and metric curves redrawn in place after every epoch; the run's {@code figures/NAME.png} always holds
 * the latest drawing, so the notebook needs no separate call to save the final curves.
 */
public final class LiveCurves implements TrainingListener {
    private final String title;
    private final String[] lossColumns;
    private final String[] metricColumns;
    private final Run.LiveFigure figure;

    /**
     * @param lossColumns history columns drawn in the left panel (e.g. "train_loss", "val_loss")
     * @param metricColumns columns drawn in the right panel (e.g. "train_Accuracy", "val_Accuracy"); may be empty
     */
    public LiveCurves(Run run, String figureName, String title, String[] lossColumns, String... metricColumns) {
        this.title = title;
        this.lossColumns = lossColumns;
        this.metricColumns = metricColumns;
        this.figure = run.liveFigure(figureName);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> row, Table history) {
        figure.update(draw(history));
    }

    private BufferedImage draw(Table history) {
        var loss = Plots.curves(title + ": loss", "loss", history, lossColumns);
        if (metricColumns.length == 0) {
            return Plots.toImage(loss);
        }
        return Plots.row(loss, Plots.curves(title + ": metrics", "value", history, metricColumns));
    }
}
