package org.thesislab.cpfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.thesislab.core.nn.GcPressure;
import org.thesislab.core.nn.Scalars;

class PreImageTest {
    /** x(v, u, k) of a 2x2 RGB image, channel-first. */
    static final double[] X = {1, 2, 3, 4, /* G */ 0, -1, 2, 0, /* B */ 5, 5, 5, 5};

    @Test
    void regularisersMatchTheirDefinitions() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(X, new Shape(1, 3, 2, 2));
            double alpha = 6, b = 2;
            double expected = 0;
            for (int p = 0; p < 4; p++) {
                double n2 = X[p] * X[p] + X[4 + p] * X[4 + p] + X[8 + p] * X[8 + p];
                expected += Math.pow(n2, alpha / 2);
            }
            expected /= 4 * Math.pow(b, alpha);
            assertEquals(expected, PreImage.boundedRange(x, alpha, b).getDouble(0), 1e-9 * expected);
            // Only pixel (0, 0) has both a right and a lower neighbour.
            double v = 1.5;
            double tv2 = 0;
            double tv1 = 0;
            for (int k = 0; k < 3; k++) {
                double dx = X[k * 4 + 1] - X[k * 4];
                double dy = X[k * 4 + 2] - X[k * 4];
                tv2 += dx * dx + dy * dy;
                tv1 += Math.sqrt(dx * dx + dy * dy);
            }
            assertEquals(tv2 / (4 * v * v), PreImage.totalVariation(x, 2, v).getDouble(0), 1e-9);
            assertEquals(tv1 / (4 * v), PreImage.totalVariation(x, 1, v).getDouble(0), 1e-6);
        }
    }

    @Test
    void regulariserGradientsMatchFiniteDifferences() {
        try (NDManager m = NDManager.newBaseManager()) {
            Random r = new Random(3);
            double[] x = new double[2 * 3 * 4 * 5];
            for (int i = 0; i < x.length; i++) {
                x[i] = r.nextGaussian() * 30;
            }
            Shape shape = new Shape(2, 3, 4, 5);
            check(m, x, shape, a -> PreImage.boundedRange(a, 6, 40).sum());
            check(m, x, shape, a -> PreImage.totalVariation(a, 2, 40 / 6.5).sum());
            check(m, x, shape, a -> PreImage.totalVariation(a, 1, 40 / 6.5).sum());
        }
    }

    private static void check(NDManager m, double[] x, Shape shape, Function<NDArray, NDArray> f) {
        NDArray a = m.create(x, shape);
        a.setRequiresGradient(true);
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.backward(f.apply(a));
        }
        double[] analytic = a.getGradient().toType(DataType.FLOAT64, false).toDoubleArray();
        double h = 1e-4;
        for (int i = 0; i < x.length; i += 7) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            double numeric = (f.apply(m.create(plus, shape)).getDouble() - f.apply(m.create(minus, shape)).getDouble()) / (2 * h);
            assertEquals(numeric, analytic[i], 1e-6 + 1e-4 * Math.abs(numeric), "component " + i);
        }
    }

    /**
     * The energy's gradient is the same whether or not a GC falls between forward and backward. Before
     * {@link Scalars} it was not: the rare non-finite pre-image gradients at a finite
     * image came from the freed 1/255 of the network's view.
     */
    @Test
    void energyGradientDoesNotDependOnWhenTheGcRuns() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(4);
            NDArray x = m.randomNormal(new Shape(2, 3, 6, 6)).mul(40f);
            NDArray code = m.randomNormal(new Shape(2, 3, 6, 6));
            Function<NDArray, NDArray> view = a -> Scalars.over(a, 255);
            Function<NDArray, NDArray> energy = a -> PreImage.boundedRange(a, 6, 40)
                    .add(PreImage.totalVariation(a, 1, 6))
                    .add(PreImage.caricature(v -> v, code).apply(view.apply(a)))
                    .add(PreImage.activation(v -> v, new int[] {0, 2}, 3).apply(view.apply(a)));
            float[] calm = GcPressure.inputGradient(x, energy, false);
            float[] collected = GcPressure.inputGradient(x, energy, true);
            assertArrayEquals(calm, collected);
        }
    }

    /**
     * Inverting the identity "network" with C = 300 recovers a smooth image (the TV prior is meant for natural,
     * piecewise-smooth images; i.i.d. noise would be smoothed away by design).
     */
    @Test
    void inversionOfTheIdentityRecoversTheImage() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray mean = m.create(new float[] {0.5f, 0.5f, 0.5f}).reshape(1, 3, 1, 1);
            float[] smooth = new float[3 * 8 * 8];
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < 8; y++) {
                    for (int x = 0; x < 8; x++) {
                        smooth[(c * 8 + y) * 8 + x] = (float) (0.5 + 0.3 * Math.sin(x / 3.0 + c) * Math.cos(y / 4.0 - c));
                    }
                }
            }
            NDArray target = m.create(smooth, new Shape(1, 3, 8, 8));
            double b = Visualisation.statistics(target).b();
            PreImage.Settings s = PreImage.Settings.defaults(b, 300, 800, 1, 0);
            NDArray start = m.randomNormal(new Shape(1, 3, 8, 8)).mul(5f);
            NDArray x = PreImage.optimise(start, PreImage.inversion(v -> v, target), mean, s, 0);
            NDArray recovered = x.div(255f).add(mean);
            double before = start.div(255f).add(mean).sub(target).square().sum().getFloat() / target.square().sum().getFloat();
            double after = recovered.sub(target).square().sum().getFloat() / target.square().sum().getFloat();
            assertTrue(after < before / 5, "normalised error " + before + " -> " + after);
            assertTrue(x.abs().max().getFloat() <= s.bPlus() + 1e-3);
        }
    }

    @Test
    void caricatureLossIsMinusTheNormalisedProjectionOnTheRectifiedCode() {
        try (NDManager m = NDManager.newBaseManager()) {
            // Φ = identity; Φ₀ = max(0, x₀) keeps only the positive entries (1 and 3)
            NDArray x0 = m.create(new float[] {1, -2, 3, 0}, new Shape(1, 1, 2, 2));
            var loss = PreImage.caricature(v -> v, x0);
            NDArray at = m.create(new float[] {2, 5, 1, 7}, new Shape(1, 1, 2, 2));
            assertEquals(-(2 * 1 + 1 * 3) / 10.0, loss.apply(at).getFloat(0), 1e-6);
            assertEquals(-1.0, loss.apply(x0.maximum(0f)).getFloat(0), 1e-6);
            // minimising it moves x further along Φ₀: after a few steps the projection exceeds the start's
            NDArray mean = m.zeros(new Shape(1, 1, 1, 1));
            // B = 500 keeps the regularisers small next to the data term at these pixel values
            PreImage.Settings s = PreImage.Settings.defaults(500, 1000, 20, 1, 0);
            NDArray start = x0.mul(255f);
            NDArray x = PreImage.optimise(start.repeat(1, 3), v -> loss.apply(v.get(":, 0:1")), mean.repeat(1, 3), s, 0);
            assertTrue(loss.apply(x.get(":, 0:1").div(255f)).getFloat(0) < loss.apply(start.div(255f)).getFloat(0));
        }
    }
}
