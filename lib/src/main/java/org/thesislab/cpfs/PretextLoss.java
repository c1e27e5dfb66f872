package org.thesislab.cpfs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;
import java.util.Locale;
import static org.thesislab.core.nn.Scalars.over;

/**
 * The self-supervised objectives of §3.2.2 and §3.3.5 as training losses. Labels: the normalised flow field
 * (B, 2, H, W) (eq. 3.8); predictions: {@link PixelEmbeddingNet}'s (head output (B, P, K), pixels (B, P)). The
 * flow is read at the same sampled pixels, and kernels are formed within each frame only.
 */
public final class PretextLoss extends Loss {
    /** CPFS-CE (eq. 3.4), CPFS-KTA (eq. 3.3), CPFS-CE-rev (eq. 3.7), and the "direct cls." baseline. */
    public enum Kind {
        CE, KTA, CE_REV, FLOW_CLASSIFICATION;

        public static Kind parse(String name) {
            String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Kind k : values()) {
                if (k.name().equals(n)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("Unknown pretext loss '" + name + "'; use one of ce, kta, ce-rev, flow-classification.");
        }

        /** Head width: the D = 16 embedding, or 2 × 16 flow bins for the baseline. */
        public int headOutputs() {
            return this == FLOW_CLASSIFICATION ? 2 * FLOW_BINS : EMBEDDING_DIM;
        }
    }

    /** D, the embedding dimension (§3.3.1). */
    public static final int EMBEDDING_DIM = 16;
    /** The baseline's 16 uniform bins on [−1, 1], separately for x and y (§3.3.5). */
    public static final int FLOW_BINS = 16;

    private final Kind kind;
    private final float sigma2;
    private final int imageWidth;

    /**
     * @param sigma2 σ² of the flow kernel in normalised-flow units (the thesis' learned value is 0.0036)
     * @param imageWidth W of the frames, to turn pixel indices into positions
     */
    public PretextLoss(Kind kind, float sigma2, int imageWidth) {
        super("cpfs_" + kind.name().toLowerCase(Locale.ROOT));
        this.kind = kind;
        this.sigma2 = sigma2;
        this.imageWidth = imageWidth;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray flowField = labels.get(0);
        NDArray head = predictions.get(0);
        NDArray pixels = predictions.get(1);
        if (flowField.getShape().dimension() != 4 || flowField.getShape().get(1) != 2) {
            throw new IllegalArgumentException("PretextLoss labels must be normalised flow (B, 2, H, W); got " + flowField.getShape());
        }
        NDArray flow = Hypercolumn.atPixels(flowField, pixels, imageWidth, 1);
        long p = head.getShape().get(1);
        return switch (kind) {
            case CE -> over(Kernels.crossEntropy(Kernels.flowKernel(flow, sigma2), Kernels.embeddingKernel(head)).mean(), p);
            case CE_REV -> over(Kernels.reversedCrossEntropy(Kernels.flowKernel(flow, sigma2), Kernels.embeddingKernel(head)).mean(), p);
            case KTA -> Kernels.alignment(Kernels.flowKernel(flow, sigma2), Kernels.embeddingKernel(head)).mean().neg();
            case FLOW_CLASSIFICATION -> flowClassification(head, flow);
        };
    }

    /** Per-pixel softmax cross-entropy over 16 bins for x plus the same for y, averaged over pixels. */
    static NDArray flowClassification(NDArray logits, NDArray flow) {
        NDArray bins = Flow.bins(flow, FLOW_BINS);
        NDArray lossX = logits.get(":, :, 0:" + FLOW_BINS).logSoftmax(-1).mul(bins.get(":, :, 0").oneHot(FLOW_BINS)).sum(new int[] {-1});
        NDArray lossY = logits.get(":, :, " + FLOW_BINS + ":").logSoftmax(-1).mul(bins.get(":, :, 1").oneHot(FLOW_BINS)).sum(new int[] {-1});
        return lossX.add(lossY).mean().neg();
    }
}
