package org.thesislab.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real HTTP server on the loopback address that honours Range requests. */
class DownloadsTest {
    @TempDir
    Path dir;

    HttpServer server;
    final AtomicReference<byte[]> served = new AtomicReference<>();
    final AtomicInteger rangeRequests = new AtomicInteger();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = served.get();
            String range = exchange.getRequestHeaders().getFirst("Range");
            int from = 0;
            if (range != null) {
                rangeRequests.incrementAndGet();
                from = Integer.parseInt(range.replace("bytes=", "").replace("-", ""));
            }
            byte[] part = Arrays.copyOfRange(body, from, body.length);
            exchange.sendResponseHeaders(range != null ? 206 : 200, part.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(part);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    URI uri(String file) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + file);
    }

    static byte[] content() {
        byte[] b = new byte[100_000];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        return b;
    }

    @Test
    void resumesAPartialDownloadAndVerifiesIt() throws IOException {
        byte[] body = content();
        served.set(body);
        Path target = dir.resolve("data.bin");
        Files.write(dir.resolve("data.bin.part"), Arrays.copyOf(body, 40_000));
        String sha = Downloads.fetch(uri("data.bin"), target, sha256(body));
        assertEquals(1, rangeRequests.get(), "the download should resume with a Range request");
        assertArrayEquals(body, Files.readAllBytes(target));
        assertEquals(sha256(body), sha);
        assertFalse(Files.exists(dir.resolve("data.bin.part")));
    }

    @Test
    void checksumMismatchLeavesNothingBehind() {
        served.set(content());
        Path target = dir.resolve("data.bin");
        var e = assertThrows(IOException.class, () -> Downloads.fetch(uri("data.bin"), target, "00".repeat(32)));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(dir.resolve("data.bin.part")));
    }

    @Test
    void catalogueFetchPinsAnUnpinnedHashAndEnforcesItLater() throws IOException {
        served.set(content());
        Path tsv = dir.resolve("datasets.tsv");
        Files.writeString(tsv, "# comment\ntoy\t" + uri("toy.bin") + "\t-\tno\ta toy file\n");
        Path out = dir.resolve("toy");
        DatasetFetcher.fetch(DatasetFetcher.catalogue(tsv), "toy", out);
        assertTrue(Files.readString(out.resolve("SHA256SUMS")).startsWith(sha256(content())));
        Files.delete(out.resolve("toy.bin"));
        byte[] changed = content();
        changed[5] ^= 1;
        served.set(changed);
        assertThrows(IOException.class, () -> DatasetFetcher.fetch(DatasetFetcher.catalogue(tsv), "toy", out));
        assertThrows(IllegalArgumentException.class, () -> DatasetFetcher.fetch(DatasetFetcher.catalogue(tsv), "nope", out));
    }

    @Test
    void everyShippedCatalogueParsesAndNamesEachDatasetOnce() throws IOException {
        Path scripts = Path.of(System.getProperty("thesislab.root", "..")).resolve("data-scripts");
        List<Path> catalogues;
        try (var walk = Files.walk(scripts, 2)) {
            catalogues = walk.filter(p -> p.getFileName().toString().equals("datasets.tsv")).sorted().toList();
        }
        assertTrue(catalogues.size() >= 3, "expected the core, ODGI and colorization catalogues: " + catalogues);
        java.util.Map<String, Path> owner = new java.util.HashMap<>();
        for (Path tsv : catalogues) {
            for (DatasetFetcher.Entry e : DatasetFetcher.catalogue(tsv)) {
                assertTrue(e.url().getScheme().startsWith("http"), tsv + ": " + e.url());
                assertTrue(e.sha256() == null || e.sha256().matches("[0-9a-f]{64}"), tsv + ": " + e.sha256());
                Path first = owner.putIfAbsent(e.dataset(), tsv);
                assertTrue(first == null || first.equals(tsv), e.dataset() + " is in both " + first + " and " + tsv);
            }
        }
        assertTrue(owner.keySet().containsAll(List.of("fashion-mnist", "vedai", "sdd", "cifar10")), owner.keySet().toString());
    }

    @Test
    void extractionRefusesEntriesOutsideTheFolder() throws IOException {
        Path zip = dir.resolve("evil.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            z.putNextEntry(new ZipEntry("ok/a.txt"));
            z.write("a".getBytes());
            z.putNextEntry(new ZipEntry("../escaped.txt"));
            z.write("b".getBytes());
        }
        Path out = dir.resolve("out");
        var e = assertThrows(IOException.class, () -> Downloads.extract(zip, out));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("escaped.txt")));
    }

    @Test
    void extractsTarGzArchives() throws IOException {
        Path tgz = dir.resolve("good.tar.gz");
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                new java.util.zip.GZIPOutputStream(Files.newOutputStream(tgz)))) {
            for (String name : List.of("set/labels.txt", "set/images/0.bin")) {
                TarArchiveEntry entry = new TarArchiveEntry(name);
                entry.setSize(3);
                tar.putArchiveEntry(entry);
                tar.write(new byte[] {1, 2, 3});
                tar.closeArchiveEntry();
            }
        }
        Downloads.extract(tgz, dir.resolve("x"));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(dir.resolve("x/set/images/0.bin")));
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
