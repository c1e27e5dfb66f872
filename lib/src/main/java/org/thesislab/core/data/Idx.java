package org.thesislab.core.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reader for the IDX format of (Fashion-)MNIST: a magic number (0x00 0x00 type rank), one big-endian int32
 * per dimension, then the values. Only unsigned bytes (type 0x08) are used by the datasets here. Files
 * ending in .gz are decompressed on the fly.
 */
public final class Idx {
    private static final int UNSIGNED_BYTE = 0x08;

    /** Dimensions and raw unsigned bytes (row-major). */
    public record Array(int[] dims, byte[] data) {
        public int count() {
            return dims[0];
        }

        /** Elements per example (the product of all dims but the first). */
        public int exampleSize() {
            int n = 1;
            for (int i = 1; i < dims.length; i++) {
                n *= dims[i];
            }
            return n;
        }
    }

    private Idx() {}

    public static Array read(Path file) {
        try (InputStream raw = open(file)) {
            return read(raw, file);
        } catch (NoSuchFileException e) {
            throw new DataFileException(file, "is missing", e);
        } catch (ZipException e) {
            throw new DataFileException(file, "is not a valid gzip file (" + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new DataFileException(file, "is truncated: it ends before all the values its header announces", e);
        } catch (IOException e) {
            throw new DataFileException(file, "could not be read (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static Array read(InputStream raw, Path file) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        int magic = in.readInt();
        int type = (magic >> 8) & 0xff;
        int rank = magic & 0xff;
        if ((magic >>> 16) != 0 || rank < 1 || rank > 4) {
            throw new DataFileException(file, String.format("has a bad IDX header (magic 0x%08x)", magic), null);
        }
        if (type != UNSIGNED_BYTE) {
            throw new DataFileException(file, String.format("holds IDX type 0x%02x; only unsigned bytes are supported", type), null);
        }
        int[] dims = new int[rank];
        long total = 1;
        for (int i = 0; i < rank; i++) {
            dims[i] = in.readInt();
            if (dims[i] <= 0) {
                throw new DataFileException(file, "has a non-positive dimension " + Arrays.toString(dims), null);
            }
            total *= dims[i];
        }
        if (total > Integer.MAX_VALUE - 8) {
            throw new DataFileException(file, "announces " + total + " values, too many for one array", null);
        }
        byte[] data = new byte[(int) total];
        in.readFully(data);
        if (in.read() != -1) {
            throw new DataFileException(file, "has trailing bytes after the " + total + " values its header announces", null);
        }
        return new Array(dims, data);
    }
}
