package org.thesislab.avr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.thesislab.core.nn.GradientReversal;
import static org.thesislab.core.nn.Scalars.over;

/**
 * The models of §2.6: a per-image encoder f followed by a reasoning module phi (§2.4.1).
 *
 * <ul>
 *   <li>{@link Kind#CNN}: the unconstrained baseline of Hoshen and Werman (2017), panels stacked along
 *       the channels of one convnet with an MLP on top.</li>
 *   <li>{@link Kind#RN}: the relation network of Santoro et al. (2017): a shared per-image encoder, an MLP g on
 *       every ordered pair of position-tagged panel embeddings, summed, and an MLP f ({@link RelationalHead}).</li>
 *   <li>{@link Kind#CNN_C}: systematic (2.2), the embedding split into |P| chunks f_p, and consistent
 *       (2.3), one MLP phi shared by all properties scoring the |R| rules from (f_p(x^1)..f_p(x^n)).</li>
 *   <li>{@link Kind#RN_C}: the same, with the relational head as phi, run on each property's sequence.</li>
 *   <li>{@link Kind#CNN_CO}, {@link Kind#RN_CO}: CNN-c / RN-c plus one binary domain classifier D_pq per pair of
 *       properties behind a gradient reversal layer, pushing towards weak obliviousness (Criterion 4, DANN).</li>
 *   <li>{@link Kind#CNN_STAR}, {@link Kind#CNN_STAR_C}: the oracles, whose encoder is supervised to output
 *       the abstract values (one number per property), with an unstructured or a consistent head.</li>
 * </ul>
 *
 * <p>Input: images (B, n, C, S, S), uint8 or float in [0, 1]. Output: rationale logits (B, |R||P|)
 * indexed {@code p * |R| + r}; systematic models add their codes (B, n, |P|, d); -co models in training mode
 * adds the domain logits (2 B n, pairs) (first half from f_p, label 0; second half from f_q, label 1).
 */
public final class RationaleModel extends AbstractBlock {

    /** The model variants of Table 2.2, in its order. */
    public enum Kind {
        CNN("CNN", false, false),
        RN("RN", false, false),
        CNN_C("CNN-c", true, false),
        RN_C("RN-c", true, false),
        CNN_CO("CNN-co", true, false),
        RN_CO("RN-co", true, false),
        CNN_STAR("CNN*", false, true),
        CNN_STAR_C("CNN*-c", true, true);

        private final String label;
        private final boolean consistent;
        private final boolean oracle;

        Kind(String label, boolean consistent, boolean oracle) {
            this.label = label;
            this.consistent = consistent;
            this.oracle = oracle;
        }

        public String label() {
            return label;
        }

        /** C2: one reasoning module shared by all properties. */
        public boolean consistent() {
            return consistent;
        }

        /** Encoder supervised with the abstract values (C3 by supervision). */
        public boolean oracle() {
            return oracle;
        }

        /** C1: the embedding is split per property. */
        public boolean systematic() {
            return this != CNN && this != RN;
        }

        /** The reasoning module is a relation network ({@link RelationalHead}). */
        public boolean relational() {
            return this == RN || this == RN_C || this == RN_CO;
        }

        /** Weak C3 by DANN: pairwise domain classifiers behind a gradient reversal layer. */
        public boolean adversarial() {
            return this == CNN_CO || this == RN_CO;
        }

        public static Kind parse(String label) {
            for (Kind k : values()) {
                if (k.label.equalsIgnoreCase(label) || k.name().equalsIgnoreCase(label)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("unknown model '" + label + "'; use one of CNN, RN, CNN-c, RN-c, CNN-co, RN-co, CNN*, CNN*-c");
        }
    }

    /**
     * Layer sizes; the thesis gives none (§2.6 names only the base architectures), so these are this
     * reproduction's choice.
     */
    public record Sizes(int codeDim, int channels1, int channels2, int encoderHidden, int headHidden, int domainHidden) {
        public static Sizes small() {
            return new Sizes(4, 16, 32, 64, 64, 32);
        }
    }

    private final Kind kind;
    private final int numProperties;
    private final int numRules;
    private final int length;
    private final int codeDim;
    private final int[][] pairs;
    private final float[] forbidden;
    private final Block trunk;
    private final Block head;
    private final Block domain;
    private final GradientReversal reversal = new GradientReversal(0f);
    private float lambdaMax;
    private long rampSteps;
    private java.util.function.LongSupplier stepsTaken;

    public RationaleModel(Kind kind, Universe universe, int length, Sizes sizes) {
        this.kind = kind;
        this.numProperties = universe.numProperties();
        this.numRules = universe.numRules();
        this.length = length;
        this.codeDim = kind.oracle() ? universe.oracleDim() : sizes.codeDim();
        int classes = universe.numClasses();
        int p = numProperties;
        // forbidden rationales (Raven) get -1e4 added to their logits: never a target, never predicted
        boolean any = false;
        float[] mask = new float[classes];
        for (int c = 0; c < classes; c++) {
            if (!universe.isPermitted(universe.rationale(c))) {
                mask[c] = -1e4f;
                any = true;
            }
        }
        this.forbidden = any ? mask : null;
        this.pairs = new int[p * (p - 1) / 2][];
        for (int a = 0, i = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                pairs[i++] = new int[] {a, b};
            }
        }
        if (kind == Kind.CNN) {
            trunk = addChildBlock("cnn", convnet(sizes, sizes.headHidden() * 2));
            head = addChildBlock("mlp", mlp(sizes.headHidden(), classes));
        } else {
            SequentialBlock encoder = (SequentialBlock) convnet(sizes, p * codeDim);
            if (!kind.oracle()) {
                // bounded codes: the reversed domain gradient cannot push them to infinity
                encoder.add(Activation.tanhBlock());
            }
            trunk = addChildBlock("encoder", encoder);
            int outputs = kind.consistent() ? numRules : classes;
            head = addChildBlock("phi", kind.relational() ? new RelationalHead(length, sizes.headHidden(), outputs)
                    : mlp(sizes.headHidden(), outputs));
        }
        if (kind.adversarial()) {
            // D_pq for every pair, as one grouped 1x1 convolution: group i only sees pair i's input.
            int g = pairs.length;
            domain = addChildBlock("domain", new SequentialBlock()
                    .add(Conv1d.builder().setKernelShape(new Shape(1)).setFilters(g * sizes.domainHidden()).optGroups(g).build())
                    .add(Activation.reluBlock())
                    .add(Conv1d.builder().setKernelShape(new Shape(1)).setFilters(g).optGroups(g).build()));
        } else {
            domain = null;
        }
    }

    private static Block convnet(Sizes s, int out) {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1))
                        .setFilters(s.channels1()).build())
                .add(Activation.reluBlock())
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optStride(new Shape(2, 2)).optPadding(new Shape(1, 1))
                        .setFilters(s.channels2()).build())
                .add(Activation.reluBlock())
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(s.encoderHidden()).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(out).build());
    }

    private static Block mlp(int hidden, int out) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(out).build());
    }

    public Kind kind() {
        return kind;
    }

    public int codeDim() {
        return codeDim;
    }

    /** The (p, q) property pairs of the domain classifiers, in output order. */
    public int[][] pairs() {
        return pairs;
    }

    /** The current reversal weight lambda of the domain branch. */
    public float reversalWeight() {
        return reversal.lambda();
    }

    /**
     * Ganin's schedule: over {@code steps} training steps the reversal weight rises as
     * lambdaMax * (2 / (1 + exp(-10 t)) - 1), t = step / steps, starting from 0. The step is the optimizer's
     * ({@code stepsTaken}: the updates completed before this one), so a run resumed from a checkpoint, which restores
     * the optimizer, continues the ramp where it stopped.
     */
    public void rampReversal(float lambdaMax, long steps, java.util.function.LongSupplier stepsTaken) {
        this.lambdaMax = lambdaMax;
        this.rampSteps = steps;
        this.stepsTaken = stepsTaken;
        reversal.setLambda(0f);
    }

    /** Initializes the parameters for images of the given channels and size. */
    public RationaleModel initialize(NDManager manager, int channels, int size) {
        initialize(manager, DataType.FLOAT32, new Shape(1, length, channels, size, size));
        return this;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        long c = in.get(2);
        long s = in.get(3);
        if (kind == Kind.CNN) {
            Shape stacked = new Shape(1, length * c, s, s);
            trunk.initialize(manager, dataType, stacked);
            head.initialize(manager, dataType, trunk.getOutputShapes(new Shape[] {stacked})[0]);
            return;
        }
        trunk.initialize(manager, dataType, new Shape(1, c, s, s));
        long panel = kind.consistent() ? codeDim : (long) numProperties * codeDim;
        head.initialize(manager, dataType, kind.relational() ? new Shape(1, length, panel) : new Shape(1, length * panel));
        if (domain != null) {
            domain.initialize(manager, dataType, new Shape(1, (long) pairs.length * codeDim, 1));
        }
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray images = inputs.head();
        Shape shape = images.getShape();
        if (shape.dimension() != 5 || shape.get(1) != length) {
            throw new IllegalArgumentException("expected images (B, " + length + ", C, S, S), got " + shape);
        }
        long batch = shape.get(0);
        long c = shape.get(2);
        long s = shape.get(3);
        NDArray x = images.getDataType() == DataType.UINT8 ? over(images.toType(DataType.FLOAT32, false), 255) : images;
        if (kind == Kind.CNN) {
            NDArray h = trunk.forward(store, new NDList(x.reshape(batch, length * c, s, s)), training).head();
            return new NDList(mask(head.forward(store, new NDList(h), training).head()));
        }
        // f(x) = (f_p(x))_p per image (2.2): codes (B, n, P, d)
        NDArray embeddings = trunk.forward(store, new NDList(x.reshape(batch * length, c, s, s)), training).head();
        if (kind == Kind.RN) {
            // unsplit: the relational head sees whole panel embeddings
            NDArray panels = embeddings.reshape(batch, length, (long) numProperties * codeDim);
            return new NDList(mask(head.forward(store, new NDList(panels), training).head()));
        }
        NDArray codes = embeddings.reshape(batch, length, numProperties, codeDim);
        NDArray logits = mask(reason(store, codes, training));
        NDList out = new NDList(logits, codes);
        if (domain != null && training) {
            if (rampSteps > 0) {
                reversal.setLambda(lambdaMax * GradientReversal.ganinRamp(stepsTaken.getAsLong() / (double) rampSteps));
            }
            out.add(domainLogits(store, codes, true));
        }
        return out;
    }

    private NDArray mask(NDArray logits) {
        return forbidden == null ? logits : logits.add(logits.getManager().create(forbidden).reshape(1, forbidden.length));
    }

    /**
     * The reasoning module on codes (B, n, P, d): rationale logits (B, |R||P|). For consistent models
     * s_{r,p}(x) = phi(f_p(x^1), ..., f_p(x^n))_r (2.3), phi running on the B * P property sequences.
     */
    public NDArray reason(ParameterStore store, NDArray codes, boolean training) {
        if (!kind.systematic()) {
            throw new IllegalStateException(kind.label() + " has no per-property codes to reason on");
        }
        long batch = codes.getShape().get(0);
        if (kind.consistent()) {
            NDArray perProperty = codes.transpose(0, 2, 1, 3);
            perProperty = kind.relational() ? perProperty.reshape(batch * numProperties, length, codeDim)
                    : perProperty.reshape(batch * numProperties, (long) length * codeDim);
            return head.forward(store, new NDList(perProperty), training).head().reshape(batch, (long) numProperties * numRules);
        }
        return head.forward(store, new NDList(codes.reshape(batch, (long) length * numProperties * codeDim)), training).head();
    }

    /**
     * D_pq(GRL(f_p(x))) and D_pq(GRL(f_q(x))) for every image and pair: logits (2 M, pairs), the first M
     * rows from f_p (domain 0), the last M from f_q (domain 1), M = B * n images.
     */
    public NDArray domainLogits(ParameterStore store, NDArray codes, boolean training) {
        if (domain == null) {
            throw new IllegalStateException(kind.label() + " has no domain classifiers; only CNN-co and RN-co do");
        }
        long m = codes.getShape().get(0) * length;
        NDArray perImage = GradientReversal.reverse(codes.reshape(m, numProperties, codeDim), reversal.lambda());
        NDManager mgr = codes.getManager();
        long[] first = new long[pairs.length];
        long[] second = new long[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            first[i] = pairs[i][0];
            second[i] = pairs[i][1];
        }
        NDArray a = perImage.get(":, {}", mgr.create(first)).reshape(m, (long) pairs.length * codeDim, 1);
        NDArray b = perImage.get(":, {}", mgr.create(second)).reshape(m, (long) pairs.length * codeDim, 1);
        NDArray in = a.concat(b, 0);
        return domain.forward(store, new NDList(in), training).head().reshape(2 * m, pairs.length);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        long batch = inputShapes[0].get(0);
        Shape logits = new Shape(batch, (long) numProperties * numRules);
        if (!kind.systematic()) {
            return new Shape[] {logits};
        }
        return new Shape[] {logits, new Shape(batch, length, numProperties, codeDim)};
    }

    /** Number of trainable scalars. */
    public long parameterCount() {
        long total = 0;
        for (var pair : getParameters()) {
            total += pair.getValue().getArray().size();
        }
        return total;
    }
}
