package org.thesislab.flextuning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;

/**
 * A network decomposed into named units, f = f^L ∘ … ∘ f^1 (thesis §4.1.2), with per-unit freezing
 * and the network surgery of fast-flex (Algorithm 4). Units are numbered 1..L as in the thesis.
 * The network owns its NDManager: {@link #copy()} gives an independent in-memory copy, so a sweep of
 * fine-tuning runs starts every run from the same source weights without reloading them.
 */
public final class UnitNetwork implements AutoCloseable {

    private final NDManager manager;
    private final List<Unit> units;

    private UnitNetwork(NDManager manager, List<Unit> units) {
        this.manager = manager;
        this.units = List.copyOf(units);
    }

    /** A network from units built on {@code manager} (which the network then owns). */
    public static UnitNetwork of(NDManager manager, List<Unit> units) {
        return new UnitNetwork(manager, units);
    }

    /**
     * The thesis' small MNIST network (Table 4.2: "4 layers = 4 units, 2 conv + 2 FC"), sized for 1x28x28
     * inputs: U1 conv3x3 1→c1 +ReLU +pool, U2 conv3x3 c1→c2 +ReLU +pool, U3 FC →hidden +ReLU, U4 FC →classes.
     * The thesis does not give widths; these are ours.
     */
    public static UnitNetwork fourUnit(NDManager parent, int c1, int c2, int hidden, int classes, long seed) {
        Random rnd = new Random(seed);
        NDManager m = parent.newSubManager();
        List<Unit> units = List.of(
                new Unit("U1 conv", List.of(Layer.conv(m, 1, c1, 3, true, rnd))),
                new Unit("U2 conv", List.of(Layer.conv(m, c1, c2, 3, true, rnd))),
                new Unit("U3 fc", List.of(Layer.dense(m, c2 * 7 * 7, hidden, true, rnd))),
                new Unit("U4 fc", List.of(Layer.dense(m, hidden, classes, false, rnd))));
        return new UnitNetwork(m, units);
    }

    /**
     * The default network of this chapter: 8/16 conv channels, 64 hidden units, 10 classes (about 52k
     * parameters; small enough for a sweep of hundreds of fine-tuning runs on a shared 2-core CPU).
     */
    public static UnitNetwork fourUnit(NDManager parent, long seed) {
        return fourUnit(parent, 8, 16, 64, 10, seed);
    }

    /** L, the number of units. */
    public int size() {
        return units.size();
    }

    /** Unit ℓ, 1-based as in the thesis. */
    public Unit unit(int l) {
        checkUnit(l);
        return units.get(l - 1);
    }

    public List<String> unitNames() {
        return units.stream().map(Unit::name).toList();
    }

    public long parameterCount() {
        return units.stream().mapToLong(Unit::parameterCount).sum();
    }

    public NDManager manager() {
        return manager;
    }

    /** f(x): all units. */
    public NDArray forward(NDArray x) {
        return forward(x, 1, units.size());
    }

    /** f^to ∘ … ∘ f^from (x), 1-based inclusive; from > to is the identity. */
    public NDArray forward(NDArray x, int from, int to) {
        NDArray y = x;
        for (int l = from; l <= to; l++) {
            y = unit(l).forward(y);
        }
        return y;
    }

    /** Freezes every unit except those listed (1-based), which are tuned. */
    public void tuneOnly(Collection<Integer> tuned) {
        for (int l : tuned) {
            checkUnit(l);
        }
        for (int l = 1; l <= units.size(); l++) {
            units.get(l - 1).setTuned(tuned.contains(l));
        }
    }

    public void freezeAll() {
        tuneOnly(List.of());
    }

    /** An independent deep copy of all weights, all units frozen. */
    public UnitNetwork copy() {
        NDManager m = manager.getParentManager().newSubManager();
        List<Unit> copies = new ArrayList<>();
        for (Unit u : units) {
            copies.add(u.copy(m));
        }
        return new UnitNetwork(m, copies);
    }

    /**
     * The proxy network of Algorithm 4: f^L ∘ … ∘ f^{ℓ+1} ∘ f^ℓ_tuned ∘ f^{ℓ-1} ∘ … ∘ f^1, i.e. a copy of
     * this (pre-trained) network whose unit ℓ is copied from {@code tuned}.
     */
    public UnitNetwork proxy(int l, UnitNetwork tuned) {
        if (tuned.size() != size()) {
            throw new IllegalArgumentException("Surgery needs networks with the same units: " + size() + " vs " + tuned.size());
        }
        UnitNetwork proxy = copy();
        proxy.unit(l).copyWeightsFrom(tuned.unit(l));
        return proxy;
    }

    /** Top-1 accuracy on (x, y), evaluated in batches of {@code batch} (no gradients are recorded). */
    public double accuracy(NDArray x, NDArray y, int from, int batch) {
        long n = x.getShape().get(0);
        if (y.getShape().get(0) != n) {
            throw new IllegalArgumentException("accuracy: " + n + " inputs but " + y.getShape().get(0) + " labels.");
        }
        long correct = 0;
        for (long start = 0; start < n; start += batch) {
            long end = Math.min(n, start + batch);
            try (NDManager sub = manager.newSubManager()) {
                NDArray xb = x.get(sub, new NDIndex(start + ":" + end));
                NDArray yb = y.get(sub, new NDIndex(start + ":" + end));
                NDArray pred = forward(xb, from, units.size()).argMax(1);
                correct += pred.toType(yb.getDataType(), false).eq(yb).sum().getLong();
            }
        }
        return n == 0 ? Double.NaN : (double) correct / n;
    }

    public double accuracy(NDArray x, NDArray y) {
        return accuracy(x, y, 1, 1000);
    }

    private void checkUnit(int l) {
        if (l < 1 || l > units.size()) {
            throw new IllegalArgumentException("Unit " + l + " does not exist: units are numbered 1.." + units.size() + ".");
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
