package org.thesislab.colorization;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.thesislab.core.Scale;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every code path of the experiment at 'smoke' sizes: training, decoding, evaluation, figures. */
class ColorizationExperimentSmokeTest {
    @Test
    void runsEndToEndAtSmokeScale() {
        ColorizationExperiment.Config cfg = ColorizationExperiment.Config.forScale(Scale.SMOKE);
        try (ColorizationExperiment exp = new ColorizationExperiment(cfg, 1).quiet();
             NDManager m = NDManager.newBaseManager()) {
            for (ColorizationExperiment.Variant v : ColorizationExperiment.Variant.values()) {
                long t0 = System.nanoTime();
                ColorizationExperiment.Trained t = exp.train(v);
                System.out.printf("%s trained in %.1fs%n", v, (System.nanoTime() - t0) / 1e9);
                assertTrue(Double.isFinite(t.result().last("val_loss")), v + " trained to a finite loss");
            }
            long t1 = System.nanoTime();
            List<ColorizationExperiment.Decoding> d = exp.decodings(m);
            System.out.printf("decodings in %.1fs%n", (System.nanoTime() - t1) / 1e9);
            ColorizationExperiment.Evaluation eval = exp.evaluate(d);
            Table table = ColorizationTables.evaluation(eval);
            System.out.println(table.printAll());
            assertEquals(d.size(), table.rowCount());
            double gtSat = eval.model("ground truth").orElseThrow().saturation();
            assertTrue(gtSat > 10 && gtSat < 100, "ground-truth saturation " + gtSat);
            assertEquals(gtSat, ColorizationTables.summary(eval).get("ground_truth_saturation"));
            BufferedImage grid = ColorizationFigures.sampleGrid(exp, d, 2);
            assertTrue(grid.getWidth() > 100 && grid.getHeight() > 50);
            ColorizationExperiment.SamplingCost cost = exp.samplingCost(ColorizationExperiment.Variant.PIC, new int[] {4, 8}, 2);
            assertEquals(2, ColorizationTables.samplingCost(cost).rowCount());
            ColorizationTables.thesisVsHere(eval, cfg).table();
        }
    }
}
