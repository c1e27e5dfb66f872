package org.thesislab.core.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10 (Krizhevsky 2009), the first benchmark of the colorization chapter (2.72 bits/dim) and of the GAN
 * evaluation chapter (Table 5.1), read from the "binary version" files: records of 1 label byte + 3072 bytes (the R, G and B planes of a 32 x 32
 * image, row-major). Not reachable from the build machine: {@code data-scripts/colorization/fetch-cifar10.sh}
 * downloads it for users with internet; point {@code THESISLAB_CIFAR10} at the extracted
 * {@code cifar-10-batches-bin} folder.
 */
public final class Cifar10 {
    public static final String DIR_ENV = "THESISLAB_CIFAR10";
    public static final int SIDE = 32;
    public static final List<String> CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");
    private static final int RECORD = 1 + 3 * SIDE * SIDE;
    private static final List<String> TRAIN_FILES = List.of("data_batch_1.bin", "data_batch_2.bin",
            "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin");
    private static final List<String> TEST_FILES = List.of("test_batch.bin");

    private Cifar10() {
    }

    /** Images (N, 3, 32, 32) as sRGB in [0, 1], and their class labels. */
    public record LabelledImages(NDArray rgb, int[] labels) {}

    /** The folder from {@code THESISLAB_CIFAR10}; an error naming the fix when it is not set. */
    public static Path directory() {
        String dir = System.getenv(DIR_ENV);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("CIFAR-10 is not available: run data-scripts/colorization/fetch-cifar10.sh"
                    + " (needs internet) and set " + DIR_ENV + " to the cifar-10-batches-bin folder it prints.");
        }
        return Path.of(dir);
    }

    /** At most {@code limit} images of the training (50 000) or test (10 000) split. */
    public static LabelledImages load(NDManager manager, Path dir, boolean train, int limit) {
        List<byte[]> records = new ArrayList<>();
        for (String name : train ? TRAIN_FILES : TEST_FILES) {
            if (records.size() >= limit) {
                break;
            }
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new DataFileException(file, "is missing", "Run data-scripts/colorization/fetch-cifar10.sh and set "
                        + DIR_ENV + " to the cifar-10-batches-bin folder.", null);
            }
            readRecords(file, records, limit);
        }
        int n = records.size();
        float[] rgb = new float[n * 3 * SIDE * SIDE];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            byte[] r = records.get(i);
            labels[i] = r[0] & 0xff;
            if (labels[i] > 9) {
                throw new DataFileException(dir, "has a record with label " + labels[i] + " (CIFAR-10 labels are 0-9)",
                        "Check that the folder holds the CIFAR-10 binary version, not CIFAR-100.", null);
            }
            for (int k = 0; k < 3 * SIDE * SIDE; k++) {
                rgb[i * 3 * SIDE * SIDE + k] = (r[1 + k] & 0xff) / 255f;
            }
        }
        return new LabelledImages(manager.create(rgb, new Shape(n, 3, SIDE, SIDE)), labels);
    }

    private static void readRecords(Path file, List<byte[]> into, int limit) {
        try {
            long size = Files.size(file);
            if (size == 0 || size % RECORD != 0) {
                throw new DataFileException(file, "has " + size + " bytes, not a multiple of the " + RECORD
                        + "-byte CIFAR-10 record", "The file is truncated or not CIFAR-10: download it again.", null);
            }
            try (InputStream in = Files.newInputStream(file)) {
                while (into.size() < limit) {
                    byte[] r = in.readNBytes(RECORD);
                    if (r.length == 0) {
                        break;
                    }
                    into.add(r);
                }
            }
        } catch (IOException e) {
            throw new DataFileException(file, "could not be read", e);
        }
    }
}
