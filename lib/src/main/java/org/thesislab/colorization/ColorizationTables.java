package org.thesislab.colorization;

import org.thesislab.colorization.ColorizationExperiment.CostPoint;
import org.thesislab.colorization.ColorizationExperiment.Scores;
import org.thesislab.colorization.ColorizationExperiment.Variant;
import org.thesislab.core.ThesisVsHere;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The chapter's tables in Tablesaw form (model sizes, the evaluation, the sampling cost), its summary.json
 * numbers and the thesis' numbers beside ours, all from {@link ColorizationExperiment}'s records and
 * {@link ColorizationResults}.
 */
public final class ColorizationTables {
    private ColorizationTables() {
    }

    /** Parameter counts of every variant, titled with the run's configuration. */
    public static Table modelSizes(Map<Variant, Long> parameterCounts, ColorizationExperiment.Config config) {
        StringColumn name = StringColumn.create("model");
        IntColumn params = IntColumn.create("parameters");
        parameterCounts.forEach((v, count) -> {
            name.append(v.label);
            params.append((int) (long) count);
        });
        return Table.create("model sizes (" + config.describe() + ")", name, params);
    }

    /** The evaluation table: likelihood, saturation, diversity, coherence and sampling time per model. */
    public static Table evaluation(ColorizationResults results) {
        List<Scores> rows = results.models();
        return Table.create("colorization on held-out scenes",
                StringColumn.create("model", rows.stream().map(Scores::model)),
                column("test bits/dim", rows, Scores::bitsPerDim),
                column("test bits/dim, ambiguous objects", rows, Scores::ambiguousBitsPerDim),
                column("saturation %", rows, Scores::saturation),
                column("saturation % (ambiguous objects)", rows, Scores::ambiguousSaturation),
                column("sample spread, ambiguous (Lab)", rows, Scores::ambiguousSpread),
                column("sample spread, determined (Lab)", rows, Scores::determinedSpread),
                column("object coherence", rows, Scores::coherence),
                column("objects with >1 colour over samples", rows, Scores::diverseShare),
                column("ms / image", rows, Scores::msPerImage));
    }

    /** The gating ablation (PixelCNN++'s gated residual blocks vs plain ones): PIC with and without the gate. */
    public static Table gating(ColorizationResults results) {
        List<Scores> rows = results.models().stream()
                .filter(r -> r.model().equals(Variant.PIC.label) || r.model().equals(Variant.PIC_NO_GATE.label)).toList();
        return Table.create("gating ablation",
                StringColumn.create("model", rows.stream().map(Scores::model)),
                column("test bits/dim", rows, Scores::bitsPerDim),
                column("test bits/dim, ambiguous objects", rows, Scores::ambiguousBitsPerDim),
                column("saturation %", rows, Scores::saturation),
                column("object coherence", rows, Scores::coherence));
    }

    private static DoubleColumn column(String name, List<Scores> rows, ToDoubleFunction<Scores> measure) {
        return DoubleColumn.create(name, rows.stream().mapToDouble(measure).toArray());
    }

    /** Sampling time per image against the chroma grid size, one image at a time and batched. */
    public static Table samplingCost(ColorizationExperiment.SamplingCost cost) {
        IntColumn side = IntColumn.create("chroma side");
        IntColumn calls = IntColumn.create("f_theta passes");
        DoubleColumn one = DoubleColumn.create(msPerImage(1));
        DoubleColumn many = DoubleColumn.create(msPerImage(cost.batch()));
        for (CostPoint p : cost.points()) {
            side.append(p.chromaSide());
            calls.append(p.passes());
            one.append(p.msOneImage());
            many.append(p.msPerImageBatched());
        }
        return Table.create("sampling cost of " + cost.variant().label, side, calls, one, many);
    }

    /** The name of a sampling-time column, also the legend of its line in {@link ColorizationFigures#samplingCost}. */
    static String msPerImage(int batch) {
        return "ms / image (batch " + batch + ")";
    }

    /**
     * The chapter's summary.json numbers: bits/dim, saturation, diversity, coherence and sampling time of PIC against
     * the per-pixel mixture (random samples and MAP), the ungated PIC, the L2 regression and the ground truth (NaN for
     * a model not evaluated), and PIC's training speed when PIC was trained.
     */
    public static Map<String, Double> summary(ColorizationResults results) {
        String pic = Variant.PIC.label;
        String perPixel = Variant.PER_PIXEL.label + ", random samples";
        Map<String, Double> h = new LinkedHashMap<>();
        h.put("pixelcnn_nll_bpd", measure(results, pic, Scores::bitsPerDim));
        h.put("perpixel_nll_bpd", measure(results, perPixel, Scores::bitsPerDim));
        h.put("pixelcnn_nogate_nll_bpd", measure(results, Variant.PIC_NO_GATE.label, Scores::bitsPerDim));
        h.put("pixelcnn_ambiguous_nll_bpd", measure(results, pic, Scores::ambiguousBitsPerDim));
        h.put("perpixel_ambiguous_nll_bpd", measure(results, perPixel, Scores::ambiguousBitsPerDim));
        h.put("pixelcnn_saturation", measure(results, pic, Scores::saturation));
        h.put("l2_saturation", measure(results, Variant.L2.label, Scores::saturation));
        h.put("perpixel_map_saturation", measure(results, Variant.PER_PIXEL.label + ", MAP", Scores::saturation));
        h.put("ground_truth_saturation", measure(results, "ground truth", Scores::saturation));
        h.put("pixelcnn_ambiguous_saturation", measure(results, pic, Scores::ambiguousSaturation));
        h.put("l2_ambiguous_saturation", measure(results, Variant.L2.label, Scores::ambiguousSaturation));
        h.put("pixelcnn_sample_diversity", measure(results, pic, Scores::ambiguousSpread));
        h.put("pixelcnn_object_coherence", measure(results, pic, Scores::coherence));
        h.put("perpixel_object_coherence", measure(results, perPixel, Scores::coherence));
        h.put("sample_ms_per_image", measure(results, pic, Scores::msPerImage));
        results.picTrainImagesPerSecond().ifPresent(v -> h.put("train_images_per_second", v));
        return h;
    }

    /** The thesis' numbers beside ours; "here" describes the run's configuration. */
    public static ThesisVsHere thesisVsHere(ColorizationResults results) {
        String here = results.config().describe();
        String perPixel = Variant.PER_PIXEL.label + ", random samples";
        return new ThesisVsHere("Thesis vs here")
                .row("NLL bits/dim, PIC", 2.72, "CIFAR-10 test, chroma 16x16", measure(results, Variant.PIC.label, Scores::bitsPerDim), here)
                .row("NLL bits/dim, PIC without gating", 2.78, "CIFAR-10 (ablation)", measure(results, Variant.PIC_NO_GATE.label, Scores::bitsPerDim), here)
                .row("NLL bits/dim, per-pixel (e_phi only)", Double.NaN, "not reported", measure(results, perPixel, Scores::bitsPerDim), here)
                .row("saturation %, PIC samples", 36.4, "ILSVRC val, 1000 samples", measure(results, Variant.PIC.label, Scores::saturation), here)
                .row("saturation %, e_phi MAP", 32.7, "ILSVRC val, fine-tuned e_phi", measure(results, Variant.PER_PIXEL.label + ", MAP", Scores::saturation), here)
                .row("saturation %, L2 regression", Double.NaN, "not reported", measure(results, Variant.L2.label, Scores::saturation), here)
                .row("saturation %, ground truth", Double.NaN, "not reported", measure(results, "ground truth", Scores::saturation), here);
    }

    /** One measure of a decoding by its name; NaN if that decoding was not evaluated. */
    private static double measure(ColorizationResults results, String model, ToDoubleFunction<Scores> field) {
        return results.model(model).map(field::applyAsDouble).orElse(Double.NaN);
    }
}
