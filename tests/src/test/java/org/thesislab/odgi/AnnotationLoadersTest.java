package org.thesislab.odgi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** VEDAI and SDD annotation readers on small files written here. */
class AnnotationLoadersTest {

    @Test
    void vedaiCornersBecomeAnAxisAlignedNormalisedBox(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("00000001.txt");
        // A car rotated 45 degrees around (512, 256): corners at +-20 px; a second one partly outside the image.
        Files.writeString(file, "512 256 0.785 1 1 0 532 512 492 512 256 276 256 236\n"
                + "1020 10 0 2 0 0 1010 1030 1030 1010 0 0 20 20\n\n");
        List<Box> boxes = AnnotationLoaders.vedai(file, 1024);
        assertEquals(2, boxes.size());
        StageTransitionTest.assertBox(new Box(492 / 1024.0, 236 / 1024.0, 532 / 1024.0, 276 / 1024.0), boxes.get(0));
        StageTransitionTest.assertBox(new Box(1010 / 1024.0, 0, 1, 20 / 1024.0), boxes.get(1));
        Files.writeString(dir.resolve("fold01.txt"), "00000001\n");
        Map<String, List<Box>> all = AnnotationLoaders.vedaiFolder(dir, 1024);
        assertEquals(List.of("00000001"), List.copyOf(all.keySet()));
    }

    @Test
    void vedaiRejectsAWrongFieldCountWithTheFix(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("00000002.txt");
        Files.writeString(file, "00000002 512 256 0.785 1 1 0 532 512 492 512 256 276 256 236\n");   // the merged-file format
        var e = assertThrows(IllegalArgumentException.class, () -> AnnotationLoaders.vedai(file, 1024));
        assertTrue(e.getMessage().contains("14 fields") && e.getMessage().contains(":1:"), e.getMessage());
    }

    @Test
    void sddKeepsEveryFortiethFrameDropsLostBoxesAndPadsToASquare(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("annotations.txt");
        Files.writeString(file, String.join("\n",
                "0 100 50 120 90 0 0 0 0 \"Pedestrian\"",
                "0 102 52 122 92 1 0 0 1 \"Pedestrian\"",
                "1 300 200 340 260 40 0 1 0 \"Biker\"",
                "2 10 10 20 20 40 1 0 0 \"Car\"",
                "0 400 300 420 340 80 0 0 0 \"Pedestrian\"")); // frames 0, 40 and 80 are kept; frame 1 is not
        Map<Integer, List<Box>> frames = AnnotationLoaders.sdd(file, 800, 600, 40);
        assertEquals(List.of(0, 40, 80), List.copyOf(frames.keySet()));
        assertEquals(1, frames.get(40).size(), "the lost box of track 2 is dropped");
        StageTransitionTest.assertBox(new Box(100 / 800.0, 50 / 800.0, 120 / 800.0, 90 / 800.0), frames.get(0).get(0));
    }
}
