package org.thesislab.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.thesislab.core.AtomicFiles;

/**
 * Fetching the thesis datasets for users with internet: resumable downloads (HTTP Range into a
 * {@code .part} file), SHA-256 verification before the file takes its final name, and archive extraction
 * that refuses entries escaping the target folder.
 */
public final class Downloads {
    private Downloads() {}

    /**
     * Downloads {@code uri} to {@code target}, resuming a {@code target.part} left by an interrupted run.
     * With a non-null {@code sha256} a mismatch deletes the partial file and fails; the final file appears
     * only once complete and verified. Returns the file's SHA-256.
     */
    public static String fetch(URI uri, Path target, String sha256) throws IOException {
        if (Files.isRegularFile(target)) {
            String have = FashionMnist.sha256(target);
            if (sha256 == null || have.equalsIgnoreCase(sha256)) {
                return have;
            }
            Files.delete(target);
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Files.createDirectories(target.toAbsolutePath().getParent());
        long have = Files.isRegularFile(part) ? Files.size(part) : 0;
        URLConnection connection = uri.toURL().openConnection();
        connection.setConnectTimeout(30_000);
        connection.setReadTimeout(60_000);
        if (have > 0) {
            connection.setRequestProperty("Range", "bytes=" + have + "-");
        }
        boolean append = have > 0;
        if (connection instanceof HttpURLConnection http) {
            int code = http.getResponseCode();
            if (code == 416) {
                append = true;
            } else if (code == 200) {
                append = false;
            } else if (code != 206) {
                throw new IOException("Downloading " + uri + " failed: HTTP " + code + " " + http.getResponseMessage());
            }
        }
        if (!(connection instanceof HttpURLConnection http && http.getResponseCode() == 416)) {
            try (InputStream in = connection.getInputStream();
                    OutputStream out = Files.newOutputStream(part, StandardOpenOption.CREATE,
                            append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
                in.transferTo(out);
            }
        }
        String actual = FashionMnist.sha256(part);
        if (sha256 != null && !actual.equalsIgnoreCase(sha256)) {
            Files.delete(part);
            throw new IOException("Downloaded " + uri + " has SHA-256 " + actual + ", expected " + sha256
                    + ". The partial file was deleted; run the fetch again (the server may have changed the file).");
        }
        AtomicFiles.move(part, target);
        return actual;
    }

    /**
     * Extracts a .zip, .tar, .tar.gz or .tgz archive into {@code dir} (created if needed). An entry whose
     * path would land outside {@code dir} (absolute, or with '..') aborts the extraction.
     */
    public static void extract(Path archive, Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        Files.createDirectories(root);
        String name = archive.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".zip")) {
            try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
                for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                    write(root, e.getName(), e.isDirectory(), zip, archive);
                }
            }
        } else if (name.endsWith(".tar") || name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            InputStream raw = Files.newInputStream(archive);
            InputStream in = name.endsWith(".tar") ? raw : new GZIPInputStream(raw, 1 << 16);
            try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    if (e.isSymbolicLink() || e.isLink()) {
                        throw new IOException("Archive " + archive + " holds a link (" + e.getName() + "); refusing to extract it.");
                    }
                    write(root, e.getName(), e.isDirectory(), tar, archive);
                }
            }
        } else {
            throw new IOException("Don't know how to extract " + archive + ": expected .zip, .tar, .tar.gz or .tgz.");
        }
    }

    private static void write(Path root, String entry, boolean directory, InputStream in, Path archive) throws IOException {
        Path target = root.resolve(entry).normalize();
        if (!target.startsWith(root) || Path.of(entry).isAbsolute()) {
            throw new IOException("Archive " + archive + " holds an entry outside the target folder: '" + entry
                    + "'. Refusing to extract it.");
        }
        if (directory) {
            Files.createDirectories(target);
        } else {
            AtomicFiles.write(target, in::transferTo);
        }
    }
}
