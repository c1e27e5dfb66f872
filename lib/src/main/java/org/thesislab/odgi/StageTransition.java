package org.thesislab.odgi;

import java.util.ArrayList;
import java.util.List;

/**
 * The transition from stage s to s+1 (§3.1.2, "Stage transition"). For a predicted box with
 * confidence c and group flag g:
 * <ol>
 *   <li>c ≤ τ_low: discarded;</li>
 *   <li>c > τ_high and g = 0: a strong individual that exits the pipeline unchanged (the set 𝔅_s);</li>
 *   <li>otherwise a refinement candidate. NMS at τ_nms keeps at most γ candidates; each is enlarged by
 *   1/o_w, 1/o_h and becomes an image region that is cropped, resized and fed to the next stage.</li>
 * </ol>
 *
 * @param offsets   LEARNED (the model's o), FIXED (o = 2/3, Table 3.3) or NONE (o = 1, no rescaling)
 * @param useGroups false ignores g, as in the "no groups" ablation (every box is an individual)
 * @param nmsOnCrops false: NMS on the predicted boxes, then enlargement (the thesis' order); true: enlargement
 *                   first and NMS on the crops (the authors' code), which suppresses overlapping crops more
 */
public record StageTransition(double tauLow, double tauHigh, double tauNms, int gamma, Offsets offsets, boolean useGroups,
                              boolean nmsOnCrops) {

    public enum Offsets { LEARNED, FIXED, NONE }

    /** Fixed-offset ablation: o = 2/3, "corresponds to the value of δ we chose". */
    public static final double FIXED_OFFSET = 2.0 / 3.0;

    public StageTransition(double tauLow, double tauHigh, double tauNms, int gamma, Offsets offsets, boolean useGroups) {
        this(tauLow, tauHigh, tauNms, gamma, offsets, useGroups, false);
    }

    /** The cross-validated VEDAI 512-256 thresholds of the authors' code (τ_low 0.1, τ_high 0.8, τ_nms 0.25). */
    public static StageTransition codeDefaults(int gamma) {
        return test(0.1, 0.8, 0.25, gamma);
    }

    public StageTransition {
        if (gamma < 0) {
            throw new IllegalArgumentException("gamma (number of crops) must be >= 0, got " + gamma);
        }
        if (tauHigh < tauLow) {
            throw new IllegalArgumentException("Need tauLow <= tauHigh, got tauLow=" + tauLow + ", tauHigh=" + tauHigh);
        }
    }

    /** Training-time transition (§3.1.3): no thresholds, no NMS, no early exit, the γ most confident boxes. */
    public static StageTransition training(int gamma) {
        return new StageTransition(0, 1, 1, gamma, Offsets.LEARNED, true);
    }

    /** Test-time transition with learned offsets. */
    public static StageTransition test(double tauLow, double tauHigh, double tauNms, int gamma) {
        return new StageTransition(tauLow, tauHigh, tauNms, gamma, Offsets.LEARNED, true);
    }

    public StageTransition withGamma(int g) { return new StageTransition(tauLow, tauHigh, tauNms, g, offsets, useGroups, nmsOnCrops); }
    public StageTransition withOffsets(Offsets o) { return new StageTransition(tauLow, tauHigh, tauNms, gamma, o, useGroups, nmsOnCrops); }
    public StageTransition withGroups(boolean use) { return new StageTransition(tauLow, tauHigh, tauNms, gamma, offsets, use, nmsOnCrops); }
    public StageTransition withNmsOnCrops(boolean on) { return new StageTransition(tauLow, tauHigh, tauNms, gamma, offsets, useGroups, on); }

    /** What the transition made of one image's stage-s predictions. */
    public record Outcome(List<Detection> exits, List<CellPrediction> refined, List<Box> regions) {
    }

    public Outcome apply(List<CellPrediction> predictions) {
        List<Detection> exits = new ArrayList<>();
        List<CellPrediction> candidates = new ArrayList<>();
        for (CellPrediction p : predictions) {
            boolean group = useGroups && p.group();
            if (p.confidence() <= tauLow) {
                continue;
            }
            if (p.confidence() > tauHigh && !group) {
                exits.add(p.detection());
            } else {
                candidates.add(p);
            }
        }
        // NMS ranks by confidence; the suppressed overlap is measured on the boxes or, in the code's order, on the crops.
        List<Detection> asDetections = candidates.stream()
                .map(p -> nmsOnCrops ? new Detection(region(p), p.confidence()) : p.detection()).toList();
        List<Detection> kept = Nms.apply(asDetections, tauNms, gamma);
        List<CellPrediction> refined = new ArrayList<>(kept.size());
        for (Detection d : kept) {
            refined.add(candidates.get(indexOf(asDetections, d)));
        }
        List<Box> regions = refined.stream().map(this::region).toList();
        return new Outcome(exits, refined, regions);
    }

    /**
     * The crop for a refined box: width and height multiplied by 1/o_w, 1/o_h around the centre; made
     * square with side min(1, max(w/o_w, h/o_h)) as in the authors' code, and shifted (not clipped)
     * to lie inside the image so the crop keeps its aspect ratio.
     */
    public Box region(CellPrediction p) {
        double ow = switch (offsets) { case LEARNED -> p.ow(); case FIXED -> FIXED_OFFSET; case NONE -> 1; };
        double oh = switch (offsets) { case LEARNED -> p.oh(); case FIXED -> FIXED_OFFSET; case NONE -> 1; };
        Box b = p.box();
        double side = Math.min(1, Math.max(Math.max(b.width() / Math.max(ow, 1e-3), b.height() / Math.max(oh, 1e-3)), 1e-3));
        double x0 = Math.max(0, Math.min(1 - side, b.cx() - side / 2));
        double y0 = Math.max(0, Math.min(1 - side, b.cy() - side / 2));
        return new Box(x0, y0, x0 + side, y0 + side);
    }

    /**
     * Ground truth of a crop for training the next stage (authors' code): boxes with more than
     * {@code keepRatio} of their area inside the region, in region coordinates, clipped.
     */
    public static List<Box> truthsInRegion(List<Box> truths, Box region, double keepRatio) {
        List<Box> out = new ArrayList<>();
        for (Box b : truths) {
            if (b.area() > 0 && b.intersection(region) / b.area() > keepRatio) {
                out.add(b.toRegion(region).clip());
            }
        }
        return out;
    }

    private static int indexOf(List<Detection> list, Detection d) {
        for (int k = 0; k < list.size(); k++) {
            if (list.get(k) == d) {
                return k;
            }
        }
        throw new IllegalStateException("NMS returned a detection it was not given");
    }
}
