package org.thesislab.colorization;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thesislab.core.data.DataFileException;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class PhotosTest {
    /** A w x h picture: left half {@code left}, right half {@code right}. */
    private static BufferedImage halves(int w, int h, Color left, Color right) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(left);
        g.fillRect(0, 0, w / 2, h);
        g.setColor(right);
        g.fillRect(w / 2, 0, w - w / 2, h);
        g.dispose();
        return img;
    }

    @Test
    void loadsCentreCropsResizedToTheRequestedSide(@TempDir Path dir) throws Exception {
        ImageIO.write(halves(96, 64, new Color(200, 40, 40), new Color(40, 40, 200)), "png", dir.resolve("b.png").toFile());
        ImageIO.write(halves(32, 32, Color.GRAY, Color.GRAY), "png", dir.resolve("a.png").toFile());
        Files.writeString(dir.resolve("notes.txt"), "not a photo");
        try (NDManager m = NDManager.newBaseManager()) {
            List<Photos.Photo> photos = Photos.load(m, dir, 16);
            assertEquals(List.of("a", "b"), photos.stream().map(Photos.Photo::name).toList());
            float[] b = photos.get(1).rgb().toFloatArray();
            assertArrayEquals(new long[] {1, 3, 16, 16}, photos.get(1).rgb().getShape().getShape());
            // the 64x64 centre crop of b is half red, half blue: the first column red, the last blue
            assertEquals(200 / 255f, b[0], 0.02);
            assertEquals(40 / 255f, b[15], 0.02);
            assertEquals(40 / 255f, b[2 * 256], 0.02);
            assertEquals(200 / 255f, b[2 * 256 + 15], 0.02);
            assertEquals(128 / 255f, photos.get(0).rgb().toFloatArray()[100], 0.01);
        }
    }

    @Test
    void aBrokenOrMissingFolderIsAClearError(@TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            DataFileException missing = assertThrows(DataFileException.class, () -> Photos.load(m, dir.resolve("nope"), 16));
            assertTrue(missing.getMessage().contains(Photos.ENV), missing.getMessage());
            DataFileException empty = assertThrows(DataFileException.class, () -> Photos.load(m, dir, 16));
            assertTrue(empty.getMessage().contains("no .png or .jpg"), empty.getMessage());
            Files.writeString(dir.resolve("broken.png"), "this is not a PNG");
            DataFileException broken = assertThrows(DataFileException.class, () -> Photos.load(m, dir, 16));
            assertTrue(broken.getMessage().contains("broken.png"), broken.getMessage());
        }
    }

    @Test
    void subsamplingLosesNothingOnFlatChromaAndMoreOnFinerColourDetail(@TempDir Path dir) throws Exception {
        ImageIO.write(halves(64, 64, new Color(180, 120, 60), new Color(180, 120, 60)), "png", dir.resolve("flat.png").toFile());
        BufferedImage stripes = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            for (int y = 0; y < 64; y++) {
                // 4-px stripes of two colours
                stripes.setRGB(x, y, (x / 4) % 2 == 0 ? new Color(200, 60, 60).getRGB() : new Color(60, 140, 200).getRGB());
            }
        }
        ImageIO.write(stripes, "png", dir.resolve("stripes.png").toFile());
        try (NDManager m = NDManager.newBaseManager()) {
            List<Photos.Photo> photos = Photos.load(m, dir, 64);
            ChromaSubsampling.Study study = ChromaSubsampling.measure(photos, new int[] {1, 2, 8});
            List<ChromaSubsampling.Row> rows = study.rows();
            for (ChromaSubsampling.Row r : rows) {
                if (r.photo().equals("flat")) {
                    // only the rounding of (a, b) to C's integer grid remains: at most sqrt(0.5^2 + 0.5^2)
                    assertTrue(r.p95DeltaE() <= 0.75, r.toString());
                }
            }
            double[] stripesDe = rows.stream().filter(r -> r.photo().equals("stripes")).mapToDouble(ChromaSubsampling.Row::meanDeltaE).toArray();
            // full-resolution chroma keeps the stripes; 1/2 blurs their edges; 1/8 averages two stripes into one colour
            assertTrue(stripesDe[0] < 0.75 && stripesDe[1] > 1 && stripesDe[2] > 3 * stripesDe[1],
                    "ΔE at 1/1, 1/2, 1/8: " + java.util.Arrays.toString(stripesDe));
            assertNotNull(study.figure());
            assertEquals(6, study.table().rowCount());
        }
    }
}
