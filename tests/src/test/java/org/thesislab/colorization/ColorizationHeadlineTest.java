package org.thesislab.colorization;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.thesislab.core.Scale;
import tech.tablesaw.api.Table;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The chapter's headline as a small fixed-seed reproduction (about a minute on 2 cores): trained on the
 * likelihood, PIC's samples are more saturated on the ambiguous objects than the L2 regression's, and
 * differ between samples there while staying put where the colour is determined.
 */
class ColorizationHeadlineTest {
    @Test
    void picSamplesAreVividAndDiverseWhereL2AveragesToGrey() {
        ColorizationExperiment.Config q = ColorizationExperiment.Config.forScale(Scale.QUICK);
        ColorizationExperiment.Config cfg = new ColorizationExperiment.Config(Scale.QUICK, q.side(), q.factor(), 1500, 200,
                12, q.batchSize(), q.learningRate(), q.decayPerStep(), q.embeddingWidth(), q.embeddingBlocks(),
                q.decoderWidth(), q.decoderBlocks(), q.components(), q.categoricalBins(), 24, 4);
        try (ColorizationExperiment exp = new ColorizationExperiment(cfg, 0).quiet();
             NDManager m = NDManager.newBaseManager()) {
            exp.train(ColorizationExperiment.Variant.PIC);
            exp.train(ColorizationExperiment.Variant.L2);
            List<ColorizationExperiment.Decoding> d = exp.decodings(m);
            Table eval = exp.evaluate(d);
            System.out.println(eval.printAll());
            double picSat = ColorizationExperiment.value(eval, "PIC", "saturation % (ambiguous objects)");
            double l2Sat = ColorizationExperiment.value(eval, "L2 regression", "saturation % (ambiguous objects)");
            double spreadAmb = ColorizationExperiment.value(eval, "PIC", "sample spread, ambiguous (Lab)");
            double spreadDet = ColorizationExperiment.value(eval, "PIC", "sample spread, determined (Lab)");
            assertTrue(picSat > l2Sat + 10, "PIC " + picSat + "% vs L2 " + l2Sat + "% saturation on ambiguous objects");
            assertTrue(spreadAmb > 20, "PIC samples differ on ambiguous objects: spread " + spreadAmb);
            assertTrue(spreadDet < spreadAmb / 3, "and much less where colour is determined: " + spreadDet);
        }
    }
}
