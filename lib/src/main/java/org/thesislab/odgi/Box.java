package org.thesislab.odgi;

import java.util.Collection;

/**
 * An axis-aligned box in image-normalised coordinates (0 = left/top, 1 = right/bottom), as in
 * the thesis: widths and heights are fractions of the image side.
 */
public record Box(double x0, double y0, double x1, double y1) {

    public Box {
        if (!(x1 >= x0) || !(y1 >= y0)) {
            throw new IllegalArgumentException("Box needs x0 <= x1 and y0 <= y1 (corners, not centre/size), got ["
                    + x0 + ", " + y0 + ", " + x1 + ", " + y1 + "]");
        }
    }

    /** A box from its centre and full width/height. */
    public static Box ofCentre(double cx, double cy, double w, double h) {
        return new Box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    public double width() { return x1 - x0; }
    public double height() { return y1 - y0; }
    public double cx() { return (x0 + x1) / 2; }
    public double cy() { return (y0 + y1) / 2; }
    public double area() { return width() * height(); }

    /** Area of the intersection with another box (0 when disjoint or only touching). */
    public double intersection(Box o) {
        double w = Math.min(x1, o.x1) - Math.max(x0, o.x0);
        double h = Math.min(y1, o.y1) - Math.max(y0, o.y0);
        return w > 0 && h > 0 ? w * h : 0;
    }

    /** Intersection over union, eq. (3.7); 0 when both boxes are empty. */
    public double iou(Box o) {
        double inter = intersection(o);
        double union = area() + o.area() - inter;
        return union > 0 ? inter / union : 0;
    }

    /** The smallest box enclosing both: the thesis' "union" of boxes in eq. (3.3). */
    public Box enclose(Box o) {
        return new Box(Math.min(x0, o.x0), Math.min(y0, o.y0), Math.max(x1, o.x1), Math.max(y1, o.y1));
    }

    /** The smallest box enclosing all of them (eq. 3.3). */
    public static Box enclosing(Collection<Box> boxes) {
        Box u = null;
        for (Box b : boxes) {
            u = u == null ? b : u.enclose(b);
        }
        if (u == null) {
            throw new IllegalArgumentException("Cannot enclose an empty set of boxes");
        }
        return u;
    }

    /** Clipped to the unit square. */
    public Box clip() {
        double a = clamp(x0), b = clamp(y0), c = clamp(x1), d = clamp(y1);
        return new Box(a, b, Math.max(a, c), Math.max(b, d));
    }

    /** Mirrored left-right (horizontal-flip augmentation). */
    public Box flipX() {
        return new Box(1 - x1, y0, 1 - x0, y1);
    }

    /** This box, given in the coordinates of {@code region}, expressed in image coordinates. */
    public Box fromRegion(Box region) {
        return new Box(region.x0 + x0 * region.width(), region.y0 + y0 * region.height(),
                region.x0 + x1 * region.width(), region.y0 + y1 * region.height());
    }

    /** This box (in image coordinates) expressed in the coordinates of {@code region}; not clipped. */
    public Box toRegion(Box region) {
        return new Box((x0 - region.x0) / region.width(), (y0 - region.y0) / region.height(),
                (x1 - region.x0) / region.width(), (y1 - region.y0) / region.height());
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
