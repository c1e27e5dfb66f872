package org.thesislab.core.train;

import java.util.Map;
import org.thesislab.viz.Display;
import org.thesislab.viz.Plots;
import tech.tablesaw.api.Table;

/** Redraws loss and metric curves in place after every epoch while a notebook trains. */
public final class LiveCurves implements TrainingListener {
    private final String title;
    private final String[] lossColumns;
    private final String[] metricColumns;
    private String displayId;

    /**
     * @param lossColumns history columns drawn in the left panel (e.g. "train_loss", "val_loss")
     * @param metricColumns columns drawn in the right panel (e.g. "train_Accuracy", "val_Accuracy"); may be empty
     */
    public LiveCurves(String title, String[] lossColumns, String... metricColumns) {
        this.title = title;
        this.lossColumns = lossColumns;
        this.metricColumns = metricColumns;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> row, Table history) {
        if (!Display.inNotebook()) {
            return;
        }
        var image = draw(history);
        if (displayId == null) {
            displayId = Display.image(image);
        } else {
            Display.updateImage(displayId, image);
        }
    }

    /** The two panels for a history table (also what a notebook saves as its final figure). */
    public java.awt.image.BufferedImage draw(Table history) {
        var loss = Plots.curves(title + ": loss", "loss", history, lossColumns);
        if (metricColumns.length == 0) {
            return Plots.toImage(loss);
        }
        var metric = Plots.curves(title + ": metrics", "value", history, metricColumns);
        return Plots.row(loss, metric);
    }
}
