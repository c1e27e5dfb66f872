package org.thesislab.platform;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs 480 small 2-D convolutions (input channels 1-65, output channels 1-32, kernels 1 and 3, strides 1 and 2)
 * forward and backward and prints how many gave a NaN output, input gradient or weight gradient, and which:
 * {@code NaN in 0 of 480 convolution shapes}. With the heap poisoned with NaN bytes ({@link NanPoison}) a NaN
 * means the kernel read memory it had not written. Run in fresh JVMs by {@link ConvolutionsUnderPoisonTest} and
 * {@link OneDnnCanaryTest}.
 */
public final class ConvolutionGrid {
    static final String RESULT = "NaN in ";

    public static void main(String[] args) {
        Engine.getInstance().setRandomSeed(0);
        List<String> bad = new ArrayList<>();
        int total = 0;
        for (int in : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 24, 25, 31, 32, 33, 48, 64, 65}) {
            for (int out : new int[] {1, 8, 10, 16, 17, 32}) {
                for (int k : new int[] {1, 3}) {
                    for (int stride : new int[] {1, 2}) {
                        total++;
                        String nan = nanIn(in, out, k, stride);
                        if (!nan.isEmpty()) {
                            bad.add(String.format("in %d out %d kernel %d stride %d:%s", in, out, k, stride, nan));
                        }
                    }
                }
            }
        }
        System.out.println(RESULT + bad.size() + " of " + total + " convolution shapes" + (bad.isEmpty() ? "" : ": " + bad));
    }

    private static String nanIn(int in, int out, int k, int stride) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomUniform(-1, 1, new Shape(8, in, 12, 12));
            NDArray w = m.randomUniform(-1, 1, new Shape(out, in, k, k));
            NDArray b = m.zeros(new Shape(out));
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            String nan = "";
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray y = Conv2d.conv2d(x, w, b, new Shape(stride, stride), new Shape(k / 2, k / 2), new Shape(1, 1), 1)
                        .singletonOrThrow();
                nan += y.isNaN().any().getBoolean() ? " output" : "";
                gc.backward(y.mul(y).sum());
            }
            nan += x.getGradient().isNaN().any().getBoolean() ? " input gradient" : "";
            nan += w.getGradient().isNaN().any().getBoolean() ? " weight gradient" : "";
            return nan;
        }
    }
}
