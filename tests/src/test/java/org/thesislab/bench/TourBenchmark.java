package org.thesislab.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.List;
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
            SequentialBlock net = FashionMnistTour.initializedConvNet(m);
            NDArray x = m.randomUniform(0, 1, new Shape(batch, 1, 28, 28));
            NDArray y = m.randomInteger(0, 10, new Shape(batch), DataType.INT32);
            List<Parameter> params = new ArrayList<>();
            net.getParameters().forEach(p -> {
                if (p.getValue().requiresGradient()) {
                    params.add(p.getValue());
                }
            });
            Adam adam = new Adam(1e-3f);
            ParameterStore store = new ParameterStore(m, false);
            Loss loss = Loss.softmaxCrossEntropyLoss();
            double ours = Bench.itemsPerSecond(() -> {
                try (NDManager step = m.newSubManager()) {
                    NDArray xs = x.duplicate();
                    xs.attach(step);
                    NDArray ys = y.duplicate();
                    ys.attach(step);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        gc.backward(loss.evaluate(new ai.djl.ndarray.NDList(ys), net.forward(store, new ai.djl.ndarray.NDList(xs), true)));
                    }
                    adam.step(params);
                }
            }, batch, 5, 40);
            double python = Bench.pythonItemsPerSecond("tour_convnet.py", String.valueOf(batch));
            Bench.report("tour convnet (Fashion-MNIST), train", "images", ours, python, Bench.peakMemoryMiB());
            assertTrue(ours > 0);
        }
    }
}
