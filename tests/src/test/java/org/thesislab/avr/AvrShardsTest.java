package org.thesislab.avr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AvrShardsTest {

    @Test
    void writesShardsAndReadsThemBackUnchanged(@TempDir Path dir) throws Exception {
        Benchmark b = Benchmark.shapes3d(16);
        HeldOut split = HeldOut.latinDiagonal(b.universe(), 1);
        AvrShards.write(b, split, dir, 250, 40, 60, 100, 5);
        List<AvrDataset> train = AvrShards.read(b.universe(), dir, "train");
        assertEquals(3, train.size(), "250 sequences in shards of 100");
        assertEquals(50, train.get(2).count());
        assertEquals(250 + 40 + 60 + 60, AvrShards.check(b.universe(), dir));
        for (AvrDataset d : AvrShards.read(b.universe(), dir, "test_heldout")) {
            for (int i = 0; i < d.count(); i++) {
                assertTrue(split.isHeldOut(d.rationale(i)));
            }
        }
        // the same generation in memory gives the same bytes as the shard on disk
        AvrDataset again = b.generate(split.train(), 100, 5 * 1_000_003L);
        assertArrayEquals(again.images(), train.get(0).images());
        assertArrayEquals(again.labels(), train.get(0).labels());
        assertTrue(Files.readString(dir.resolve("train-00000.csv")).startsWith("index,class,rule,property,distractors"));
        assertTrue(Files.readString(dir.resolve("manifest.json")).contains("\"heldout_setting\": 1"));
    }

    @Test
    void aForeignFileIsAClearError(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.avr");
        Files.write(f, new byte[64]);
        var e = assertThrows(IllegalArgumentException.class, () -> AvrShards.readShard(Shapes3D.universe(), f));
        assertTrue(e.getMessage().contains("not an AVR shard"));
    }
}
