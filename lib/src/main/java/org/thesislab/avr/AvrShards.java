package org.thesislab.avr;

import com.google.gson.GsonBuilder;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A benchmark on disk: each split (train, validation, test_train, test_heldout) in binary shards of at
 * most {@code shardSize} sequences, each shard with a CSV of the rationale and distractors of every
 * sequence, and a manifest.json naming the universe, its properties and rules, and the held-out set.
 *
 * <p>Shard layout (big-endian): magic "AVR1", count, n, channels, size, |P|; then the 8-bit images
 * (count, n, C, S, S); the class index of every sequence (int32); the abstract values (count, n, |P|)
 * (int32); the distractor flags (count, |P|) (one byte each).
 */
public final class AvrShards {

    private static final int MAGIC = 0x41565231; // "AVR1"

    private AvrShards() {
    }

    /** Generates the four splits of one held-out setting and writes them under {@code dir}. */
    public static void write(Benchmark b, HeldOut split, Path dir, int train, int validation, int test,
                             int shardSize, long seed) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("benchmark", b.name());
        manifest.put("image_size", b.renderer().size());
        manifest.put("channels", b.renderer().channels());
        manifest.put("length", b.generator().length());
        manifest.put("properties", b.universe().properties().stream().map(Property::name).toList());
        manifest.put("rules", b.universe().rules().stream().map(Rule::name).toList());
        manifest.put("class_index", "property * |R| + rule");
        manifest.put("heldout_setting", split.setting());
        manifest.put("heldout", split.heldOut().stream().map(b.universe()::describe).toList());
        manifest.put("seed", seed);
        Map<String, List<String>> files = new LinkedHashMap<>();
        String[] names = {"train", "validation", "test_train", "test_heldout"};
        int[] counts = {train, validation, test, test};
        try {
            Files.createDirectories(dir);
            for (int s = 0; s < names.length; s++) {
                List<String> shards = new ArrayList<>();
                List<Rationale> from = s == 3 ? split.heldOut() : split.train();
                for (int start = 0, k = 0; start < counts[s]; start += shardSize, k++) {
                    int count = Math.min(shardSize, counts[s] - start);
                    AvrDataset d = b.generate(from, count, seed * 1_000_003L + s * 10_007L + k);
                    String file = String.format("%s-%05d.avr", names[s], k);
                    writeShard(d, dir.resolve(file));
                    writeCsv(d, dir.resolve(file.replace(".avr", ".csv")));
                    shards.add(file);
                }
                files.put(names[s], shards);
            }
            manifest.put("shards", files);
            Files.writeString(dir.resolve("manifest.json"), new GsonBuilder().setPrettyPrinting().create().toJson(manifest));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the benchmark to " + dir, e);
        }
    }

    public static void writeShard(AvrDataset d, Path file) throws IOException {
        int numP = d.universe().numProperties();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeInt(MAGIC);
            out.writeInt(d.count());
            out.writeInt(d.length());
            out.writeInt(d.channels());
            out.writeInt(d.size());
            out.writeInt(numP);
            out.write(d.images());
            for (int l : d.labels()) {
                out.writeInt(l);
            }
            for (int v : d.values()) {
                out.writeInt(v);
            }
            for (boolean f : d.distractors()) {
                out.writeByte(f ? 1 : 0);
            }
        }
    }

    /** Reads one shard back; {@code universe} must be the one it was generated in. */
    public static AvrDataset readShard(Universe universe, Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException(file + " is not an AVR shard (bad magic); write it with AvrShards.write");
            }
            int count = in.readInt();
            int n = in.readInt();
            int channels = in.readInt();
            int size = in.readInt();
            int numP = in.readInt();
            if (numP != universe.numProperties()) {
                throw new IllegalArgumentException(file + " has " + numP + " properties but " + universe.name()
                        + " has " + universe.numProperties() + ": read it with the universe it was written from");
            }
            byte[] images = new byte[count * n * channels * size * size];
            in.readFully(images);
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = in.readInt();
            }
            int[] values = new int[count * n * numP];
            for (int i = 0; i < values.length; i++) {
                values[i] = in.readInt();
            }
            boolean[] distractors = new boolean[count * numP];
            for (int i = 0; i < distractors.length; i++) {
                distractors[i] = in.readByte() != 0;
            }
            return new AvrDataset(universe, n, channels, size, images, labels, values, distractors);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read AVR shard " + file, e);
        }
    }

    /** Every shard of one split ("train", "validation", "test_train", "test_heldout") listed in the manifest. */
    public static List<AvrDataset> read(Universe universe, Path dir, String split) {
        try {
            Map<?, ?> manifest = new com.google.gson.Gson().fromJson(Files.readString(dir.resolve("manifest.json")), Map.class);
            Map<?, ?> shards = (Map<?, ?>) manifest.get("shards");
            if (shards == null || !shards.containsKey(split)) {
                throw new IllegalArgumentException("no split '" + split + "' in " + dir + "; it has " + (shards == null ? "none" : shards.keySet()));
            }
            List<AvrDataset> out = new ArrayList<>();
            for (Object f : (List<?>) shards.get(split)) {
                out.add(readShard(universe, dir.resolve(f.toString())));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the manifest in " + dir, e);
        }
    }

    /** Reads every split back and checks each sequence with the verifier; returns the number checked. */
    public static int check(Universe universe, Path dir) {
        int checked = 0;
        for (String split : new String[] {"train", "validation", "test_train", "test_heldout"}) {
            for (AvrDataset d : read(universe, dir, split)) {
                int[][] v = new int[d.length()][universe.numProperties()];
                for (int i = 0; i < d.count(); i++) {
                    for (int panel = 0; panel < d.length(); panel++) {
                        for (int p = 0; p < universe.numProperties(); p++) {
                            v[panel][p] = d.value(i, panel, p);
                        }
                    }
                    List<Rationale> found = Verifier.rationales(universe, v);
                    if (found.size() != 1 || !found.get(0).equals(d.rationale(i))) {
                        throw new IllegalStateException(split + " sequence " + i + " complies with " + found
                                + ", not only with its label " + d.rationale(i));
                    }
                    checked++;
                }
            }
        }
        return checked;
    }

    private static void writeCsv(AvrDataset d, Path file) throws IOException {
        Universe u = d.universe();
        StringBuilder sb = new StringBuilder("index,class,rule,property,distractors\n");
        for (int i = 0; i < d.count(); i++) {
            Rationale r = d.rationale(i);
            List<String> ds = new ArrayList<>();
            for (int p = 0; p < u.numProperties(); p++) {
                if (d.distractor(i, p)) {
                    ds.add(u.property(p).name());
                }
            }
            sb.append(i).append(',').append(d.labels()[i]).append(',').append(u.rule(r.rule()).name()).append(',')
                    .append(u.property(r.property()).name()).append(",\"").append(String.join(";", ds)).append("\"\n");
        }
        Files.writeString(file, sb.toString());
    }

    /**
     * Command line: {@code AvrShards BENCHMARK OUT_DIR [setting=0] [train=100000] [validation=10000]
     * [test=50000] [imageSize=64] [shardSize=10000] [seed=0]} with BENCHMARK one of 3ds, raven,
     * raven-distractors; writes held-out setting {@code setting} and verifies every sequence read back.
     */
    public static void main(String[] args) {
        if (args.length < 2) {
            System.err.println("usage: AvrShards 3ds|raven|raven-distractors OUT_DIR [setting] [train] [validation] [test] "
                    + "[imageSize] [shardSize] [seed]");
            System.exit(2);
        }
        int[] def = {0, 100_000, 10_000, 50_000, 64, 10_000, 0};
        for (int i = 2; i < args.length && i - 2 < def.length; i++) {
            def[i - 2] = Integer.parseInt(args[i]);
        }
        Benchmark b = switch (args[0]) {
            case "3ds" -> Benchmark.shapes3d(def[4]);
            case "raven" -> Benchmark.raven(def[4], false);
            case "raven-distractors" -> Benchmark.raven(def[4], true);
            default -> throw new IllegalArgumentException("unknown benchmark '" + args[0] + "': use 3ds, raven or raven-distractors");
        };
        HeldOut split = args[0].equals("3ds") ? HeldOut.latinDiagonal(b.universe(), def[0])
                : HeldOut.sample(b.universe(), 8, 3, 2020).get(def[0]);
        long t0 = System.nanoTime();
        write(b, split, Path.of(args[1]), def[1], def[2], def[3], def[5], def[6]);
        System.out.printf("wrote %s in %.1f s%n", args[1], (System.nanoTime() - t0) / 1e9);
        System.out.printf("read back and verified %d sequences%n", check(b.universe(), Path.of(args[1])));
    }
}
