package org.thesislab.odgi;

import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ODGI with S = 2 stages (§3.1.2): φ1 on the whole image at R1 predicts individuals and groups; the
 * stage transition turns them into early exits and at most γ regions; each region is cropped from
 * the stage-1 input (as in the authors' code), resized to R2 and passed to φ2; φ2's boxes are mapped
 * back to image coordinates. The output is φ2's boxes plus the early exits, after NMS at 0.5.
 */
public final class OdgiDetector {
    private final GridDetector stage1;
    private final GridDetector stage2;
    private final int r1;
    private final int r2;

    public OdgiDetector(GridDetector stage1, GridDetector stage2, int r1, int r2) {
        if (stage1.headChannels() != GridDetector.INTERMEDIATE_CHANNELS || stage2.headChannels() != GridDetector.FINAL_CHANNELS) {
            throw new IllegalArgumentException("ODGI needs an intermediate stage (8 head channels) then a final stage (5), got "
                    + stage1.headChannels() + " and " + stage2.headChannels());
        }
        this.stage1 = stage1;
        this.stage2 = stage2;
        this.r1 = r1;
        this.r2 = r2;
    }

    public GridDetector stage1() { return stage1; }
    public GridDetector stage2() { return stage2; }
    public int r1() { return r1; }
    public int r2() { return r2; }
    public String name() { return "ODGI " + r1 + "-" + r2; }

    /** What happened to one image, kept for drawing (Fig. 3.7's panels) and cost counting. */
    public record ImageResult(List<CellPrediction> stage1, StageTransition.Outcome transition,
                              List<Detection> stage2, List<Detection> detections) {
        public int crops() { return transition.regions().size(); }
    }

    /** Stage-1 predictions for the images, computed in batches (reusable across transition settings). */
    public List<List<CellPrediction>> stage1(NDManager manager, AerialData data, int[] indices, int batchSize) {
        int grid = GridDetector.gridSize(r1);
        List<List<CellPrediction>> out = new ArrayList<>(indices.length);
        for (int start = 0; start < indices.length; start += batchSize) {
            int[] chunk = Arrays.copyOfRange(indices, start, Math.min(indices.length, start + batchSize));
            float[] raw = stage1.predict(manager, data.batch(chunk, r1), chunk.length, r1);
            out.addAll(CellPrediction.decode(raw, chunk.length, stage1.headChannels(), grid, grid));
        }
        return out;
    }

    /** Applies the transition and stage 2 to precomputed stage-1 predictions; all crops of a chunk run as one batch. */
    public List<ImageResult> refine(NDManager manager, AerialData data, int[] indices, List<List<CellPrediction>> stage1Preds,
                                    StageTransition transition, int batchSize) {
        List<ImageResult> out = new ArrayList<>(indices.length);
        int grid2 = GridDetector.gridSize(r2);
        for (int start = 0; start < indices.length; start += batchSize) {
            int end = Math.min(indices.length, start + batchSize);
            List<StageTransition.Outcome> outcomes = new ArrayList<>();
            List<float[]> crops = new ArrayList<>();
            for (int n = start; n < end; n++) {
                StageTransition.Outcome o = transition.apply(stage1Preds.get(n));
                outcomes.add(o);
                float[] input = data.input(indices[n], r1);
                for (Box region : o.regions()) {
                    crops.add(Resampling.cropResize(input, r1, region, r2));
                }
            }
            List<List<CellPrediction>> stage2Preds = runStage2(manager, crops, grid2);
            int c = 0;
            for (int n = start; n < end; n++) {
                StageTransition.Outcome o = outcomes.get(n - start);
                List<Detection> refined = new ArrayList<>();
                for (Box region : o.regions()) {
                    for (CellPrediction p : stage2Preds.get(c++)) {
                        refined.add(new Detection(p.box().fromRegion(region), p.confidence()));
                    }
                }
                List<Detection> all = new ArrayList<>(o.exits());
                all.addAll(refined);
                out.add(new ImageResult(stage1Preds.get(n), o, refined, SingleShotDetector.finalDetections(all)));
            }
        }
        return out;
    }

    /** The whole pipeline on the given images. */
    public List<ImageResult> detect(NDManager manager, AerialData data, int[] indices, StageTransition transition, int batchSize) {
        return refine(manager, data, indices, stage1(manager, data, indices, batchSize), transition, batchSize);
    }

    private List<List<CellPrediction>> runStage2(NDManager manager, List<float[]> crops, int grid2) {
        if (crops.isEmpty()) {
            return List.of();
        }
        int len = 3 * r2 * r2;
        float[] batch = new float[crops.size() * len];
        for (int k = 0; k < crops.size(); k++) {
            System.arraycopy(crops.get(k), 0, batch, k * len, len);
        }
        float[] raw = stage2.predict(manager, batch, crops.size(), r2);
        return CellPrediction.decode(raw, crops.size(), stage2.headChannels(), grid2, grid2);
    }

    /** Pixels processed for an image that produced {@code crops} crops: R1² + crops·R2². */
    public long pixels(int crops) {
        return (long) r1 * r1 + (long) crops * r2 * r2;
    }

    /** Counted multiply-adds for an image with {@code crops} crops. */
    public long multiplyAdds(int crops) {
        return stage1.multiplyAdds(r1) + crops * stage2.multiplyAdds(r2);
    }
}
