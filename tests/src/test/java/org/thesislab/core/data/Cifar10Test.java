package org.thesislab.core.data;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CIFAR-10 reader and fetch script, on small files written here in the official binary layout. */
public class Cifar10Test {
    private static final int PLANE = 32 * 32;

    /** n records: label i % 10, R plane = i, G plane = 2i, B plane = pixel index % 256. */
    public static byte[] records(int n) {
        byte[] b = new byte[n * (1 + 3 * PLANE)];
        for (int i = 0; i < n; i++) {
            int o = i * (1 + 3 * PLANE);
            b[o] = (byte) (i % 10);
            for (int p = 0; p < PLANE; p++) {
                b[o + 1 + p] = (byte) i;
                b[o + 1 + PLANE + p] = (byte) (2 * i);
                b[o + 1 + 2 * PLANE + p] = (byte) (p % 256);
            }
        }
        return b;
    }

    @Test
    void readsLabelsAndPlanesInTheBinaryLayout(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("data_batch_1.bin"), records(3));
        Files.write(dir.resolve("test_batch.bin"), records(2));
        try (NDManager m = NDManager.newBaseManager()) {
            Cifar10.LabelledImages train = Cifar10.load(m, dir, true, 3);
            assertArrayEquals(new int[] {0, 1, 2}, train.labels());
            assertEquals(new ai.djl.ndarray.types.Shape(3, 3, 32, 32), train.rgb().getShape());
            float[] px = train.rgb().toFloatArray();
            int img2 = 2 * 3 * PLANE;
            assertEquals(2 / 255f, px[img2 + 5], 1e-7);              // R of image 2
            assertEquals(4 / 255f, px[img2 + PLANE + 5], 1e-7);      // G of image 2
            assertEquals(37 / 255f, px[img2 + 2 * PLANE + 37], 1e-7); // B = pixel index
            Cifar10.LabelledImages test = Cifar10.load(m, dir, false, 100);
            assertEquals(2, test.labels().length);
            assertEquals(new ai.djl.ndarray.types.Shape(2, 3, 32, 32), test.rgb().getShape());
        }
    }

    @Test
    void truncatedOrMissingFilesNameTheProblem(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("test_batch.bin"), java.util.Arrays.copyOf(records(2), 5000));
        try (NDManager m = NDManager.newBaseManager()) {
            DataFileException e = assertThrows(DataFileException.class, () -> Cifar10.load(m, dir, false, 10));
            assertTrue(e.getMessage().contains("multiple of the 3073-byte"), e.getMessage());
            DataFileException missing = assertThrows(DataFileException.class, () -> Cifar10.load(m, dir, true, 10));
            assertTrue(missing.getMessage().contains("fetch-cifar10.sh"), missing.getMessage());
        }
    }

    @Test
    void fetchScriptExtractsALocalArchiveIntoTheReaderLayout(@TempDir Path tmp) throws Exception {
        Path src = Files.createDirectories(tmp.resolve("src/cifar-10-batches-bin"));
        Files.write(src.resolve("data_batch_1.bin"), records(4));
        Files.write(src.resolve("test_batch.bin"), records(1));
        Path archive = tmp.resolve("small.tar.gz");
        assertEquals(0, new ProcessBuilder("tar", "-czf", archive.toString(), "-C", tmp.resolve("src").toString(),
                "cifar-10-batches-bin").inheritIO().start().waitFor());
        Path script = Path.of(System.getProperty("thesislab.root", "..")).resolve("data-scripts/colorization/fetch-cifar10.sh");
        Process p = new ProcessBuilder("bash", script.toString(), "--from-archive", archive.toString(),
                tmp.resolve("dest").toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor());
        assertEquals(tmp.resolve("dest/cifar-10-batches-bin").toString(), printed);
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(4, Cifar10.load(m, Path.of(printed), true, 4).labels().length);
        }
        Path notCifar = tmp.resolve("other.tar.gz");
        Files.createDirectories(tmp.resolve("x/y"));
        new ProcessBuilder("tar", "-czf", notCifar.toString(), "-C", tmp.resolve("x").toString(), "y").start().waitFor();
        Process bad = new ProcessBuilder("bash", script.toString(), "--from-archive", notCifar.toString(),
                tmp.resolve("dest2").toString()).redirectErrorStream(true).start();
        String out = new String(bad.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, bad.waitFor());
        assertTrue(out.contains("not the CIFAR-10 binary archive"), out);
    }
}
