package org.thesislab.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.thesislab.core.Seeds;
import org.thesislab.core.train.Adam;
import org.thesislab.tour.FashionMnistTour;

@Tag("benchmark")
class TourBenchmark {
    @Test
    void fashionMnistConvnetTrainingThroughput() {
        int batch = 128;
        try (NDManager m = NDManager.newBaseManager()) {
            Seeds.seedEngine(0);
            SequentialBlock net = FashionMnistTour.initializedConvNet(m, 0);
            NDArray x = m.randomUniform(0, 1, new Shape(batch, 1, 28, 28));
            NDArray y = m.randomInteger(0, 10, new Shape(batch), DataType.INT32);
            double ours = Bench.trainingItemsPerSecond(net, x, y, Loss.softmaxCrossEntropyLoss(), new Adam(1e-3f), batch);
            double python = Bench.pythonItemsPerSecond("tour_convnet.py", String.valueOf(batch));
            Bench.report("tour convnet (Fashion-MNIST), train", "images", ours, python, Bench.peakMemoryMiB());
            assertTrue(ours > 0);
        }
    }
}
