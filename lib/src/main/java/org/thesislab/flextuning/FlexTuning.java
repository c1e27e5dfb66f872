package org.thesislab.flextuning;

import org.thesislab.core.Seeds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three unit-selection criteria of thesis §4.1.2-4.1.3, on one transfer problem.
 * <ul>
 *   <li>{@link #flex} (Algorithm 3): fine-tune every unit alone and all units; keep the best on D_val.</li>
 *   <li>{@link #fastFlex} (Algorithm 4): fine-tune all units; rank units by the proxies f_prox-ℓ (the
 *       pre-trained network with unit ℓ copied from f_ft-all); fine-tune the best unit of the ORIGINAL network;
 *       return it if a_ft-best ≥ a_ft-all, else f_ft-all.</li>
 *   <li>{@link #fasterFlex} (Algorithm 5): as fast-flex with f_ft-all trained for a single epoch; always
 *       returns the fine-tuned unit.</li>
 * </ul>
 * Fine-tuning runs are shared through {@link Candidates}: a run is determined by (data, scheme, seed), so the
 * ft-ℓ run a fast-flex needs is the same run flex made. Each method's {@link Cost} still counts every run
 * it needs, as if it ran alone (thesis Table 4.1).
 */
public final class FlexTuning {

    private FlexTuning() {
    }

    /** What a selection method returned on one transfer problem; proxyPick is the proxy argmax (fast/faster only, else -1). */
    public record Selection(String method, Scheme pick, int proxyPick, double valAccuracy, double testAccuracy,
                            Cost cost, double[] proxyScores, List<String> runsUsed) {
    }

    /**
     * The fine-tuning runs of one transfer problem, each made once on first use and shared by all methods.
     * Tuned networks are kept only where a method needs them (ft-all and ft-all(1 epoch), for surgery).
     */
    public static final class Candidates implements AutoCloseable {
        private final UnitNetwork source;
        private final TransferData data;
        private final Protocol protocol;
        private final long seed;
        private final Map<String, FineTuneRun> runs = new LinkedHashMap<>();

        public Candidates(UnitNetwork source, TransferData data, Protocol protocol, long seed) {
            this.source = source;
            this.data = data;
            this.protocol = protocol;
            this.seed = seed;
        }

        public UnitNetwork source() {
            return source;
        }

        public TransferData data() {
            return data;
        }

        public int numUnits() {
            return source.size();
        }

        /** The run of {@code scheme}; its seed depends only on (seed, scheme), not on the order of requests. */
        public FineTuneRun get(Scheme scheme) {
            return runs.computeIfAbsent(scheme.name(), k -> {
                boolean keep = scheme.units().size() == numUnits() && !scheme.scaleShift();
                return FineTuner.run(source, scheme, data, protocol, Seeds.derive(seed, scheme.name().hashCode()), keep);
            });
        }

        /** Every run made so far, in order of first request. */
        public List<FineTuneRun> runs() {
            return List.copyOf(runs.values());
        }

        @Override
        public void close() {
            for (FineTuneRun r : runs.values()) {
                if (r.network() != null) {
                    r.network().close();
                }
            }
            runs.clear();
        }
    }

    /** Algorithm 3: argmax over X ∈ {1..L, all} of a_ft-X (ties go to the earlier candidate, single units first). */
    public static Selection flex(Candidates c) {
        int numUnits = c.numUnits();
        List<Scheme> candidates = new ArrayList<>(Scheme.singleUnits(numUnits));
        candidates.add(Scheme.all(numUnits));
        FineTuneRun best = null;
        Cost cost = Cost.ZERO;
        List<String> used = new ArrayList<>();
        for (Scheme s : candidates) {
            FineTuneRun r = c.get(s);
            cost = cost.plus(r.cost());
            used.add(s.name());
            if (best == null || r.valAccuracy() > best.valAccuracy()) {
                best = r;
            }
        }
        return new Selection("flex", best.scheme(), -1, best.valAccuracy(), best.testAccuracy(),
                cost, null, used);
    }

    /** Algorithm 4 (fast-flex). */
    public static Selection fastFlex(Candidates c) {
        FineTuneRun all = c.get(Scheme.all(c.numUnits()));
        Proxies proxies = proxies(c, all);
        FineTuneRun best = c.get(Scheme.unit(proxies.best()));
        Cost cost = all.cost().plus(proxies.cost()).plus(best.cost());
        FineTuneRun chosen = best.valAccuracy() >= all.valAccuracy() ? best : all;
        return new Selection("fast-flex", chosen.scheme(), proxies.best(), chosen.valAccuracy(), chosen.testAccuracy(),
                cost, proxies.scores(), List.of(all.scheme().name(), "proxies", best.scheme().name()));
    }

    /** Algorithm 5 (faster-flex): f_ft-all trained for one epoch only; never falls back to ft-all. */
    public static Selection fasterFlex(Candidates c) {
        FineTuneRun oneEpoch = c.get(Scheme.allOneEpoch(c.numUnits()));
        Proxies proxies = proxies(c, oneEpoch);
        FineTuneRun best = c.get(Scheme.unit(proxies.best()));
        Cost cost = oneEpoch.cost().plus(proxies.cost()).plus(best.cost());
        return new Selection("faster-flex", best.scheme(), proxies.best(), best.valAccuracy(), best.testAccuracy(),
                cost, proxies.scores(), List.of(oneEpoch.scheme().name(), "proxies", best.scheme().name()));
    }

    /** A baseline: a fixed scheme, no selection (ft-fc(1) is ft-L, the last unit). */
    public static Selection baseline(Candidates c, String method, Scheme scheme) {
        FineTuneRun r = c.get(scheme);
        return new Selection(method, scheme, -1, r.valAccuracy(), r.testAccuracy(), r.cost(),
                null, List.of(scheme.name()));
    }

    /** The proxy scores a_ℓ (validation accuracy of f_prox-ℓ) and what evaluating them cost. */
    public record Proxies(double[] scores, int best, Cost cost) {
    }

    /** a_ℓ = accuracy on D_val of the source network with unit ℓ copied from {@code tuned} (forward passes only). */
    public static Proxies proxies(Candidates c, FineTuneRun tuned) {
        if (tuned.network() == null) {
            throw new IllegalStateException("Proxies need the tuned network of " + tuned.scheme() + "; it was not kept.");
        }
        long t0 = System.nanoTime();
        int numUnits = c.numUnits();
        double[] scores = new double[numUnits];
        int best = 1;
        for (int l = 1; l <= numUnits; l++) {
            try (UnitNetwork proxy = c.source().proxy(l, tuned.network())) {
                scores[l - 1] = proxy.accuracy(c.data().valX(), c.data().valY());
            }
            if (scores[l - 1] > scores[best - 1]) {
                best = l;
            }
        }
        Cost cost = Cost.validationOnly((long) numUnits * c.data().valSize(), (System.nanoTime() - t0) / 1e9);
        return new Proxies(scores, best, cost);
    }
}
