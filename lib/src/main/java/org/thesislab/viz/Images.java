package org.thesislab.viz;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Tensors to pictures and back, and boxes drawn on pictures. */
public final class Images {
    private Images() {}

    /**
     * A picture from one image tensor with values in [0, 1]: (H, W) or (1, H, W) grayscale, (3, H, W) RGB.
     * Values outside [0, 1] are clipped.
     */
    public static BufferedImage fromTensor(NDArray image) {
        Shape s = image.getShape();
        if (s.dimension() == 2) {
            return fromFloats(image.toFloatArray(), 1, (int) s.get(0), (int) s.get(1), 0);
        }
        if (s.dimension() == 3 && (s.get(0) == 1 || s.get(0) == 3)) {
            return fromFloats(image.toFloatArray(), (int) s.get(0), (int) s.get(1), (int) s.get(2), 0);
        }
        throw new IllegalArgumentException("fromTensor takes (H, W), (1, H, W) or (3, H, W); got " + s);
    }

    /** One picture per image of a (N, C, H, W) batch, C = 1 or 3, values in [0, 1]. */
    public static List<BufferedImage> fromBatch(NDArray batch) {
        Shape s = batch.getShape();
        if (s.dimension() != 4 || (s.get(1) != 1 && s.get(1) != 3)) {
            throw new IllegalArgumentException("fromBatch takes (N, C, H, W) with C = 1 or 3; got " + s);
        }
        float[] all = batch.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
        int c = (int) s.get(1);
        int h = (int) s.get(2);
        int w = (int) s.get(3);
        List<BufferedImage> out = new ArrayList<>();
        for (int i = 0; i < s.get(0); i++) {
            out.add(fromFloats(all, c, h, w, i * c * h * w));
        }
        return out;
    }

    /** A picture from channel-first floats in [0, 1] starting at {@code offset}. */
    public static BufferedImage fromFloats(float[] data, int channels, int height, int width, int offset) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int plane = height * width;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int p = offset + y * width + x;
                int r = byteOf(data[p]);
                int g = channels == 3 ? byteOf(data[p + plane]) : r;
                int b = channels == 3 ? byteOf(data[p + 2 * plane]) : r;
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
            }
        }
        return img;
    }

    /**
     * A copy of {@code image} with boxes drawn on it; boxes are (x1, y1, x2, y2) in pixels of the image,
     * labels may be null.
     */
    public static BufferedImage drawBoxes(BufferedImage image, List<float[]> boxes, Color color, List<String> labels) {
        BufferedImage out = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(image, 0, 0, null);
        g.setColor(color);
        g.setStroke(new BasicStroke(Math.max(1f, image.getWidth() / 256f)));
        for (int i = 0; i < boxes.size(); i++) {
            float[] b = boxes.get(i);
            g.drawRect(Math.round(b[0]), Math.round(b[1]), Math.round(b[2] - b[0]), Math.round(b[3] - b[1]));
            if (labels != null && i < labels.size() && labels.get(i) != null) {
                g.drawString(labels.get(i), Math.round(b[0]), Math.max(10, Math.round(b[1]) - 2));
            }
        }
        g.dispose();
        return out;
    }

    private static int byteOf(float v) {
        return Math.round(Math.max(0f, Math.min(1f, v)) * 255f);
    }
}
