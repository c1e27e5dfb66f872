package org.thesislab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxTest {
    @TempDir
    Path dir;

    static byte[] idx(int type, int[] dims, byte[] values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt((type << 8) | dims.length);
        for (int d : dims) {
            out.writeInt(d);
        }
        out.write(values);
        return bytes.toByteArray();
    }

    static void gzip(Path file, byte[] content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content);
        }
    }

    @Test
    void readsRawAndGzippedFiles() throws IOException {
        byte[] values = {0, 1, 2, (byte) 255, 4, 5};
        Files.write(dir.resolve("a-idx3-ubyte"), idx(8, new int[] {1, 2, 3}, values));
        gzip(dir.resolve("b-idx3-ubyte.gz"), idx(8, new int[] {1, 2, 3}, values));
        for (String name : new String[] {"a-idx3-ubyte", "b-idx3-ubyte.gz"}) {
            Idx.Array a = Idx.read(dir.resolve(name));
            assertArrayEquals(new int[] {1, 2, 3}, a.dims());
            assertArrayEquals(values, a.data());
        }
    }

    @Test
    void truncatedFileIsNamedAsTruncated() throws IOException {
        byte[] full = idx(8, new int[] {2, 2}, new byte[] {1, 2, 3, 4});
        Path f = dir.resolve("t-idx2-ubyte");
        Files.write(f, Arrays.copyOf(full, full.length - 1));
        var e = assertThrows(DataFileException.class, () -> Idx.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void badMagicWrongTypeTrailingBytesAndBadGzipAreErrors() throws IOException {
        Path magic = dir.resolve("m");
        Files.write(magic, new byte[] {1, 2, 3, 4, 0, 0, 0, 1, 9});
        assertTrue(assertThrows(DataFileException.class, () -> Idx.read(magic)).getMessage().contains("header"));
        Path type = dir.resolve("ty");
        Files.write(type, idx(0x0D, new int[] {1}, new byte[] {0, 0, 0, 0}));
        assertTrue(assertThrows(DataFileException.class, () -> Idx.read(type)).getMessage().contains("type 0x0d"));
        Path trailing = dir.resolve("tr");
        Files.write(trailing, idx(8, new int[] {2}, new byte[] {1, 2, 3}));
        assertTrue(assertThrows(DataFileException.class, () -> Idx.read(trailing)).getMessage().contains("trailing"));
        Path gz = dir.resolve("x.gz");
        Files.write(gz, new byte[] {1, 2, 3, 4, 5});
        assertTrue(assertThrows(DataFileException.class, () -> Idx.read(gz)).getMessage().contains("gzip"));
    }

    @Test
    void missingFileIsNamed() {
        Path f = dir.resolve("nope.gz");
        var e = assertThrows(DataFileException.class, () -> Idx.read(f));
        assertTrue(e.getMessage().contains("missing") && e.getMessage().contains("nope.gz"), e.getMessage());
    }
}
