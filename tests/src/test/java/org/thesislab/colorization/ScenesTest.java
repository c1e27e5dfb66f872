package org.thesislab.colorization;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenes satisfy their definition: fixed colours where determined, three equiprobable modes on circles. */
class ScenesTest {
    @Test
    void circlesUseTheThreeModesEquallyAndEverythingElseIsDetermined() {
        Scenes.Set s = Scenes.generate(600, 32, new Random(1));
        int plane = 32 * 32;
        int[] modeCount = new int[3];
        int circles = 0;
        for (int n = 0; n < s.count(); n++) {
            for (int k = 0; k < 2; k++) {
                if (s.circleMode()[n][k] >= 0) {
                    modeCount[s.circleMode()[n][k]]++;
                    circles++;
                }
            }
            assertTrue(s.circleMode()[n][0] >= 0, "every scene has a circle");
            for (int p = 0; p < plane; p++) {
                float l = s.lab()[n * 3 * plane + p];
                float a = s.lab()[n * 3 * plane + plane + p];
                float b = s.lab()[n * 3 * plane + 2 * plane + p];
                int id = s.circleId()[n * plane + p];
                assertTrue(l >= 0 && l <= 100);
                if (id > 0) {
                    double[] mode = Scenes.CIRCLE_MODES[s.circleMode()[n][id - 1]];
                    assertArrayEquals(new float[] {(float) mode[0], (float) mode[1]}, new float[] {a, b});
                } else {
                    boolean known = (a == -5 && b == -30) || (a == 15 && b == 30) || (a == 30 && b == 60);
                    assertTrue(known, "determined colour at pixel " + p + ": " + a + "," + b);
                }
            }
        }
        for (int c : modeCount) {
            assertEquals(1.0 / 3, c / (double) circles, 0.05, "mode frequencies " + java.util.Arrays.toString(modeCount));
        }
    }

    @Test
    void modesAreIsoluminantAndInGamutAtCircleLuminance() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] lab = new float[3 * 3];
            for (int i = 0; i < 3; i++) {
                lab[i] = 55;
                lab[3 + i] = (float) Scenes.CIRCLE_MODES[i][0];
                lab[6 + i] = (float) Scenes.CIRCLE_MODES[i][1];
            }
            NDArray x = m.create(lab, new ai.djl.ndarray.types.Shape(1, 3, 1, 3));
            float[] back = Lab.gamutClip(x).toFloatArray();
            for (int i = 0; i < lab.length; i++) {
                assertEquals(lab[i], back[i], 0.5, "mode colours survive the sRGB gamut at L = 55");
            }
        }
    }

    @Test
    void sameSeedSameScenesAndBadSizesAreRejected() {
        assertArrayEquals(Scenes.generate(5, 16, new Random(3)).lab(), Scenes.generate(5, 16, new Random(3)).lab());
        assertThrows(IllegalArgumentException.class, () -> Scenes.generate(5, 4, new Random(3)));
    }
}
