package org.thesislab.odgi;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ground truth of one image on an I x J output grid, built by the thesis' grouping rule:
 * <ul>
 *   <li>A_ij(n) = [|b_n ∩ cell(i,j)| > 0]  (3.2): a box is assigned to every cell it overlaps with positive area;</li>
 *   <li>B*_ij = the smallest box enclosing all boxes assigned to the cell  (3.3);</li>
 *   <li>g*_ij = [more than one box assigned]  (3.4);  E_ij = [at least one box assigned].</li>
 * </ul>
 * The final stage and the baselines use the assigned sets G_ij themselves (one regression per box).
 */
public final class GroupTargets {
    private final int rows;
    private final int cols;
    private final List<List<Box>> assigned;

    private GroupTargets(int rows, int cols, List<List<Box>> assigned) {
        this.rows = rows;
        this.cols = cols;
        this.assigned = assigned;
    }

    /** Applies the grouping rule (3.2)-(3.4) to the ground-truth boxes of one image. */
    public static GroupTargets of(List<Box> truths, int rows, int cols) {
        if (rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("Grid must be at least 1x1, got " + rows + "x" + cols);
        }
        List<List<Box>> assigned = new ArrayList<>(rows * cols);
        for (int k = 0; k < rows * cols; k++) {
            assigned.add(new ArrayList<>(2));
        }
        for (Box b : truths) {
            Box c = b.clip();
            if (c.width() <= 0 || c.height() <= 0) {
                continue;
            }
            // Cells overlapping with positive area: a box ending exactly on a cell border does not touch the next cell.
            int j0 = clamp((int) Math.floor(c.x0() * cols), cols);
            int j1 = clamp((int) Math.ceil(c.x1() * cols) - 1, cols);
            int i0 = clamp((int) Math.floor(c.y0() * rows), rows);
            int i1 = clamp((int) Math.ceil(c.y1() * rows) - 1, rows);
            for (int i = i0; i <= i1; i++) {
                for (int j = j0; j <= j1; j++) {
                    assigned.get(i * cols + j).add(b);
                }
            }
        }
        return new GroupTargets(rows, cols, assigned);
    }

    public int rows() { return rows; }
    public int cols() { return cols; }

    /** E_ij: the cell holds at least one ground-truth box. */
    public boolean nonEmpty(int i, int j) { return !assigned(i, j).isEmpty(); }

    /** G_ij: the ground-truth boxes assigned to the cell. */
    public List<Box> assigned(int i, int j) { return assigned.get(i * cols + j); }

    /** g*_ij (3.4). */
    public boolean isGroup(int i, int j) { return assigned(i, j).size() > 1; }

    /** B*_ij (3.3), or null for an empty cell. */
    public Box target(int i, int j) {
        List<Box> g = assigned(i, j);
        return g.isEmpty() ? null : Box.enclosing(g);
    }

    /** Fraction of cells with no object (Table 3.1's empty-cell ratio). */
    public double emptyCellRatio() {
        long empty = assigned.stream().filter(List::isEmpty).count();
        return empty / (double) assigned.size();
    }

    /** The distinct group boxes (cells with g* = 1), for drawing and statistics. */
    public List<Box> groupBoxes() {
        Set<Box> out = new LinkedHashSet<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (isGroup(i, j)) {
                    out.add(target(i, j));
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }
}
