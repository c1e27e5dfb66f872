package org.thesislab.avr;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

class RendererTest {

    @Test
    void everyValueStepOfEveryPropertyChangesPixels() {
        Universe u = Shapes3D.universe();
        for (int size : new int[] {16, 32}) {
            Renderer r = new Shapes3D.Render(size);
            for (int p = 0; p < 5; p++) {
                for (int v = 1; v < u.property(p).cardinality(); v++) {
                    int[] a = {3, 6, 9, 4, 7};
                    int[] b = a.clone();
                    a[p] = v;
                    b[p] = v + 1;
                    byte[] ia = new byte[r.pixels()];
                    byte[] ib = new byte[r.pixels()];
                    r.render(a, new Random(5), ia, 0); // same seed: same nuisance shape
                    r.render(b, new Random(5), ib, 0);
                    assertFalse(Arrays.equals(ia, ib), u.property(p) + " " + v + "->" + (v + 1) + " at " + size + "px");
                }
            }
        }
    }

    @Test
    void shapeIsANuisance() {
        Renderer r = new Shapes3D.Render(16);
        int[] a = {3, 6, 9, 8, 7};
        Random rng = new Random(1);
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (int i = 0; i < 50; i++) {
            byte[] img = new byte[r.pixels()];
            r.render(a, rng, img, 0);
            distinct.add(Arrays.toString(img));
        }
        assertEquals(4, distinct.size(), "four object shapes for one assignment");
    }

    @Test
    void tooSmallImagesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Shapes3D.Render(8));
    }
}
