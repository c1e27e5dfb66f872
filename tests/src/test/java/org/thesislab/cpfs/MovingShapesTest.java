package org.thesislab.cpfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Random;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class MovingShapesTest {
    private final MovingShapes shapes = new MovingShapes(MovingShapes.Settings.defaults(32));

    /** The definition of the flow: the point seen at p in frame t is seen at p + f(p) in frame t+1, same colour. */
    @Test
    void warpingFrameTByTheFlowReproducesFrameTPlusOneOnObjectPixels() {
        float[] a = new float[3];
        float[] b = new float[3];
        double[] f = new double[2];
        int checked = 0;
        for (int i = 0; i < 20; i++) {
            MovingShapes.Scene scene = shapes.scene(new Random(i));
            for (int y = 0; y < 32; y++) {
                for (int x = 0; x < 32; x++) {
                    int k = scene.owner(0, x, y);
                    if (k == MovingShapes.BACKGROUND) {
                        continue;
                    }
                    scene.flow(x, y, f);
                    if (scene.owner(1, x + f[0], y + f[1]) != k) {
                        continue; // occluded by another object in frame t+1
                    }
                    scene.colour(0, x, y, a);
                    scene.colour(1, x + f[0], y + f[1], b);
                    for (int c = 0; c < 3; c++) {
                        assertEquals(a[c], b[c], 1e-4, "clip " + i + " pixel (" + x + "," + y + ")");
                    }
                    checked++;
                }
            }
        }
        assertTrue(checked > 2000, "too few object pixels checked: " + checked);
    }

    /**
     * The same on the rendered pixel grid: bilinearly sampling the rendered frame t+1 at p + f(p) is much closer to
     * frame t on object pixels than sampling it at p (no motion) or with another clip's flow.
     */
    @Test
    void gridWarpWithTheTrueFlowBeatsNoFlowAndWrongFlow() {
        try (NDManager m = NDManager.newBaseManager()) {
            MovingShapes.Clips clips = shapes.render(m, 7, 16);
            NDArray objects = clips.instance().gt(0).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
            double truth = warpError(m, clips, clips.flow(), objects);
            double still = warpError(m, clips, clips.flow().zerosLike(), objects);
            double wrong = warpError(m, clips, clips.flow().flip(0), objects);
            assertTrue(truth < 0.5 * still, "true-flow warp error " + truth + " vs no-flow " + still);
            assertTrue(truth < 0.5 * wrong, "true-flow warp error " + truth + " vs wrong flow " + wrong);
        }
    }

    private static double warpError(NDManager m, MovingShapes.Clips clips, NDArray flow, NDArray mask) {
        int n = clips.size();
        NDArray grid = m.arange(0f, 32f * 32f).reshape(1, 1024).repeat(0, n);
        NDArray x = grid.sub(grid.div(32f).floor().mul(32f));
        NDArray y = grid.div(32f).floor();
        NDArray fx = x.add(flow.get(":, 0").reshape(n, 1024));
        NDArray fy = y.add(flow.get(":, 1").reshape(n, 1024));
        NDArray warped = Hypercolumn.bilinear(clips.next(), fx, fy); // (n, 1024, 3)
        NDArray frame = clips.frames().reshape(n, 3, 1024).transpose(0, 2, 1);
        NDArray w = mask.reshape(n, 1024, 1);
        return warped.sub(frame).abs().mul(w).sum().getFloat() / (3 * w.sum().getFloat());
    }

    @Test
    void flowIsThePanOnTheBackgroundAndLabelsMatchOwners() {
        try (NDManager m = NDManager.newBaseManager()) {
            MovingShapes.Clips clips = shapes.render(m, 3, 4);
            for (int i = 0; i < 4; i++) {
                MovingShapes.Scene scene = shapes.scene(new Random(org.thesislab.core.Seeds.derive(3, i)));
                int[] inst = clips.instance().get(i).toIntArray();
                int[] sem = clips.semantic().get(i).toIntArray();
                float[] fx = clips.flow().get(i, 0).toFloatArray();
                for (int p = 0; p < 1024; p++) {
                    int k = scene.owner(0, p % 32, p / 32);
                    assertEquals(k + 1, inst[p]);
                    assertEquals(k < 0 ? 0 : scene.things().get(k).cls(), sem[p]);
                    if (k < 0) {
                        assertEquals(scene.panX(), fx[p], 1e-5);
                    }
                }
            }
        }
    }

    @Test
    void sameSeedSameClips() {
        try (NDManager m = NDManager.newBaseManager()) {
            var a = shapes.render(m, 11, 3);
            var b = shapes.render(m, 11, 3);
            assertEquals(0f, a.frames().sub(b.frames()).abs().max().getFloat());
            assertTrue(a.frames().sub(shapes.render(m, 12, 3).frames()).abs().max().getFloat() > 0.1f);
        }
    }

    @Test
    void anInterruptedThreadStopsRenderingAndSaysWhere() {
        try (NDManager m = NDManager.newBaseManager()) {
            Thread.currentThread().interrupt();
            try {
                var e = assertThrows(CancellationException.class, () -> shapes.render(m, 11, 3));
                assertTrue(e.getMessage().contains("interrupted at clip 1 of 3"), e.getMessage());
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void badSettingsAreRejectedWithTheReason() {
        var e = assertThrows(IllegalArgumentException.class, () -> new MovingShapes.Settings(4, 2, 3, 5, 9, 3, 0.06, 0.8, 0.5, 1.5));
        assertTrue(e.getMessage().contains("at least 8"));
    }
}
