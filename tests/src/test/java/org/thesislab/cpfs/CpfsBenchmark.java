package org.thesislab.cpfs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.thesislab.bench.Bench;
import org.thesislab.core.Scale;
import org.thesislab.core.train.Adam;

/** CPFS-CE pre-training throughput (frame pairs per second) at the 'quick' sizes: batch 16, P = 128, 32x32. */
@Tag("benchmark")
class CpfsBenchmark {
    @Test
    void cpfsCeTrainingThroughput() {
        CpfsExperiment.Config s = CpfsExperiment.Config.forScale(Scale.QUICK);
        try (NDManager m = NDManager.newBaseManager()) {
            PixelEmbeddingNet net = CpfsExperiment.initialNet(CpfsExperiment.Arm.CPFS_CE, s, 0, m);
            MovingShapes.Clips clips = CpfsExperiment.source(s).render(m, 0, s.batchSize());
            NDArray frames = clips.frames();
            NDArray flow = Flow.normalize(clips.flow(), s.flowM());
            PretextLoss loss = new PretextLoss(PretextLoss.Kind.CE, s.sigma2(), s.size());
            double ours = Bench.trainingItemsPerSecond(net, frames, flow, loss, new Adam(s.learningRate()), s.batchSize());
            Bench.report("CPFS-CE embedding net (MovingShapes 32x32, P=128), train", "frame pairs", ours, Double.NaN, Bench.peakMemoryMiB());
            assertTrue(ours > 0);
        }
    }
}
