package org.thesislab.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against the real files of Debian's dataset-fashion-mnist package, which `environment/lab setup` installs. */
class FashionMnistTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void realDataIsInstalled() {
        assertTrue(Files.isDirectory(FashionMnist.directory()), "Fashion-MNIST is not installed at "
                + FashionMnist.directory() + ": run environment/lab setup");
    }

    @Test
    void testSplitHasTenBalancedClassesOf28x28ImagesInUnitRange() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorDataset test = FashionMnist.load(m, FashionMnist.Split.TEST, 0);
            assertEquals(10_000, test.size());
            assertEquals(new Shape(10_000, 1, 28, 28), test.features().get(0).getShape());
            assertEquals(0f, test.features().get(0).min().getFloat());
            assertEquals(1f, test.features().get(0).max().getFloat());
            int[] counts = new int[10];
            for (int y : test.labels().get(0).toIntArray()) {
                counts[y]++;
            }
            for (int c : counts) {
                assertEquals(1000, c, "the Fashion-MNIST test split has 1000 images per class");
            }
        }
    }

    @Test
    void limitKeepsTheFirstExamples() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorDataset all = FashionMnist.load(m, FashionMnist.Split.TEST, 0);
            TensorDataset few = FashionMnist.load(m, FashionMnist.Split.TEST, 5);
            assertEquals(5, few.size());
            assertEquals(all.features().get(0).get("0:5"), few.features().get(0));
        }
    }

    @Test
    void corruptCopyFailsItsChecksumAndNamesTheFix() throws Exception {
        for (String f : new String[] {"t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            Files.copy(FashionMnist.directory().resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        byte[] bytes = Files.readAllBytes(dir.resolve("t10k-images-idx3-ubyte.gz"));
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), bytes);
        try (NDManager m = NDManager.newBaseManager()) {
            var e = assertThrows(DataFileException.class, () -> FashionMnist.load(m, dir, FashionMnist.Split.TEST, 0));
            assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains("apt-get install --reinstall"), e.getMessage());
        }
    }

    @Test
    void missingFolderSaysHowToInstall() {
        try (NDManager m = NDManager.newBaseManager()) {
            var e = assertThrows(DataFileException.class,
                    () -> FashionMnist.load(m, dir.resolve("absent"), FashionMnist.Split.TRAIN, 0));
            assertTrue(e.getMessage().contains("missing") && e.getMessage().contains("environment/lab setup"), e.getMessage());
        }
    }
}
