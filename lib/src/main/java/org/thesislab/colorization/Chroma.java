package org.thesislab.colorization;

import ai.djl.modality.cv.Image;
import ai.djl.modality.cv.util.NDImageUtils;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;
import static org.thesislab.core.nn.Scalars.over;
import static org.thesislab.core.nn.Scalars.times;

/**
 * Spatial chromatic subsampling and the normalisations the model works in (Sect. 3.2.3).
 * The chrominance is modelled on a grid {@code factor} times coarser than the luminance, on the
 * discrete range C = [-127, 128] x [-128, 127]; it is brought back by bilinear upsampling and
 * concatenated with the input luminance.
 * <p>Normalised units (PixelCNN++ convention): Ln = (L - 50) / 50, an = (a - 0.5) / 127.5,
 * bn = (b + 0.5) / 127.5, so each chroma channel has 256 levels spaced 2/255 apart in [-1, 1].
 */
public final class Chroma {
    private Chroma() {
    }

    /**
     * What the models consume: full-resolution normalised luminance (N, 1, S, S), the same at the
     * chroma resolution (N, 1, h, w), and the target chroma on its grid (N, 2, h, w).
     */
    public record Batch(NDArray luma, NDArray lumaLow, NDArray ab, int factor) {
        public long size() {
            return luma.getShape().get(0);
        }
    }

    /** Lab images (N, 3, S, S) -> the model's inputs and targets at chroma subsampling {@code factor}. */
    public static Batch prepare(NDArray lab, int factor) {
        Shape s = lab.getShape();
        if (s.dimension() != 4 || s.get(1) != 3) {
            throw new IllegalArgumentException("Chroma.prepare expects Lab images (N, 3, S, S), got " + s);
        }
        if (factor < 1 || s.get(2) % factor != 0 || s.get(3) % factor != 0) {
            throw new IllegalArgumentException("the image side " + s.get(2) + "x" + s.get(3)
                    + " must be a multiple of the chroma subsampling factor " + factor);
        }
        NDArray luma = over(lab.get(new NDIndex(":, 0:1")).sub(50), 50);
        NDArray lumaLow = down(luma, factor);
        NDArray abLow = down(lab.get(new NDIndex(":, 1:3")), factor).round();
        NDArray a = over(abLow.get(new NDIndex(":, 0:1")).clip(-127, 128).sub(0.5), 127.5);
        NDArray b = over(abLow.get(new NDIndex(":, 1:2")).clip(-128, 127).add(0.5), 127.5);
        return new Batch(luma, lumaLow, NDArrays.concat(new NDList(a, b), 1), factor);
    }

    /** Normalised (an, bn) (N, 2, h, w) -> Lab units (a, b). */
    public static NDArray toLabUnits(NDArray abNorm) {
        NDArray a = times(abNorm.get(new NDIndex(":, 0:1")), 127.5).add(0.5);
        NDArray b = times(abNorm.get(new NDIndex(":, 1:2")), 127.5).sub(0.5);
        return NDArrays.concat(new NDList(a, b), 1);
    }

    /** Snaps normalised chroma onto the 256-level grid of C. */
    public static NDArray snap(NDArray abNorm) {
        NDArray lab = toLabUnits(abNorm).round();
        NDArray a = over(lab.get(new NDIndex(":, 0:1")).clip(-127, 128).sub(0.5), 127.5);
        NDArray b = over(lab.get(new NDIndex(":, 1:2")).clip(-128, 127).add(0.5), 127.5);
        return NDArrays.concat(new NDList(a, b), 1);
    }

    /** Area average by {@code factor} (the chroma target is the downsampled Lab image). */
    public static NDArray down(NDArray x, int factor) {
        if (factor == 1) {
            return x;
        }
        Shape k = new Shape(factor, factor);
        return Pool.avgPool2d(x, k, k, new Shape(0, 0), false, true);
    }

    /** Bilinear upsampling of an NCHW map by {@code factor}. */
    public static NDArray upsample(NDArray x, int factor) {
        if (factor == 1) {
            return x;
        }
        Shape s = x.getShape();
        NDArray nhwc = x.transpose(0, 2, 3, 1);
        NDArray up = NDImageUtils.resize(nhwc, (int) s.get(3) * factor, (int) s.get(2) * factor,
                Image.Interpolation.BILINEAR);
        return up.transpose(0, 3, 1, 2);
    }

    /**
     * The final colorization (Fig. 3.12): the input luminance (normalised, full resolution) concatenated
     * with the bilinearly upsampled chroma (normalised, low resolution), as Lab (N, 3, S, S).
     */
    public static NDArray recombine(NDArray luma, NDArray abNormLow, int factor) {
        NDArray l = times(luma, 50).add(50);
        return NDArrays.concat(new NDList(l, upsample(toLabUnits(abNormLow), factor)), 1);
    }
}
