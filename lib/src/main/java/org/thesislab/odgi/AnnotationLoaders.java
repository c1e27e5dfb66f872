package org.thesislab.odgi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Readers for the ground truth of the thesis' two data sets, as image-normalised boxes (class labels
 * are ignored, as in §3.1.4). The images themselves are fetched by {@code data-scripts/odgi/}.
 */
public final class AnnotationLoaders {
    private AnnotationLoaders() {
    }

    /**
     * One VEDAI annotation file ({@code Annotations1024/<id>.txt}); each line is
     * {@code cx cy orientation class contained occluded x1 x2 x3 x4 y1 y2 y3 y4} in pixels of the
     * {@code imageSize}-px image. The box is the axis-aligned hull of the four corners, clipped.
     */
    public static List<Box> vedai(Path file, int imageSize) {
        List<Box> boxes = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines(file)) {
            lineNo++;
            String[] f = line.trim().split("\\s+");
            if (f.length == 1 && f[0].isEmpty()) {
                continue;
            }
            if (f.length != 14) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": a VEDAI annotation has 14 fields "
                        + "(cx cy orientation class contained occluded x1..x4 y1..y4), found " + f.length
                        + ". Is this the per-image file of Annotations1024/?");
            }
            double x0 = Double.POSITIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < 4; k++) {
                double x = number(f[6 + k], file, lineNo), y = number(f[10 + k], file, lineNo);
                x0 = Math.min(x0, x); x1 = Math.max(x1, x);
                y0 = Math.min(y0, y); y1 = Math.max(y1, y);
            }
            Box b = new Box(x0 / imageSize, y0 / imageSize, x1 / imageSize, y1 / imageSize).clip();
            if (b.area() > 0) {
                boxes.add(b);
            }
        }
        return boxes;
    }

    /** All per-image VEDAI files of a folder, by image id (fold lists and the merged file are skipped). */
    public static Map<String, List<Box>> vedaiFolder(Path folder, int imageSize) {
        Map<String, List<Box>> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(p -> p.getFileName().toString().matches("\\d+\\.txt")).toList()) {
                out.put(p.getFileName().toString().replace(".txt", ""), vedai(p, imageSize));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list VEDAI annotations in " + folder, e);
        }
        return out;
    }

    /**
     * One Stanford Drone Dataset {@code annotations.txt}: lines
     * {@code track xmin ymin xmax ymax frame lost occluded generated "label"} in video pixels. Keeps
     * every {@code frameStep}-th frame (40 in the thesis) and drops boxes marked lost. Frames are padded
     * to a square (at the right or bottom) before resizing, as in the thesis, so coordinates are divided
     * by max(width, height).
     */
    public static Map<Integer, List<Box>> sdd(Path file, int width, int height, int frameStep) {
        if (width <= 0 || height <= 0 || frameStep <= 0) {
            throw new IllegalArgumentException("width, height and frameStep must be positive, got " + width + ", " + height + ", " + frameStep);
        }
        double side = Math.max(width, height);
        Map<Integer, List<Box>> frames = new TreeMap<>();
        int lineNo = 0;
        for (String line : lines(file)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length < 10) {
                throw new IllegalArgumentException(file + ":" + lineNo + ": an SDD annotation has 10 fields "
                        + "(track xmin ymin xmax ymax frame lost occluded generated label), found " + f.length);
            }
            int frame = (int) number(f[5], file, lineNo);
            boolean lost = number(f[6], file, lineNo) != 0;
            if (frame % frameStep != 0 || lost) {
                continue;
            }
            Box b = new Box(number(f[1], file, lineNo) / side, number(f[2], file, lineNo) / side,
                    number(f[3], file, lineNo) / side, number(f[4], file, lineNo) / side).clip();
            if (b.area() > 0) {
                frames.computeIfAbsent(frame, k -> new ArrayList<>()).add(b);
            }
        }
        return frames;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read annotation file " + file + " (fetch it with data-scripts/fetch vedai DIR or sdd DIR)", e);
        }
    }

    private static double number(String s, Path file, int line) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + ":" + line + ": '" + s + "' is not a number", e);
        }
    }
}
