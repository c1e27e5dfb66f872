package org.thesislab.avr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import static org.thesislab.core.nn.Scalars.atLeast;
import static org.thesislab.core.nn.Scalars.over;
import static org.thesislab.core.nn.Scalars.times;

/**
 * The training objective of the rationale classifiers: softmax cross-entropy over all |R x P| rationale
 * logits (Def. 2.2.2), plus
 * <ul>
 *   <li>for the oracles (CNN*, CNN*-c): the squared error between f_p(x) and the abstract value v_p on the
 *       universe's common scale ({@link Universe#oracleTarget}; the thesis: "train the encoder to map images
 *       to these intermediate ground-truth representations");</li>
 *   <li>for the -co models (CNN-co, RN-co): the binary cross-entropy of the pairwise domain classifiers D_pq (Ganin et al. 2016); its
 *       gradient reaches the encoder through the gradient reversal layer, hence adversarially.</li>
 * </ul>
 * Labels: (class index (B), oracle targets (B, n, P, d)). Predictions: {@link RationaleModel}'s outputs.
 */
public final class RationaleLoss extends Loss {

    private final int numClasses;
    private final float oracleWeight;

    /** @param oracleWeight weight of the value-regression term (0 for non-oracle models) */
    public RationaleLoss(Universe universe, float oracleWeight) {
        super("rationale_loss");
        this.numClasses = universe.numClasses();
        this.oracleWeight = oracleWeight;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.get(0);
        NDArray target = labels.get(0).toType(DataType.INT32, false).oneHot(numClasses);
        NDArray loss = logits.logSoftmax(1).mul(target).sum(new int[] {1}).neg().mean();
        if (oracleWeight > 0) {
            NDArray codes = predictions.get(1);
            loss = loss.add(times(codes.sub(labels.get(1)).square().mean(), oracleWeight));
        }
        if (predictions.size() > 2) {
            loss = loss.add(domainLoss(predictions.get(2)));
        }
        return loss;
    }

    /** Mean BCE of the domain logits (2M, pairs): rows 0..M-1 come from f_p (label 0), the rest from f_q (label 1). */
    public static NDArray domainLoss(NDArray domainLogits) {
        long m = domainLogits.getShape().get(0) / 2;
        NDArray z0 = domainLogits.get("0:" + m);
        NDArray z1 = domainLogits.get(m + ":");
        // BCE with logits: softplus(z) for label 0, softplus(-z) for label 1
        return over(softplus(z0).mean().add(softplus(z1.neg()).mean()), 2);
    }

    /** Fraction of correct domain decisions (0.5 = the classifiers are fooled). */
    public static double domainAccuracy(NDArray domainLogits) {
        long m = domainLogits.getShape().get(0) / 2;
        double wrong0 = domainLogits.get("0:" + m).gt(0).toType(DataType.FLOAT32, false).mean().getFloat();
        double right1 = domainLogits.get(m + ":").gt(0).toType(DataType.FLOAT32, false).mean().getFloat();
        return ((1 - wrong0) + right1) / 2;
    }

    private static NDArray softplus(NDArray z) {
        // log(1 + e^z) = max(z, 0) + log(1 + e^-|z|), stable for large |z|
        return atLeast(z, 0).add(z.abs().neg().exp().add(1).log());
    }
}
