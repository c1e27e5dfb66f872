package org.thesislab.ganeval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thesislab.core.data.Cifar10Test;

/** Both real-data paths give S_t and S_v as the classifier expects them: (N, C, H, W) in [0, 1] and int32 labels. */
class RealDataTest {

    @Test
    void fashionMnistIsTheEmbeddedDefault() {
        try (NDManager m = NDManager.newBaseManager(); RealData d = RealData.load(m, RealData.Source.FASHION_MNIST, 50, 20)) {
            assertEquals(new Shape(50, 1, 28, 28), d.train().features().get(0).getShape());
            assertEquals(20, d.validation().size());
            assertEquals(DataType.INT32, d.train().labels().get(0).getDataType());
            assertEquals(10, d.classes());
        }
    }

    @Test
    void cifar10ComesFromItsBinaryFiles(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("data_batch_1.bin"), Cifar10Test.records(12));
        Files.write(dir.resolve("test_batch.bin"), Cifar10Test.records(4));
        try (NDManager m = NDManager.newBaseManager(); RealData d = RealData.cifar10(m, dir, 10, 4)) {
            assertEquals(new Shape(10, 3, 32, 32), d.train().features().get(0).getShape());
            assertEquals(DataType.INT32, d.train().labels().get(0).getDataType());
            assertArrayEquals(new int[] {0, 1, 2, 3}, d.validation().labels().get(0).toIntArray());
            assertEquals(RealData.Source.CIFAR10, d.source());
        }
    }
}
