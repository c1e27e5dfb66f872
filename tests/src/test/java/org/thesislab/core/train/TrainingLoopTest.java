package org.thesislab.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.loss.Loss;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.thesislab.core.Seeds;
import org.thesislab.core.data.TensorDataset;

class TrainingLoopTest {
    @TempDir
    Path dir;

    /** Two Gaussian blobs, linearly separable, with a seeded draw. */
    static TensorDataset blobs(NDManager m, int n, long seed) {
        Seeds.seedEngine(seed);
        NDArray y = m.randomInteger(0, 2, new Shape(n), DataType.INT32);
        NDArray x = m.randomNormal(new Shape(n, 4)).add(y.toType(DataType.FLOAT32, false).mul(3f).expandDims(1));
        return new TensorDataset(new NDList(x), new NDList(y));
    }

    static Block mlp(NDManager m, long seed) {
        Seeds.seedEngine(seed);
        SequentialBlock net = new SequentialBlock().add(Linear.builder().setUnits(16).build())
                .add(Activation.reluBlock()).add(Linear.builder().setUnits(2).build());
        net.initialize(m, DataType.FLOAT32, new Shape(1, 4));
        return net;
    }

    static float[] flatParameters(Block block) {
        int n = 0;
        for (var p : block.getParameters()) {
            n += (int) p.getValue().getArray().size();
        }
        float[] out = new float[n];
        int k = 0;
        for (var p : block.getParameters()) {
            float[] v = p.getValue().getArray().toFloatArray();
            System.arraycopy(v, 0, out, k, v.length);
            k += v.length;
        }
        return out;
    }

    static TrainingLoop.Builder loop(Block net, NDManager m, int epochs) {
        return TrainingLoop.builder(net, Loss.softmaxCrossEntropyLoss(), new Adam(1e-2f), m)
                .batchSize(16).epochs(epochs).seed(3).metric(new Accuracy()).progress(false, "test");
    }

    @Test
    void learnsASeparableProblem() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorDataset data = blobs(m, 256, 1);
            TrainingLoop.Result r = loop(mlp(m, 2), m, 5).build().fit(data, data);
            assertTrue(r.last("val_Accuracy") > 0.95, "validation accuracy " + r.last("val_Accuracy"));
            assertTrue(r.history().doubleColumn("train_loss").get(4) < r.history().doubleColumn("train_loss").get(0));
            assertEquals(5, r.history().rowCount());
        }
    }

    @Test
    void polyakAveragingTrainsOnTheWeightsAndValidatesAndKeepsTheirAverage() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorDataset data = blobs(m, 32, 1);
            float[] w0 = flatParameters(mlp(m, 2));
            Block one = mlp(m, 2);
            loop(one, m, 1).batchSize(32).build().fit(data, null);
            Block two = mlp(m, 2);
            loop(two, m, 2).batchSize(32).build().fit(data, null);
            float[] w1 = flatParameters(one);
            float[] w2 = flatParameters(two);

            Block averaged = mlp(m, 2);
            TrainingLoop polyak = loop(averaged, m, 2).batchSize(32).polyakAveraging(0.5).build();
            TrainingLoop.Result r = polyak.fit(data, data);
            // one update per epoch: avg = 0.5 (0.5 w0 + 0.5 w1) + 0.5 w2, while training follows w0 -> w1 -> w2
            float[] avg = flatParameters(averaged);
            for (int i = 0; i < avg.length; i++) {
                assertEquals(0.25f * w0[i] + 0.25f * w1[i] + 0.5f * w2[i], avg[i], 1e-6f, "parameter " + i);
            }
            assertEquals(r.last("val_loss"), polyak.evaluate(data, "val_").get("val_loss"), 1e-9,
                    "the last validation saw the averages the block now holds");
            assertThrows(IllegalArgumentException.class, () -> loop(mlp(m, 2), m, 1).polyakAveraging(1.0).build().fit(data, null));
        }
    }

    @Test
    void withPolyakAveragingAResumedRunContinuesBothTheWeightsAndTheirAverageExactly() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorDataset data = blobs(m, 200, 1);
            Block straight = mlp(m, 2);
            TrainingLoop.Result whole = loop(straight, m, 4).polyakAveraging(0.9).build().fit(data, data);
            loop(mlp(m, 2), m, 2).polyakAveraging(0.9).checkpoints(dir).build().fit(data, data);
            Block resumed = mlp(m, 99);
            TrainingLoop.Result r = loop(resumed, m, 4).polyakAveraging(0.9).checkpoints(dir).build().fit(data, data);
            assertArrayEquals(flatParameters(straight), flatParameters(resumed), "the averages the block ends with");
            assertArrayEquals(whole.history().doubleColumn("val_loss").asDoubleArray(),
                    r.history().doubleColumn("val_loss").asDoubleArray(), "validation of the averages, epoch by epoch");
        }
    }

    @Test
    void resumingFromACheckpointContinuesExactlyAsAnUninterruptedRun() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorDataset data = blobs(m, 200, 1);
            Block straight = mlp(m, 2);
            loop(straight, m, 4).build().fit(data, null);

            Block first = mlp(m, 2);
            loop(first, m, 2).checkpoints(dir).build().fit(data, null);
            assertTrue(Files.isRegularFile(dir.resolve("last.ckpt")));
            Block resumed = mlp(m, 99);
            java.util.List<Integer> told = new java.util.ArrayList<>();
            TrainingLoop.Result r = loop(resumed, m, 4).checkpoints(dir)
                    .listener((epoch, row, history) -> told.add(history.rowCount())).build().fit(data, null);

            assertEquals(4, r.history().rowCount(), "the resumed history holds all four epochs");
            assertEquals(java.util.List.of(1, 2, 3, 4), told, "the listener is told the restored epochs first");
            assertArrayEquals(flatParameters(straight), flatParameters(resumed), "bit-identical after resume");
        }
    }

    @Test
    void anInterruptStopsBeforeTheNextStepAndTheRunResumesFromTheLastEpoch() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorDataset data = blobs(m, 200, 1);
            Block straight = mlp(m, 2);
            loop(straight, m, 4).build().fit(data, null);

            Block interrupted = mlp(m, 2);
            TrainingLoop cut = loop(interrupted, m, 4).checkpoints(dir)
                    .listener((epoch, row, history) -> {
                        if (epoch == 2) {
                            Thread.currentThread().interrupt();
                        }
                    }).build();
            TrainingInterruptedException e;
            try {
                e = assertThrows(TrainingInterruptedException.class, () -> cut.fit(data, null));
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt status stays set for the caller");
            } finally {
                Thread.interrupted();
            }
            assertEquals(3, e.epoch());
            assertEquals(1, e.batch());
            assertTrue(e.getMessage().contains("Training of test was interrupted at epoch 3, batch 1 of 13")
                    && e.getMessage().contains("resume after epoch 2 (" + dir.resolve("last.ckpt") + ")"), e.getMessage());

            Block resumed = mlp(m, 99);
            TrainingLoop.Result r = loop(resumed, m, 4).checkpoints(dir).build().fit(data, null);
            assertEquals(4, r.history().rowCount());
            float[] a = flatParameters(straight);
            float[] b = flatParameters(resumed);
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-6f, "parameter " + i + " differs after an interrupted run resumed");
            }
        }
    }

    @Test
    void anInterruptWithoutCheckpointsSaysTheRunStartsOver() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorDataset data = blobs(m, 64, 1);
            TrainingLoop loop = loop(mlp(m, 2), m, 2).build();
            Thread.currentThread().interrupt();
            try {
                var e = assertThrows(TrainingInterruptedException.class, () -> loop.fit(data, null));
                assertTrue(e.getMessage().contains("epoch 1, batch 1 of 4")
                        && e.getMessage().contains("Nothing was checkpointed, so running it again starts over."), e.getMessage());
            } finally {
                Thread.interrupted();
            }
        }
    }

    @Test
    void nanLossStopsWithAClearErrorAndSavesNothing() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorDataset data = blobs(m, 64, 1);
            data.features().get(0).set(new ai.djl.ndarray.index.NDIndex("10, 2"), Float.NaN);
            var e = assertThrows(NonFiniteLossException.class,
                    () -> loop(mlp(m, 2), m, 2).checkpoints(dir).build().fit(data, null));
            assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("epoch 1"), e.getMessage());
            assertTrue(e.getMessage().contains("learning rate"), e.getMessage());
            assertFalse(Files.exists(dir.resolve("last.ckpt")), "no checkpoint may be written for a NaN epoch");
        }
    }

    @Test
    void earlyStoppingStopsAndRestoresTheBestEpoch() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorDataset data = blobs(m, 128, 1);
            Block net = mlp(m, 2);
            TrainingLoop.Result r = loop(net, m, 10).earlyStopping("val_loss", false, 2).build().fit(data, data);
            assertTrue(r.epochsRun() <= 10);
            int best = r.bestEpoch();
            double bestLoss = r.history().doubleColumn("val_loss").min();
            assertEquals(bestLoss, r.history().doubleColumn("val_loss").get(best - 1), 1e-12);
            TrainingLoop evaluator = loop(net, m, 1).build();
            assertEquals(bestLoss, evaluator.evaluate(data, "val_").get("val_loss"), 1e-5,
                    "the block holds the best epoch's weights after fit");
        }
    }

    @Test
    void nativeMemoryStaysFlatAcrossEpochs() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorDataset data = blobs(m, 256, 1);
            Block net = mlp(m, 2);
            int[] counts = new int[4];
            loop(net, m, 4).listener((epoch, row, history) -> counts[epoch - 1] = m.getManagedArrays().size())
                    .build().fit(data, data);
            assertEquals(counts[1], counts[3], "arrays held by the root manager grew between epochs 2 and 4");
        }
    }

    @Test
    void badSettingsAreRejected() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block net = mlp(m, 2);
            assertThrows(IllegalArgumentException.class, () -> loop(net, m, 1).batchSize(0));
            TensorDataset data = blobs(m, 32, 1);
            var e = assertThrows(IllegalArgumentException.class,
                    () -> loop(net, m, 1).earlyStopping("val_nothing", true, 1).build().fit(data, data));
            assertTrue(e.getMessage().contains("val_nothing"), e.getMessage());
        }
    }

    @Test
    void aBatchHookSeesEveryStepAndItsLossTermsAreAveragedFromTheEpochTheyStart() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorDataset data = blobs(m, 48, 1);
            Block net = mlp(m, 2);
            int[] calls = new int[1];
            TrainingLoop.Result r = loop(net, m, 3).afterStep((epoch, batch, batches, b, predictions, scope) -> {
                calls[0]++;
                assertEquals(3, batches);
                assertEquals(b.size(), predictions.singletonOrThrow().getShape().get(0));
                return epoch < 2 ? java.util.Map.of() : java.util.Map.of("extra_loss", (double) (epoch * 10 + batch));
            }).build().fit(data, null);
            assertEquals(9, calls[0], "one call per step: 3 epochs x 3 batches");
            var extra = r.history().doubleColumn("extra_loss");
            assertTrue(extra.isMissing(0), "no term reported in epoch 1 (NaN, missing in Tablesaw)");
            assertEquals(22.0, extra.get(1), 1e-12, "mean of 21, 22, 23");
            assertEquals(32.0, extra.get(2), 1e-12);
        }
    }

    @Test
    void aNetworkTheBatchHookTrainsIsCheckpointedWithItsOptimizerAndResumesExactly() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorDataset data = blobs(m, 200, 1);
            Block[] straight = {mlp(m, 2), mlp(m, 5)};
            TrainingLoop.Result whole = withSecondNetwork(loop(straight[0], m, 4), straight[1], new Adam(1e-2f), m)
                    .build().fit(data, null);

            Block[] cut = {mlp(m, 2), mlp(m, 5)};
            withSecondNetwork(loop(cut[0], m, 2), cut[1], new Adam(1e-2f), m).checkpoints(dir).build().fit(data, null);
            Block[] resumed = {mlp(m, 98), mlp(m, 99)};
            TrainingLoop.Result r = withSecondNetwork(loop(resumed[0], m, 4), resumed[1], new Adam(1e-2f), m)
                    .checkpoints(dir).build().fit(data, null);

            assertEquals(4, r.history().rowCount());
            assertArrayEquals(flatParameters(straight[0]), flatParameters(resumed[0]), "the loop's model");
            assertArrayEquals(flatParameters(straight[1]), flatParameters(resumed[1]), "the network the hook trains");
            assertArrayEquals(whole.history().doubleColumn("second_loss").asDoubleArray(),
                    r.history().doubleColumn("second_loss").asDoubleArray(), "the hook's loss, restored and after resume");
            var e = assertThrows(IllegalStateException.class,
                    () -> loop(mlp(m, 2), m, 1).alsoTrains(mlp(m, 3), new Adam(1e-2f)).build());
            assertTrue(e.getMessage().contains("afterStep"), e.getMessage());
        }
    }

    /** A hook that trains {@code second} on every batch with its own optimizer (as ODGI's stage 2 does). */
    private static TrainingLoop.Builder withSecondNetwork(TrainingLoop.Builder loop, Block second, Adam adam, NDManager m) {
        TrainingStep step = TrainingStep.ofParameters("second", adam,
                second.getParameters().values().stream().filter(ai.djl.nn.Parameter::requiresGradient).toList());
        ai.djl.training.ParameterStore store = new ai.djl.training.ParameterStore(m, false);
        Loss loss = Loss.softmaxCrossEntropyLoss();
        return loop.afterStep((epoch, batch, batches, b, predictions, scope) -> java.util.Map.of("second_loss",
                (double) step.run(() -> loss.evaluate(b.labels(), second.forward(store, b.features(), true)), epoch, batch, batches)))
                .alsoTrains(second, adam);
    }

    @Test
    void plainArraysResumeFromACheckpointExactly() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorDataset data = blobs(m, 64, 1);
            NDArray straight = weights(m);
            arraysLoop(straight, m, 4).build().fit(data, null);
            arraysLoop(weights(m), m, 2).checkpoints(dir).build().fit(data, null);
            NDArray resumed = m.zeros(new Shape(4, 2));
            resumed.setRequiresGradient(true);
            TrainingLoop.Result r = arraysLoop(resumed, m, 4).checkpoints(dir).build().fit(data, null);
            assertEquals(4, r.history().rowCount());
            assertArrayEquals(straight.toFloatArray(), resumed.toFloatArray());
            var e = assertThrows(IllegalStateException.class, () -> arraysLoop(m.zeros(new Shape(3, 2)), m, 4)
                    .checkpoints(dir).build().fit(data, null));
            assertTrue(e.getMessage().contains("different model"), e.getMessage());
        }
    }

    private static NDArray weights(NDManager m) {
        Seeds.seedEngine(4);
        NDArray w = m.randomNormal(new Shape(4, 2));
        w.setRequiresGradient(true);
        return w;
    }

    private static TrainingLoop.Builder arraysLoop(NDArray w, NDManager m, int epochs) {
        return TrainingLoop.builder((x, training) -> new NDList(x.singletonOrThrow().matMul(w)), java.util.List.of(w),
                Loss.softmaxCrossEntropyLoss(), new Adam(1e-2f), m).batchSize(16).epochs(epochs).seed(3)
                .progress(false, "arrays");
    }

    @Test
    void plainArraysTrainWithinAStepBudgetAndEveryEpochIsValidatedTheLastOneToo() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorDataset data = blobs(m, 32, 1);
            Seeds.seedEngine(4);
            NDArray w = m.randomNormal(new Shape(4, 2));
            w.setRequiresGradient(true);
            int[] checks = new int[1];
            TrainingLoop.Result r = TrainingLoop.builder((x, training) -> new NDList(x.singletonOrThrow().matMul(w)),
                            java.util.List.of(w), Loss.softmaxCrossEntropyLoss(), new Adam(1e-2f), m)
                    .batchSize(16).epochs(4).maxSteps(5).seed(3).progress(false, "arrays")
                    .validation(() -> java.util.Map.of("val_checks", (double) ++checks[0]))
                    .build().fit(data, null);
            assertEquals(3, r.epochsRun(), "2 + 2 + 1 steps of 4 epochs of 2");
            assertEquals(3, checks[0], "the cut epoch is validated too");
            assertEquals(3.0, r.last("val_checks"));
        }
    }

    @Test
    void anyListenerCanEndTrainingBeforeAnEpoch() {
        try (NDManager m = NDManager.newBaseManager()) {
            TensorDataset data = blobs(m, 32, 1);
            TrainingListener twoEpochs = new TrainingListener() {
                @Override
                public void onEpochEnd(int epoch, java.util.Map<String, Double> row, tech.tablesaw.api.Table history) {
                }

                @Override
                public String stopBefore(int epoch) {
                    return epoch > 2 ? "a budget of two epochs" : null;
                }
            };
            TrainingLoop.Result r = loop(mlp(m, 2), m, 5).listener(twoEpochs).build().fit(data, null);
            assertEquals(2, r.epochsRun());
            assertEquals(2, r.history().rowCount());
        }
    }
}
