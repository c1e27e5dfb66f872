package org.thesislab.cpfs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.awt.Color;
import java.awt.image.BufferedImage;
import static org.thesislab.core.nn.Scalars.atMost;
import static org.thesislab.core.nn.Scalars.over;
import static org.thesislab.core.nn.Scalars.times;

/** Optical-flow helpers: the thesis' log normalisation (eq. 3.8), quantisation for the baseline, colour coding. */
public final class Flow {
    /** Eq. 3.8 uses M = 56 px on 224² frames; 6 px suits MovingShapes' 32² frames and 3 px shifts. */
    public static final float THESIS_M = 56f;

    private Flow() {}

    /** Eq. 3.8, per component: sign(f) · min(1, log(|f| + 1) / log(M + 1)), so the result lies in [−1, 1]. */
    public static NDArray normalize(NDArray flow, float m) {
        if (!(m > 0)) {
            throw new IllegalArgumentException("The flow bound M must be positive; got " + m);
        }
        NDArray magnitude = atMost(over(flow.abs().add(1f).log(), (float) Math.log(m + 1)), 1);
        return flow.sign().mul(magnitude);
    }

    /** The "direct cls." baseline's target: normalised flow in [−1, 1] cut into {@code bins} uniform bins (int64). */
    public static NDArray bins(NDArray normalizedFlow, int bins) {
        return times(normalizedFlow.add(1f), bins / 2f).floor().clip(0, bins - 1).toType(DataType.INT64, false);
    }

    /**
     * The usual colour-wheel picture of a flow field (2, H, W): hue = direction, saturation = magnitude
     * relative to {@code maxMagnitude} (white = still).
     */
    public static BufferedImage colourWheel(NDArray flow, float maxMagnitude) {
        long[] s = flow.getShape().getShape();
        if (s.length != 3 || s[0] != 2) {
            throw new IllegalArgumentException("colourWheel takes one flow field (2, H, W); got " + flow.getShape());
        }
        int h = (int) s[1];
        int w = (int) s[2];
        float[] f = flow.toType(DataType.FLOAT32, false).toFloatArray();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                float fx = f[y * w + x];
                float fy = f[h * w + y * w + x];
                float hue = (float) ((Math.atan2(-fy, -fx) / Math.PI + 1) / 2);
                float sat = (float) Math.min(1, Math.hypot(fx, fy) / maxMagnitude);
                img.setRGB(x, y, Color.HSBtoRGB(hue, sat, 1f));
            }
        }
        return img;
    }
}
