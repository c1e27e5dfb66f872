package org.thesislab.avr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Rendered sequences in memory: 8-bit images (N, n, C, S, S), the class index of each sequence's
 * rationale, the abstract values behind every image (for the oracle and the information metrics) and
 * the distractor flags.
 */
public record AvrDataset(Universe universe, int length, int channels, int size, byte[] images, int[] labels,
                         int[] values, boolean[] distractors) {

    public AvrDataset {
        int n = labels.length;
        int p = universe.numProperties();
        if (images.length != n * length * channels * size * size || values.length != n * length * p
                || distractors.length != n * p) {
            throw new IllegalArgumentException("inconsistent dataset arrays for " + n + " sequences");
        }
    }

    public int count() {
        return labels.length;
    }

    public Rationale rationale(int i) {
        return universe.rationale(labels[i]);
    }

    /** v_p^panel of sequence i. */
    public int value(int i, int panel, int p) {
        return values[(i * length + panel) * universe.numProperties() + p];
    }

    public boolean distractor(int i, int p) {
        return distractors[i * universe.numProperties() + p];
    }

    /** All images as a uint8 NDArray (N, n, C, S, S); batches are cast to float on the fly. */
    public NDArray imagesArray(NDManager manager) {
        return manager.create(ByteBuffer.wrap(images), new Shape(count(), length, channels, size, size), DataType.UINT8);
    }

    public NDArray labelsArray(NDManager manager) {
        return manager.create(labels);
    }

    /** The oracle's targets (N, n, P, oracleDim): every abstract value on the universe's common scale. */
    public NDArray oracleTargets(NDManager manager) {
        int numP = universe.numProperties();
        int dim = universe.oracleDim();
        float[] f = new float[values.length * dim];
        for (int i = 0; i < values.length; i++) {
            universe.oracleTarget(i % numP, values[i], f, i * dim);
        }
        return manager.create(f, new Shape(count(), length, numP, dim));
    }

    /** One panel as a BufferedImage, for figures. */
    public BufferedImage image(int i, int panel) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        int plane = size * size;
        int base = (i * length + panel) * channels * plane;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int r = images[base + y * size + x] & 0xff;
                int g = channels == 3 ? images[base + plane + y * size + x] & 0xff : r;
                int b = channels == 3 ? images[base + 2 * plane + y * size + x] & 0xff : r;
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    /** A caption: the rationale and which properties are distractors. */
    public String caption(int i) {
        StringBuilder sb = new StringBuilder(universe.describe(rationale(i)));
        List<Property> props = universe.properties();
        StringBuilder d = new StringBuilder();
        for (int p = 0; p < props.size(); p++) {
            if (distractor(i, p)) {
                d.append(d.length() > 0 ? ", " : "").append(props.get(p).name());
            }
        }
        return sb.append(d.length() > 0 ? " | distractors: " + d : " | no distractors").toString();
    }
}
