package org.thesislab.core.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import static org.thesislab.core.nn.Scalars.overInPlace;

/**
 * The real Fashion-MNIST (Xiao et al., 2017): 60k training and 10k test 28x28 grayscale images in 10
 * classes, read from the IDX files of Debian's {@code dataset-fashion-mnist} package.
 */
public final class FashionMnist {
    public static final String DIR_ENV = "THESISLAB_FASHION_MNIST";
    public static final Path DEBIAN_DIR = Paths.get("/usr/share/datasets/fashion-mnist");
    public static final List<String> CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    public static final int SIDE = 28;

    private static final String FIX = "Install it with `environment/lab setup` (or `apt-get install "
            + "dataset-fashion-mnist`; `apt-get install --reinstall dataset-fashion-mnist` for a damaged copy), "
            + "or point " + DIR_ENV + " at a folder holding the four original IDX files.";

    /** SHA-256 of the upstream gzip files, as Debian ships them. */
    private static final Map<String, String> SHA256 = Map.of(
            "train-images-idx3-ubyte.gz", "b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7",
            "train-labels-idx1-ubyte.gz", "0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056",
            "t10k-images-idx3-ubyte.gz", "cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa",
            "t10k-labels-idx1-ubyte.gz", "8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05");

    public enum Split {
        TRAIN("train", 60_000),
        TEST("t10k", 10_000);

        final String prefix;
        final int size;

        Split(String prefix, int size) {
            this.prefix = prefix;
            this.size = size;
        }
    }

    private FashionMnist() {}

    /** The folder the files are read from: {@code THESISLAB_FASHION_MNIST}, else Debian's. */
    public static Path directory() {
        String dir = System.getenv(DIR_ENV);
        return dir == null || dir.isBlank() ? DEBIAN_DIR : Paths.get(dir);
    }

    /**
     * Loads a split as images (N, 1, 28, 28) float32 in [0, 1] and labels (N) int32, placed in
     * {@code manager}. {@code limit} keeps the first examples only (0 or less: all).
     */
    public static TensorDataset load(NDManager manager, Split split, int limit) {
        return load(manager, directory(), split, limit);
    }

    public static TensorDataset load(NDManager manager, Path dir, Split split, int limit) {
        Idx.Array images = Idx.read(verified(dir, split.prefix + "-images-idx3-ubyte"));
        Idx.Array labels = Idx.read(verified(dir, split.prefix + "-labels-idx1-ubyte"));
        Path imageFile = dir.resolve(split.prefix + "-images-idx3-ubyte");
        if (images.dims().length != 3 || images.dims()[1] != SIDE || images.dims()[2] != SIDE) {
            throw new DataFileException(imageFile, "does not hold 28x28 images (dims "
                    + java.util.Arrays.toString(images.dims()) + ")", FIX, null);
        }
        if (images.count() != split.size || labels.count() != split.size || labels.dims().length != 1) {
            throw new DataFileException(imageFile, "holds " + images.count() + " images and " + labels.count()
                    + " labels; the " + split + " split has " + split.size, FIX, null);
        }
        int n = limit > 0 ? Math.min(limit, split.size) : split.size;
        int pixels = SIDE * SIDE;
        NDArray x = overInPlace(manager.create(java.nio.ByteBuffer.wrap(images.data(), 0, n * pixels).slice(),
                new Shape(n, 1, SIDE, SIDE), DataType.UINT8).toType(DataType.FLOAT32, false), 255);
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = labels.data()[i] & 0xff;
            if (y[i] >= CLASSES.size()) {
                throw new DataFileException(dir.resolve(split.prefix + "-labels-idx1-ubyte"), "holds label " + y[i]
                        + " at index " + i + " (expected 0..9)", FIX, null);
            }
        }
        return new TensorDataset(new NDList(x), new NDList(manager.create(y)));
    }

    /** The gzip file if present (checked against its SHA-256), else the uncompressed one. */
    private static Path verified(Path dir, String name) {
        Path gz = dir.resolve(name + ".gz");
        if (Files.isRegularFile(gz)) {
            String actual = sha256(gz);
            if (!actual.equals(SHA256.get(gz.getFileName().toString()))) {
                throw new DataFileException(gz, "is corrupt (SHA-256 " + actual + " does not match the published file)",
                        FIX, null);
            }
            return gz;
        }
        Path plain = dir.resolve(name);
        if (Files.isRegularFile(plain)) {
            return plain;
        }
        throw new DataFileException(gz, "is missing (Fashion-MNIST is not installed)", FIX, null);
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int r; (r = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, r);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
