package org.thesislab.odgi;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.loss.Loss;

import java.util.List;
import static org.thesislab.core.nn.Scalars.atLeast;
import static org.thesislab.core.nn.Scalars.atMost;
import static org.thesislab.core.nn.Scalars.over;
import static org.thesislab.core.nn.Scalars.times;

/**
 * L_ODGI = L_groups + L_coords + L_offsets  (3.1), computed on a whole batch in tensor ops.
 *
 * <p>Predictions are the raw head output [B, C, I, J]. Labels come from {@link #targets}: for every
 * cell K "slots" of target boxes with a mask. Intermediate stages use one slot, the group target
 * B*_ij of (3.3), plus the flag g*_ij (3.4). The last stage and the baselines use the authors'
 * "standard" form: every box assigned to a cell is a slot, and the cell's predictor is regressed to
 * each of them (averaged).
 *
 * <p>Implementation choices from the authors' TensorFlow code (github.com/ameroyer/ODGI), which the thesis
 * does not state: centres are regressed in grid
 * units, sizes in log space; each sum of (3.5), (3.6), (3.8) is divided by the number of cells it runs
 * over; the confidence target IoU (3.7) and the offset targets (3.9) are constants (no gradient).
 */
public final class OdgiLoss extends Loss {

    /**
     * @param omegaC    ω_c in (3.6), 5 in the thesis
     * @param omegaNoObj ω_no-obj in (3.6), 1 in the thesis
     * @param delta     δ, the margin of the offset targets (3.9) in image units
     * @param groups    train the group flag (L_groups); false for the last stage, baselines and the "no groups" ablation
     * @param offsets   train the offsets (L_offsets); false for the last stage and baselines
     */
    public record Settings(double omegaC, double omegaNoObj, double delta, boolean groups, boolean offsets) {
        public static Settings intermediateStage() { return new Settings(5, 1, 0.025, true, true); }
        public static Settings finalStage() { return new Settings(5, 1, 0.025, false, false); }
        public Settings withoutGroups() { return new Settings(omegaC, omegaNoObj, delta, false, offsets); }
    }

    /** Each term, batch-averaged, for logging and tests. */
    public record Terms(NDArray groups, NDArray centre, NDArray size, NDArray confidence, NDArray noObject, NDArray offsets) {
        public NDArray coords() { return centre.add(size).add(confidence).add(noObject); }
        public NDArray total() { return groups.add(coords()).add(offsets); }
    }

    private final Settings settings;

    public OdgiLoss(Settings settings) {
        super("odgi");
        this.settings = settings;
    }

    public Settings settings() { return settings; }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        return terms(labels, predictions.singletonOrThrow()).total();
    }

    /**
     * Packs targets for a batch: labels[0] = [B, 5, K, I, J] (slot mask, x0, y0, x1, y1),
     * labels[1] = [B, I, J] group flags g*. With {@code groups} each cell has one slot holding B*_ij;
     * otherwise the cell's assigned boxes fill up to K slots.
     */
    public static NDList targets(NDManager manager, List<GroupTargets> batch, boolean groups, int slots) {
        int b = batch.size();
        int rows = batch.get(0).rows(), cols = batch.get(0).cols();
        int k = groups ? 1 : slots;
        int plane = k * rows * cols;
        float[] t = new float[b * 5 * plane];
        float[] flags = new float[b * rows * cols];
        for (int n = 0; n < b; n++) {
            GroupTargets g = batch.get(n);
            if (g.rows() != rows || g.cols() != cols) {
                throw new IllegalArgumentException("All targets of a batch need the same grid, got " + rows + "x" + cols
                        + " and " + g.rows() + "x" + g.cols());
            }
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    List<Box> boxes = groups ? (g.nonEmpty(i, j) ? List.of(g.target(i, j)) : List.of()) : g.assigned(i, j);
                    flags[(n * rows + i) * cols + j] = g.isGroup(i, j) ? 1 : 0;
                    for (int s = 0; s < k; s++) {
                        int cell = (s * rows + i) * cols + j;
                        int base = n * 5 * plane + cell;
                        // Empty slots get a dummy unit box so that log-sizes stay finite under the mask.
                        Box box = s < boxes.size() ? boxes.get(s) : new Box(0, 0, 1, 1);
                        t[base] = s < boxes.size() ? 1 : 0;
                        t[base + plane] = (float) box.x0();
                        t[base + 2 * plane] = (float) box.y0();
                        t[base + 3 * plane] = (float) box.x1();
                        t[base + 4 * plane] = (float) box.y1();
                    }
                }
            }
        }
        return new NDList(manager.create(t, new Shape(b, 5, k, rows, cols)), manager.create(flags, new Shape(b, rows, cols)));
    }

    /** The loss terms for raw predictions [B, C, I, J] and labels from {@link #targets}. */
    public Terms terms(NDList labels, NDArray pred) {
        NDManager m = pred.getManager();
        Shape ps = pred.getShape();
        int rows = (int) ps.get(2), cols = (int) ps.get(3);
        NDArray t = labels.get(0);
        if (t.getShape().get(0) != ps.get(0) || t.getShape().get(3) != rows || t.getShape().get(4) != cols) {
            throw new IllegalArgumentException("Targets " + t.getShape() + " do not match predictions " + ps
                    + ": build them with OdgiLoss.targets(...) on the " + rows + "x" + cols + " grid of this input size");
        }
        if ((settings.groups || settings.offsets) && ps.get(1) != GridDetector.INTERMEDIATE_CHANNELS) {
            throw new IllegalArgumentException("Group/offset losses need an intermediate-stage head with "
                    + GridDetector.INTERMEDIATE_CHANNELS + " channels, got " + ps.get(1));
        }
        NDList p = pred.split(ps.get(1), 1);                 // each [B, 1, I, J], broadcasts over slots
        NDList tt = t.split(5, 1);                           // each [B, 1, K, I, J]
        NDArray slot = tt.get(0).squeeze(1);                 // [B, K, I, J]
        NDArray tx0 = tt.get(1).squeeze(1), ty0 = tt.get(2).squeeze(1), tx1 = tt.get(3).squeeze(1), ty1 = tt.get(4).squeeze(1);

        NDArray jj = m.arange(cols).toType(pred.getDataType(), false).reshape(1, 1, 1, cols);
        NDArray ii = m.arange(rows).toType(pred.getDataType(), false).reshape(1, 1, rows, 1);
        // Decoding (code): centre = sigmoid(t_xy) + cell index, size = exp(t_wh), in grid units.
        NDArray cx = Activation.sigmoid(p.get(0)).add(jj);
        NDArray cy = Activation.sigmoid(p.get(1)).add(ii);
        NDArray tw = p.get(2), th = p.get(3);
        NDArray conf = Activation.sigmoid(p.get(4));

        // Per-cell weights: a cell's slots are averaged, then cells are averaged (sum / #non-empty cells).
        NDArray count = slot.sum(new int[]{1}, true);                      // [B, 1, I, J]
        NDArray nonEmpty = count.gt(0).toType(pred.getDataType(), false);  // E_ij
        NDArray w = slot.div(atLeast(count, 1));
        NDArray nCells = atLeast(nonEmpty.sum(), 1);

        // L_coords (3.6): |B - B*|^2 as centre (grid units) and log-size terms, plus ω_c |c - c*|^2.
        NDArray tcx = times(tx0.add(tx1), cols / 2f), tcy = times(ty0.add(ty1), rows / 2f);
        NDArray centre = cx.sub(tcx).square().add(cy.sub(tcy).square());
        NDArray logTw = times(tx1.sub(tx0), cols).log(), logTh = times(ty1.sub(ty0), rows).log();
        NDArray size = tw.sub(logTw).square().add(th.sub(logTh).square());

        NDArray pw = tw.exp(), ph = th.exp();
        NDArray px0 = clip01(over(cx.sub(over(pw, 2)), cols)), px1 = clip01(over(cx.add(over(pw, 2)), cols));
        NDArray py0 = clip01(over(cy.sub(over(ph, 2)), rows)), py1 = clip01(over(cy.add(over(ph, 2)), rows));
        NDArray iou = iou(px0, py0, px1, py1, tx0, ty0, tx1, ty1).stopGradient();   // c* (3.7)
        NDArray confTerm = conf.sub(iou).square();
        NDArray noObj = conf.square().mul(nonEmpty.neg().add(1)).sum().div(atLeast(nonEmpty.neg().add(1).sum(), 1));

        NDArray centreL = centre.mul(w).sum().div(nCells);
        NDArray sizeL = size.mul(w).sum().div(nCells);
        NDArray confL = times(confTerm.mul(w).sum().div(nCells), (float) settings.omegaC);
        NDArray noObjL = times(noObj, (float) settings.omegaNoObj);

        NDArray groupsL = m.zeros(new Shape());
        if (settings.groups) {
            // L_groups (3.5): binary cross-entropy on the logit, over non-empty cells.
            NDArray logit = p.get(5).squeeze(1);
            NDArray g = labels.get(1);
            NDArray bce = Activation.softPlus(logit).sub(logit.mul(g));
            groupsL = bce.mul(nonEmpty.squeeze(1)).sum().div(nCells);
        }
        NDArray offsetsL = m.zeros(new Shape());
        if (settings.offsets) {
            // L_offsets (3.8) with targets (3.9), read as min(1, .): (3.9) prints max(1, .), but o <= 1 is needed
            // for the rescaling by 1/o to enlarge the box (§3.1.2, Fig. 3.2), and the authors' code uses min.
            NDArray ow = Activation.sigmoid(p.get(6)), oh = Activation.sigmoid(p.get(7));
            NDArray owStar = offsetTarget(over(cx, cols), over(pw, 2 * cols), tx0, tx1).stopGradient();
            NDArray ohStar = offsetTarget(over(cy, rows), over(ph, 2 * rows), ty0, ty1).stopGradient();
            offsetsL = ow.sub(owStar).square().add(oh.sub(ohStar).square()).mul(w).sum().div(nCells);
        }
        return new Terms(groupsL, centreL, sizeL, confL, noObjL, offsetsL);
    }

    /**
     * (3.9): o* = min(1, h(B) / h_scaled) with h_scaled = max(|a(B*) + h(B*) + δ - a(B)|, |a(B*) - h(B*) - δ - a(B)|),
     * written with the target's edges: a(B*) ± h(B*) = lo / hi.
     */
    private NDArray offsetTarget(NDArray centre, NDArray half, NDArray lo, NDArray hi) {
        float d = (float) settings.delta;
        NDArray scaled = hi.add(d).sub(centre).abs().maximum(lo.sub(d).sub(centre).abs());
        return atMost(half.div(atLeast(scaled, 1e-6f)), 1);
    }

    /** Scalar form of (3.9) for one axis, for tests and the stage transition's documentation. */
    public static double offsetTarget(double centre, double half, double lo, double hi, double delta) {
        double scaled = Math.max(Math.abs(hi + delta - centre), Math.abs(lo - delta - centre));
        return Math.min(1, half / scaled);
    }

    private static NDArray clip01(NDArray a) {
        return a.clip(0f, 1f);
    }

    private static NDArray iou(NDArray ax0, NDArray ay0, NDArray ax1, NDArray ay1,
                               NDArray bx0, NDArray by0, NDArray bx1, NDArray by1) {
        NDArray iw = atLeast(ax1.minimum(bx1).sub(ax0.maximum(bx0)), 0);
        NDArray ih = atLeast(ay1.minimum(by1).sub(ay0.maximum(by0)), 0);
        NDArray inter = iw.mul(ih);
        NDArray union = ax1.sub(ax0).mul(ay1.sub(ay0)).add(bx1.sub(bx0).mul(by1.sub(by0))).sub(inter);
        return inter.div(atLeast(union, 1e-9f));
    }
}
