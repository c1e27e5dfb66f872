package org.thesislab.core.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line fetcher behind {@code data-scripts/fetch}: reads the catalogues ({@code data-scripts/datasets.tsv} and
 * one {@code datasets.tsv} per chapter folder; fields: name, file URL, SHA-256 or '-', extract yes/no, description)
 * and fetches a dataset's files into a folder.
 * For a file whose SHA-256 the catalogue does not pin, the hash seen on first download is recorded in
 * {@code SHA256SUMS} in that folder and enforced from then on.
 */
public final class DatasetFetcher {
    private DatasetFetcher() {}

    public record Entry(String dataset, URI url, String sha256, boolean extract, String description) {}

    public static List<Entry> catalogue(Path tsv) throws IOException {
        List<Entry> out = new ArrayList<>();
        int line = 0;
        for (String row : Files.readAllLines(tsv)) {
            line++;
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] f = row.split("\t");
            if (f.length < 5) {
                throw new IOException(tsv + " line " + line + ": expected 5 tab-separated fields, got " + f.length);
            }
            out.add(new Entry(f[0], URI.create(f[1]), f[2].equals("-") ? null : f[2], f[3].equals("yes"), f[4]));
        }
        return out;
    }

    /** Fetches (and extracts) every file of {@code dataset} into {@code dir}; returns the files' hashes. */
    public static Map<String, String> fetch(List<Entry> catalogue, String dataset, Path dir) throws IOException {
        List<Entry> files = catalogue.stream().filter(e -> e.dataset().equals(dataset)).toList();
        if (files.isEmpty()) {
            throw new IllegalArgumentException("Unknown dataset '" + dataset + "'. Known: "
                    + catalogue.stream().map(Entry::dataset).distinct().toList());
        }
        Path sums = dir.resolve("SHA256SUMS");
        Map<String, String> pinned = readSums(sums);
        Map<String, String> seen = new LinkedHashMap<>();
        for (Entry e : files) {
            String fileName = Path.of(e.url().getPath()).getFileName().toString();
            String expected = e.sha256() != null ? e.sha256() : pinned.get(fileName);
            Path target = dir.resolve(fileName);
            System.out.println("fetching " + e.url() + (expected == null ? " (first download: its SHA-256 will be pinned)" : ""));
            String sha = Downloads.fetch(e.url(), target, expected);
            seen.put(fileName, sha);
            pinned.put(fileName, sha);
            writeSums(sums, pinned);
            if (e.extract()) {
                Downloads.extract(target, dir);
            }
        }
        return seen;
    }

    private static Map<String, String> readSums(Path sums) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        if (Files.isRegularFile(sums)) {
            for (String row : Files.readAllLines(sums)) {
                String[] f = row.trim().split("\\s+", 2);
                if (f.length == 2) {
                    out.put(f[1], f[0]);
                }
            }
        }
        return out;
    }

    private static void writeSums(Path sums, Map<String, String> pinned) {
        StringBuilder s = new StringBuilder();
        pinned.forEach((file, sha) -> s.append(sha).append("  ").append(file).append('\n'));
        org.thesislab.core.AtomicFiles.writeString(sums, s.toString());
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: DatasetFetcher DATASET DIR CATALOGUE.tsv...");
            System.exit(2);
        }
        try {
            List<Entry> all = new ArrayList<>();
            for (int i = 2; i < args.length; i++) {
                all.addAll(catalogue(Path.of(args[i])));
            }
            fetch(all, args[0], Path.of(args[1]));
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}
