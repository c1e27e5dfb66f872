package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import static org.thesislab.core.nn.Scalars.atLeast;
import static org.thesislab.core.nn.Scalars.over;
import static org.thesislab.core.nn.Scalars.power;
import static org.thesislab.core.nn.Scalars.times;

/**
 * sRGB (D65) <-> CIE L*a*b*, vectorised on NCHW tensors (channel axis 1). The thesis models images in
 * LAB: luminance L in [0, 100] is the grayscale input, the chrominance (a, b) is what is predicted.
 * Formulas: IEC 61966-2-1 sRGB transfer curve, the sRGB/D65 matrix, CIE 1976 L*a*b* with white point
 * (0.95047, 1, 1.08883) (the one skimage.rgb2lab uses, as the thesis' code did).
 */
public final class Lab {
    private Lab() {
    }

    /** D65 reference white (X, Y, Z). */
    public static final double XN = 0.95047;
    public static final double YN = 1.0;
    public static final double ZN = 1.08883;

    private static final double[][] RGB_TO_XYZ = {
            {0.4124564, 0.3575761, 0.1804375},
            {0.2126729, 0.7151522, 0.0721750},
            {0.0193339, 0.1191920, 0.9503041}};
    private static final double[][] XYZ_TO_RGB = {
            {3.2404542, -1.5371385, -0.4985314},
            {-0.9692660, 1.8760108, 0.0415560},
            {0.0556434, -0.2040259, 1.0572252}};
    private static final double DELTA = 6.0 / 29.0;

    /** sRGB in [0, 1], shape (N, 3, H, W) -> Lab (N, 3, H, W) with L in [0, 100]. */
    public static NDArray fromSrgb(NDArray rgb) {
        requireThreeChannels(rgb, "Lab.fromSrgb");
        NDArray lin = NDArrays.where(rgb.lte(0.04045), over(rgb, 12.92),
                power(over(atLeast(rgb, 0).add(0.055), 1.055), 2.4));
        NDArray[] xyz = mix(RGB_TO_XYZ, lin);
        NDArray fx = f(over(xyz[0], XN));
        NDArray fy = f(over(xyz[1], YN));
        NDArray fz = f(over(xyz[2], ZN));
        NDArray l = times(fy, 116).sub(16);
        NDArray a = times(fx.sub(fy), 500);
        NDArray b = times(fy.sub(fz), 200);
        return NDArrays.concat(new NDList(l, a, b), 1);
    }

    /** Lab (N, 3, H, W) -> sRGB (N, 3, H, W), clipped to [0, 1] (the gamut clip used for display). */
    public static NDArray toSrgb(NDArray lab) {
        requireThreeChannels(lab, "Lab.toSrgb");
        NDArray fy = over(lab.get(new NDIndex(":, 0:1")).add(16), 116);
        NDArray fx = fy.add(over(lab.get(new NDIndex(":, 1:2")), 500));
        NDArray fz = fy.sub(over(lab.get(new NDIndex(":, 2:3")), 200));
        NDArray xyz = NDArrays.concat(new NDList(times(finv(fx), XN), times(finv(fy), YN), times(finv(fz), ZN)), 1);
        NDArray lin = NDArrays.concat(new NDList(mix(XYZ_TO_RGB, xyz)), 1);
        NDArray srgb = NDArrays.where(lin.lte(0.0031308), times(lin, 12.92),
                times(power(atLeast(lin, 0.0031308), 1 / 2.4), 1.055).sub(0.055));
        return srgb.clip(0, 1);
    }

    /** Projects Lab values into the sRGB gamut (Lab -> clipped sRGB -> Lab). */
    public static NDArray gamutClip(NDArray lab) {
        return fromSrgb(toSrgb(lab));
    }

    private static NDArray[] mix(double[][] m, NDArray x) {
        NDArray c0 = x.get(new NDIndex(":, 0:1"));
        NDArray c1 = x.get(new NDIndex(":, 1:2"));
        NDArray c2 = x.get(new NDIndex(":, 2:3"));
        NDArray[] out = new NDArray[3];
        for (int r = 0; r < 3; r++) {
            out[r] = times(c0, m[r][0]).add(times(c1, m[r][1])).add(times(c2, m[r][2]));
        }
        return out;
    }

    private static NDArray f(NDArray t) {
        return NDArrays.where(t.gt(DELTA * DELTA * DELTA), power(atLeast(t, 1e-12), 1.0 / 3),
                over(t, 3 * DELTA * DELTA).add(4.0 / 29));
    }

    private static NDArray finv(NDArray t) {
        return NDArrays.where(t.gt(DELTA), power(t, 3), times(t.sub(4.0 / 29), 3 * DELTA * DELTA));
    }

    private static void requireThreeChannels(NDArray x, String op) {
        if (x.getShape().dimension() != 4 || x.getShape().get(1) != 3) {
            throw new IllegalArgumentException(op + " expects (N, 3, H, W) with the colour channels on"
                    + " axis 1, got shape " + x.getShape() + "; transpose HWC images with transpose(0, 3, 1, 2).");
        }
    }
}
