package org.thesislab.cpfs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
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
        CpfsExperiment.Settings s = CpfsExperiment.Settings.of(Scale.QUICK);
        try (NDManager m = NDManager.newBaseManager()) {
            EmbeddingNet net = CpfsExperiment.initialNet(CpfsExperiment.Arm.CPFS_CE, s, 0, m);
            MovingShapes.Clips clips = CpfsExperiment.source(s).render(m, 0, s.batchSize());
            NDArray frames = clips.frames();
            NDArray flow = Flow.normalize(clips.flow(), s.flowM());
            PretextLoss loss = new PretextLoss(PretextLoss.Kind.CE, s.sigma2(), s.size());
            List<Parameter> params = new ArrayList<>();
            net.getParameters().forEach(p -> {
                if (p.getValue().requiresGradient()) {
                    params.add(p.getValue());
                }
            });
            Adam adam = new Adam(s.learningRate());
            ParameterStore store = new ParameterStore(m, false);
            double ours = Bench.itemsPerSecond(() -> {
                try (NDManager step = m.newSubManager()) {
                    NDArray x = frames.duplicate();
                    x.attach(step);
                    NDArray f = flow.duplicate();
                    f.attach(step);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(loss.evaluate(new NDList(f), net.forward(store, new NDList(x), true)));
                    }
                    adam.step(params);
                }
            }, s.batchSize(), 5, 40);
            Bench.report("CPFS-CE embedding net (MovingShapes 32x32, P=128), train", "frame pairs", ours, Double.NaN, Bench.peakMemoryMiB());
            assertTrue(ours > 0);
        }
    }
}
