package org.thesislab.cpfs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import static org.thesislab.core.nn.Scalars.atMost;
import static org.thesislab.core.nn.Scalars.over;
import static org.thesislab.core.nn.Scalars.times;

/**
 * Sparse hypercolumns (§3.2.3, after [78]): features of several depths read at a few sampled pixels by
 * bilinear interpolation and concatenated. Pixel x of the image maps to feature coordinate
 * (x + 0.5)/s − 0.5 of a layer with stride s (pixel centres align), clamped to the feature map.
 */
public final class Hypercolumn {
    private Hypercolumn() {}

    /**
     * Bilinear reads of features (B, C, h, w) at feature coordinates fx, fy (B, P), clamped to the map;
     * returns (B, P, C). Differentiable in the features (a gather), which is all training needs.
     */
    public static NDArray bilinear(NDArray features, NDArray fx, NDArray fy) {
        Shape s = features.getShape();
        if (s.dimension() != 4) {
            throw new IllegalArgumentException("bilinear takes features (B, C, h, w); got " + s);
        }
        long h = s.get(2);
        long w = s.get(3);
        NDArray x = fx.clip(0, w - 1);
        NDArray y = fy.clip(0, h - 1);
        NDArray x0 = x.floor();
        NDArray y0 = y.floor();
        NDArray wx = x.sub(x0).expandDims(1);
        NDArray wy = y.sub(y0).expandDims(1);
        NDArray x1 = atMost(x0.add(1f), w - 1);
        NDArray y1 = atMost(y0.add(1f), h - 1);
        NDArray flat = features.reshape(s.get(0), s.get(1), h * w);
        NDArray top = corner(flat, x0, y0, w).mul(wx.neg().add(1f)).add(corner(flat, x1, y0, w).mul(wx));
        NDArray bottom = corner(flat, x0, y1, w).mul(wx.neg().add(1f)).add(corner(flat, x1, y1, w).mul(wx));
        return top.mul(wy.neg().add(1f)).add(bottom.mul(wy)).transpose(0, 2, 1);
    }

    /** Features (B, C, h, w) of a layer with stride {@code stride} read at image pixels (B, P) of a W-wide image. */
    public static NDArray atPixels(NDArray features, NDArray pixels, int imageWidth, int stride) {
        NDArray p = pixels.toType(DataType.FLOAT32, false);
        NDArray py = over(p, imageWidth).floor();
        NDArray px = p.sub(times(py, imageWidth));
        return bilinear(features, over(px.add(0.5f), stride).sub(0.5f), over(py.add(0.5f), stride).sub(0.5f));
    }

    /** The hypercolumn (B, P, ΣC) of several layers with their strides, read at pixels (B, P). */
    public static NDArray concat(List<NDArray> layers, int[] strides, NDArray pixels, int imageWidth) {
        if (layers.size() != strides.length) {
            throw new IllegalArgumentException(layers.size() + " layers but " + strides.length + " strides");
        }
        NDArray[] parts = new NDArray[layers.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = atPixels(layers.get(i), pixels, imageWidth, strides[i]);
        }
        return NDArrays.concat(new NDList(parts), 2);
    }

    /** All pixel indices 0..H·W−1 for each of {@code frames} frames (B, H·W), for dense read-outs. */
    public static NDArray allPixels(NDManager manager, int frames, int height, int width) {
        return manager.arange(0, height * width, 1, DataType.INT64).expandDims(0).repeat(0, frames);
    }

    private static NDArray corner(NDArray flat, NDArray xs, NDArray ys, long w) {
        long b = flat.getShape().get(0);
        long c = flat.getShape().get(1);
        NDArray index = times(ys, w).add(xs).toType(DataType.INT64, false).expandDims(1);
        return flat.gather(index.broadcast(new Shape(b, c, index.getShape().get(2))), 2);
    }
}
