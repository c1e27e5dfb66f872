package org.thesislab.odgi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of aerial images with their inputs at the resolutions the detectors use, made once by
 * area averaging (a camera would deliver the image at that resolution, so resizing is not timed).
 */
public final class AerialData {
    private final List<AerialImage> images;
    private final Map<Integer, float[][]> inputs = new HashMap<>();

    public AerialData(List<AerialImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("AerialData needs at least one image");
        }
        this.images = List.copyOf(images);
    }

    public int size() { return images.size(); }
    public AerialImage image(int k) { return images.get(k); }
    public List<AerialImage> images() { return images; }
    public List<Box> truths(int k) { return images.get(k).objects(); }
    public List<List<Box>> truths() { return images.stream().map(AerialImage::objects).toList(); }

    /** Image k as an input of side {@code res} (cached). */
    public synchronized float[] input(int k, int res) {
        return inputs.computeIfAbsent(res, r -> new float[images.size()][])[k] != null ? inputs.get(res)[k]
                : (inputs.get(res)[k] = images.get(k).at(res));
    }

    /** Inputs of several images concatenated into one batch buffer. */
    public float[] batch(int[] indices, int res) {
        int len = 3 * res * res;
        float[] out = new float[indices.length * len];
        for (int n = 0; n < indices.length; n++) {
            System.arraycopy(input(indices[n], res), 0, out, n * len, len);
        }
        return out;
    }

    /** Table 3.1-style statistics. */
    public record Stats(double objectsPerImage, double objectAreaPercent, double emptyCellRatio16,
                        double groupsPerImage, double objectsPerGroup) {
    }

    /** Statistics with groups counted on a {@code grid} x {@code grid} cell grid (16 like Table 3.1). */
    public Stats stats(int grid) {
        double objects = 0, area = 0, empty = 0, groups = 0, inGroups = 0;
        for (AerialImage img : images) {
            objects += img.objects().size();
            for (Box b : img.objects()) {
                area += b.area();
            }
            GroupTargets t = GroupTargets.of(img.objects(), grid, grid);
            empty += t.emptyCellRatio();
            for (Box g : t.groupBoxes()) {
                groups++;
                inGroups += img.objects().stream().filter(o -> g.intersection(o) >= o.area() - 1e-12).count();
            }
        }
        int n = images.size();
        return new Stats(objects / n, 100 * area / Math.max(1, objects), empty / n, groups / n, groups > 0 ? inGroups / groups : 0);
    }
}
