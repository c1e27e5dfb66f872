package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import static org.thesislab.core.nn.Scalars.over;
import static org.thesislab.core.nn.Scalars.times;

/**
 * The alternative the thesis argues against (Sect. 3.2.2): a softmax over Q x Q quantised (a, b) bins.
 * Its probability is spread uniformly inside a bin, so {@link #logProb} is per cell of the 256 x 256
 * grid and comparable with {@link LogisticMixture}: log p(cell) = log p(bin) - log(w_a w_b).
 * Samples are bin centres, snapped to the grid.
 */
public final class CategoricalChroma implements ChromaDistribution {
    private final int q;
    private final int width;

    /** @param binsPerChannel Q, a divisor of 256 */
    public CategoricalChroma(int binsPerChannel) {
        if (binsPerChannel < 1 || 256 % binsPerChannel != 0) {
            throw new IllegalArgumentException("bins per channel must divide 256 (e.g. 8, 16, 32), got "
                    + binsPerChannel);
        }
        this.q = binsPerChannel;
        this.width = 256 / binsPerChannel;
    }

    @Override
    public int channels() {
        return q * q;
    }

    @Override
    public String name() {
        return "categorical (" + q + "x" + q + " bins)";
    }

    /** Joint bin index qa * Q + qb of normalised chroma, (N, h, w) as float. */
    NDArray binOf(NDArray ab) {
        NDArray lab = Chroma.toLabUnits(ab).round();
        NDArray qa = over(lab.get(new NDIndex(":, 0")).add(127).clip(0, 255), width).floor();
        NDArray qb = over(lab.get(new NDIndex(":, 1")).add(128).clip(0, 255), width).floor();
        return times(qa, q).add(qb);
    }

    @Override
    public NDArray logProb(NDArray params, NDArray ab, NDArray lumaLow) {
        requireParams(params);
        NDArray onehot = binOf(ab).toType(ai.djl.ndarray.types.DataType.INT64, false).oneHot(q * q)
                .transpose(0, 3, 1, 2).toType(params.getDataType(), false);
        return params.logSoftmax(1).mul(onehot).sum(new int[] {1}).sub(2 * Math.log(width));
    }

    @Override
    public NDArray sample(NDArray params, NDArray lumaLow, double tau) {
        requireParams(params);
        if (tau <= 0) {
            return mode(params, lumaLow);
        }
        NDArray u = params.getManager().randomUniform(1e-5f, 1 - 1e-5f, params.getShape());
        return centres(over(params, tau).sub(u.log().neg().log()).argMax(1));
    }

    @Override
    public NDArray mode(NDArray params, NDArray lumaLow) {
        requireParams(params);
        return centres(params.argMax(1));
    }

    private NDArray centres(NDArray bin) {
        NDArray f = bin.toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
        NDArray qa = over(f, q).floor();
        NDArray qb = f.sub(times(qa, q));
        NDArray a = over(times(qa, width).sub(127).add((width - 1) / 2.0).round().sub(0.5), 127.5).expandDims(1);
        NDArray b = over(times(qb, width).sub(128).add((width - 1) / 2.0).round().add(0.5), 127.5).expandDims(1);
        return NDArrays.concat(new NDList(a, b), 1);
    }
}
