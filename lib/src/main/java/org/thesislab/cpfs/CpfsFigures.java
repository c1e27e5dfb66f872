package org.thesislab.cpfs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.thesislab.core.Run;
import org.thesislab.core.train.LiveCurves;
import org.thesislab.cpfs.CpfsExperiment.Arm;
import org.thesislab.viz.Images;
import org.thesislab.viz.Plots;

/**
 * The chapter's pictures: clips with their flow, "goes-with-p" kernel rows (Fig. 3.2), embeddings as colours (Fig. 3.4),
 * and the per-layer probe chart (Table 3.2's layers) from {@link CpfsExperiment}'s scores.
 */
public final class CpfsFigures {
    private static final Color[] CLASS_COLOURS = {Color.BLACK, new Color(230, 80, 60), new Color(70, 160, 230), new Color(240, 200, 40)};

    private CpfsFigures() {}

    /** Columns: frame t, frame t+1, flow (colour wheel), classes; one row per clip. */
    public static BufferedImage clips(MovingShapes.Clips clips, int n, float maxFlow) {
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        for (int i = 0; i < Math.min(n, clips.size()); i++) {
            images.add(Images.fromTensor(clips.frames().get(i)));
            images.add(Images.fromTensor(clips.next().get(i)));
            images.add(Flow.colourWheel(clips.flow().get(i), maxFlow));
            images.add(classes(clips.semantic().get(i)));
            captions.addAll(List.of("frame t", "frame t+1", "flow", "classes"));
        }
        return Plots.imageGrid(images, captions, 4, 4);
    }

    /** Semantic classes (H, W) as colours: background black, disk red, square blue, triangle yellow. */
    public static BufferedImage classes(NDArray semantic) {
        int h = (int) semantic.getShape().get(0);
        int w = (int) semantic.getShape().get(1);
        int[] c = semantic.toType(DataType.INT32, false).toIntArray();
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < c.length; i++) {
            img.setRGB(i % w, i / w, CLASS_COLOURS[c[i]].getRGB());
        }
        return img;
    }

    /**
     * Rows of the flow kernel and of the embedding kernel over all pixels of one frame, for a few query
     * pixels (marked in the frame): K(p, ·) reshaped as an image, the thesis' "goes-with-p" maps.
     */
    public static BufferedImage kernelRows(PixelEmbeddingNet net, MovingShapes.Clips clips, int clip, int[] queryPixels, float flowM,
            float sigma2, NDManager manager) {
        int h = (int) clips.frames().getShape().get(2);
        int w = (int) clips.frames().getShape().get(3);
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            NDArray frame = clips.frames().get(clip + ":" + (clip + 1));
            NDArray flow = Flow.normalize(clips.flow().get(clip + ":" + (clip + 1)), flowM);
            NDArray pixels = Hypercolumn.allPixels(scope, 1, h, w);
            NDArray kf = Kernels.flowKernel(Hypercolumn.atPixels(flow, pixels, w, 1), sigma2).get(0);
            NDArray kphi = null;
            if (net != null) {
                NDArray phi = net.forward(new ParameterStore(scope, false), new NDList(frame, pixels), false).get(0);
                kphi = Kernels.embeddingKernel(phi).get(0);
            }
            for (int q : queryPixels) {
                BufferedImage marked = Images.fromTensor(frame.get(0));
                marked.setRGB(q % w, q / w, Color.MAGENTA.getRGB());
                images.add(marked);
                captions.add("pixel (" + q % w + "," + q / w + ")");
                images.add(heat(kf.get(q).toFloatArray(), w, h, 0f, 1f));
                captions.add("K_f(p, ·)");
                if (kphi != null) {
                    images.add(heat(kphi.get(q).toFloatArray(), w, h, -Kernels.EMBEDDING_SCALE, Kernels.EMBEDDING_SCALE));
                    captions.add("K_φ(p, ·)");
                }
            }
            frame.close();
            flow.close();
        }
        return Plots.imageGrid(images, captions, net == null ? 2 : 3, 4);
    }

    private static BufferedImage heat(float[] v, int w, int h, float lo, float hi) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < v.length; i++) {
            img.setRGB(i % w, i / w, Plots.viridis((v[i] - lo) / (hi - lo)).getRGB());
        }
        return img;
    }

    /**
     * Per-pixel embeddings of each frame projected on their first three principal components (over all the
     * frames' pixels) and shown as RGB, next to the frame and its true instances.
     */
    public static BufferedImage embeddings(PixelEmbeddingNet net, MovingShapes.Clips clips, int n, NDManager manager) {
        int h = (int) clips.frames().getShape().get(2);
        int w = (int) clips.frames().getShape().get(3);
        int count = Math.min(n, clips.size());
        List<BufferedImage> images = new ArrayList<>();
        List<String> captions = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            NDArray frames = clips.frames().get("0:" + count);
            frames.attach(scope);
            NDArray phi = net.forward(new ParameterStore(scope, false), new NDList(frames, Hypercolumn.allPixels(scope, count, h, w)), false).get(0);
            int d = (int) phi.getShape().get(2);
            NDArray flat = phi.reshape(-1, d);
            NDArray centred = flat.sub(flat.mean(new int[] {0}, true));
            double[][] basis = principalAxes(centred.transpose().matMul(centred).toType(DataType.FLOAT64, false).toDoubleArray(), d, 3);
            float[] proj = centred.matMul(scope.create(toFloat(basis), new ai.djl.ndarray.types.Shape(3, d)).transpose()).toFloatArray();
            float[][] range = new float[3][];
            for (int c = 0; c < 3; c++) {
                float lo = Float.POSITIVE_INFINITY;
                float hi = Float.NEGATIVE_INFINITY;
                for (int i = c; i < proj.length; i += 3) {
                    lo = Math.min(lo, proj[i]);
                    hi = Math.max(hi, proj[i]);
                }
                range[c] = new float[] {lo, hi};
            }
            int plane = h * w;
            for (int k = 0; k < count; k++) {
                BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
                for (int p = 0; p < plane; p++) {
                    int[] rgb = new int[3];
                    for (int c = 0; c < 3; c++) {
                        float v = (proj[(k * plane + p) * 3 + c] - range[c][0]) / Math.max(1e-6f, range[c][1] - range[c][0]);
                        rgb[c] = Math.round(255 * v);
                    }
                    img.setRGB(p % w, p / w, new Color(rgb[0], rgb[1], rgb[2]).getRGB());
                }
                images.add(Images.fromTensor(frames.get(k)));
                images.add(img);
                images.add(classes(clips.semantic().get(k)));
                images.add(Flow.colourWheel(clips.flow().get(k), 4f));
                captions.addAll(List.of("frame", "embedding PCA", "classes", "flow"));
            }
        }
        return Plots.imageGrid(images, captions, 4, 4);
    }

    /** The top {@code k} eigenvectors of a symmetric d×d matrix (row-major), by power iteration with deflation. */
    static double[][] principalAxes(double[] matrix, int d, int k) {
        double[][] a = new double[d][d];
        for (int i = 0; i < d; i++) {
            System.arraycopy(matrix, i * d, a[i], 0, d);
        }
        double[][] out = new double[k][];
        java.util.Random r = new java.util.Random(0);
        for (int e = 0; e < k; e++) {
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                v[i] = r.nextGaussian();
            }
            double lambda = 0;
            for (int it = 0; it < 500; it++) {
                double[] u = new double[d];
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < d; j++) {
                        u[i] += a[i][j] * v[j];
                    }
                }
                double norm = 0;
                for (double x : u) {
                    norm += x * x;
                }
                norm = Math.sqrt(norm);
                if (norm == 0) {
                    break;
                }
                for (int i = 0; i < d; i++) {
                    v[i] = u[i] / norm;
                }
                lambda = norm;
            }
            out[e] = v;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    a[i][j] -= lambda * v[i] * v[j];
                }
            }
        }
        return out;
    }

    private static float[] toFloat(double[][] m) {
        float[] out = new float[m.length * m[0].length];
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[0].length; j++) {
                out[i * m[0].length + j] = (float) m[i][j];
            }
        }
        return out;
    }

    /** One query pixel per instance of a clip (background included): the instance pixel closest to its centroid. */
    public static int[] queryPixels(MovingShapes.Clips clips, int clip) {
        int w = (int) clips.instance().getShape().get(2);
        int[] inst = clips.instance().get(clip).toType(DataType.INT32, false).toIntArray();
        int k = 0;
        for (int v : inst) {
            k = Math.max(k, v);
        }
        List<Integer> out = new ArrayList<>();
        for (int id = 0; id <= k; id++) {
            double sx = 0;
            double sy = 0;
            int n = 0;
            for (int p = 0; p < inst.length; p++) {
                if (inst[p] == id) {
                    sx += p % w;
                    sy += p / w;
                    n++;
                }
            }
            if (n == 0) {
                continue;
            }
            int best = -1;
            double bestD = Double.POSITIVE_INFINITY;
            for (int p = 0; p < inst.length; p++) {
                double d = Math.hypot(p % w - sx / n, p / w - sy / n);
                if (inst[p] == id && d < bestD) {
                    bestD = d;
                    best = p;
                }
            }
            out.add(best);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** One arm's pre-training and validation loss, redrawn live in the notebook after every epoch. */
    public static LiveCurves pretrainingCurves(Run run, Arm arm) {
        return new LiveCurves(run, "pretrain-" + arm.key.replace('_', '-'), "pre-training " + arm.key,
                new String[] {"train_loss", "val_loss"});
    }

    /** Probe mIoU per layer, one series per arm, with the spread over labelled subsets as error bars. */
    public static CategoryChart probeChart(CpfsResults results) {
        Map<String, double[]> values = new LinkedHashMap<>();
        Map<String, double[]> errors = new LinkedHashMap<>();
        for (var e : results.scores().entrySet()) {
            double[] v = new double[Transfer.PROBED.size()];
            double[] sd = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                double[] ms = e.getValue().probeMeanIoU().get(Transfer.PROBED.get(i));
                v[i] = 100 * ms[0];
                sd[i] = 100 * ms[1];
            }
            values.put(e.getKey().key, v);
            errors.put(e.getKey().key, sd);
        }
        // the legend below the plot (Plots' default): beside it, it left the seven layer groups too little width
        return Plots.bars("Linear probe per layer (test mIoU)", "mIoU %", Transfer.PROBED, values, errors);
    }
}
