package org.thesislab.cpfs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.thesislab.core.ThesisVsHere;
import org.thesislab.core.train.TrainingLoop;
import org.thesislab.cpfs.CpfsExperiment.Arm;
import org.thesislab.cpfs.CpfsExperiment.ArmScores;
import org.thesislab.cpfs.CpfsExperiment.Pretrained;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The chapter's numbers as the notebook shows them, from {@link CpfsExperiment}'s records: the summary.json map,
 * the pre-training, transfer and per-layer probe tables (Tables 3.1-3.2 in this run's numbers), the thesis' numbers
 * beside ours and the headline sentence. Kept apart from the experiment so that it only computes.
 */
public final class CpfsTables {
    private CpfsTables() {}

    /**
     * The summary.json keys: {@code ARM_figure_ground_acc} = figure/ground pixel accuracy of the hypercolumn probe,
     * {@code ARM_probe_miou} = semantic mIoU of the hypercolumn probe, {@code ARM_finetune_acc} / {@code _miou} =
     * semantic pixel accuracy / mIoU after fine-tuning (means over the labelled subsets).
     */
    public static Map<String, Double> summary(CpfsResults results) {
        Map<String, Double> out = new LinkedHashMap<>();
        TrainingLoop.Result ce = results.pretraining().get(Arm.CPFS_CE);
        if (ce != null) {
            // wall-clock: varies from run to run
            out.put("pretrain_frames_per_second", framesPerSecond(ce));
        }
        for (var e : results.scores().entrySet()) {
            ArmScores a = e.getValue();
            out.put(e.getKey().key + "_figure_ground_acc", a.figureGroundAccuracy()[0]);
            out.put(e.getKey().key + "_probe_miou", a.probeMeanIoU().get("hypercolumn")[0]);
            if (a.fineTuneAccuracy() != null) {
                out.put(e.getKey().key + "_finetune_acc", a.fineTuneAccuracy()[0]);
                out.put(e.getKey().key + "_finetune_miou", a.fineTuneMeanIoU()[0]);
            }
        }
        return out;
    }

    /** Rows: arms; columns: per-layer probe mIoU (or accuracy), mean ± std over labelled subsets. */
    public static Table probeTable(CpfsResults results, boolean meanIoU) {
        StringColumn arm = StringColumn.create("arm");
        Map<String, StringColumn> cols = new LinkedHashMap<>();
        for (String layer : Transfer.PROBED) {
            cols.put(layer, StringColumn.create(layer));
        }
        for (var e : results.scores().entrySet()) {
            arm.append(e.getKey().key);
            Map<String, double[]> m = meanIoU ? e.getValue().probeMeanIoU() : e.getValue().probeAccuracy();
            for (String layer : Transfer.PROBED) {
                double[] v = m.get(layer);
                cols.get(layer).append(pm(v));
            }
        }
        Table t = Table.create("Linear probe, test " + (meanIoU ? "mIoU" : "pixel accuracy") + " (%)", arm);
        cols.values().forEach(t::addColumns);
        return t;
    }

    /** Hypercolumn probes (figure/ground and semantic) and fine-tuning per arm: mean and std over labelled subsets. */
    public static Table transferTable(CpfsResults results) {
        StringColumn arm = StringColumn.create("arm");
        StringColumn fg = StringColumn.create("probe fig/ground acc %");
        StringColumn probeAcc = StringColumn.create("probe semantic acc %");
        StringColumn probeIoU = StringColumn.create("probe semantic mIoU %");
        StringColumn tuneAcc = StringColumn.create("fine-tune acc %");
        StringColumn tuneIoU = StringColumn.create("fine-tune mIoU %");
        for (var e : results.scores().entrySet()) {
            ArmScores a = e.getValue();
            arm.append(e.getKey().key);
            fg.append(pm(a.figureGroundAccuracy()));
            probeAcc.append(pm(a.probeAccuracy().get("hypercolumn")));
            probeIoU.append(pm(a.probeMeanIoU().get("hypercolumn")));
            tuneAcc.append(pm(a.fineTuneAccuracy()));
            tuneIoU.append(pm(a.fineTuneMeanIoU()));
        }
        return Table.create("Transfer to MovingShapes segmentation (hypercolumn features)", arm, fg, probeAcc, probeIoU, tuneAcc, tuneIoU);
    }

    private static String pm(double[] meanStd) {
        return meanStd == null ? "–" : String.format("%.1f ± %.1f", 100 * meanStd[0], 100 * meanStd[1]);
    }

    /** Training frames per second of a pre-training, over its epochs. */
    private static double framesPerSecond(TrainingLoop.Result pretraining) {
        return pretraining.history().doubleColumn("examples_per_second").mean();
    }

    /** Per arm: epochs run, best epoch, best validation loss, frames per second. */
    public static Table pretrainingTable(Map<Arm, Pretrained> nets) {
        StringColumn arm = StringColumn.create("arm");
        DoubleColumn epochs = DoubleColumn.create("epochs run");
        DoubleColumn best = DoubleColumn.create("best epoch");
        DoubleColumn loss = DoubleColumn.create("best val loss");
        DoubleColumn fps = DoubleColumn.create("frames/s");
        for (var e : nets.entrySet()) {
            TrainingLoop.Result r = e.getValue().result();
            arm.append(e.getKey().key);
            epochs.append(r == null ? 0 : r.epochsRun());
            best.append(r == null ? Double.NaN : r.bestEpoch());
            loss.append(r == null ? Double.NaN : r.bestScore());
            fps.append(r == null ? Double.NaN : framesPerSecond(r));
        }
        return Table.create("Pre-training", arm, epochs, best, loss, fps);
    }

    /** The thesis' PASCAL numbers for CPFS-CE, random and direct classification beside our probe and fine-tuning scores. */
    public static ThesisVsHere thesisVsHere(CpfsResults results) {
        CpfsExperiment.Config s = results.config();
        Map<Arm, ArmScores> scores = results.scores();
        String here = String.format("MovingShapes %dx%d segmentation, %,d pre-training frames, mIoU %%", s.size(), s.size(),
                s.pretrainFrames());
        var t = new ThesisVsHere("CPFS: thesis (PASCAL VOC, AlexNet) vs here");
        double[][] thesis = {{41.4, 19.8, 38.8}, {29.1, 14.1, 24.8}};
        Arm[] arms = {Arm.CPFS_CE, Arm.RANDOM, Arm.FLOW_CLS};
        for (int i = 0; i < arms.length; i++) {
            ArmScores a = scores.get(arms[i]);
            if (a == null) {
                continue;
            }
            double tuned = a.fineTuneMeanIoU() == null ? Double.NaN : 100 * a.fineTuneMeanIoU()[0];
            t.row(arms[i].key + ": segmentation after fine-tuning", thesis[0][i], "VOC12 seg. mIoU, Table 3.1", tuned, here + ", fine-tuned");
            t.row(arms[i].key + ": linear probe, conv5", thesis[1][i], "ILSVRC12 top-1, Table 3.2", 100 * a.probeMeanIoU().get("conv5")[0],
                    here + ", conv5 probe");
            t.row(arms[i].key + ": linear probe, hypercolumn", Double.NaN, "not reported", 100 * a.probeMeanIoU().get("hypercolumn")[0],
                    here + ", hypercolumn probe");
        }
        ArmScores sh = scores.get(Arm.SHUFFLED);
        if (sh != null) {
            t.row("shuffled-flow control: linear probe, hypercolumn", Double.NaN, "not in the thesis", 100 * sh.probeMeanIoU().get("hypercolumn")[0],
                    here + ", hypercolumn probe");
        }
        ArmScores ce = scores.get(Arm.CPFS_CE);
        if (ce != null) {
            t.row("cpfs_ce: VOC07 classification mAP (no analogue here)", 64.2, "Table 3.1", Double.NaN, "not measured");
            t.row("cpfs_ce: VOC07 detection mAP (no analogue here)", 50.8, "Table 3.1", Double.NaN, "not measured");
        }
        return t;
    }

    /**
     * The headline in words, from this run's numbers: CPFS-CE against random init, the shuffled-flow control and
     * flow classification on the semantic hypercolumn probe (mIoU), with the spread over labelled subsets.
     */
    public static String headline(CpfsResults results) {
        Map<Arm, ArmScores> scores = results.scores();
        ArmScores ce = scores.get(Arm.CPFS_CE);
        if (ce == null) {
            return "CPFS-CE was not among the arms: no headline.";
        }
        double[] c = ce.probeMeanIoU().get("hypercolumn");
        StringBuilder out = new StringBuilder(String.format("CPFS-CE hypercolumn probe mIoU %.1f ± %.1f%%.", 100 * c[0], 100 * c[1]));
        for (Arm other : List.of(Arm.RANDOM, Arm.SHUFFLED, Arm.FLOW_CLS, Arm.CPFS_KTA)) {
            ArmScores a = scores.get(other);
            if (a == null) {
                continue;
            }
            double[] o = a.probeMeanIoU().get("hypercolumn");
            double gap = c[0] - o[0];
            String verdict = gap > Math.max(c[1], o[1]) ? "better, by more than the spread" : gap > 0 ? "better, within the spread" : "not better";
            out.append(String.format("%n  vs %s %.1f ± %.1f%%: %+.1f points, %s.", other.key, 100 * o[0], 100 * o[1], 100 * gap, verdict));
        }
        return out.toString();
    }
}
