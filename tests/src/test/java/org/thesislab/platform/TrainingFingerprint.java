package org.thesislab.platform;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.evaluator.Accuracy;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.thesislab.avr.AvrExperiment;
import org.thesislab.avr.RationaleModel;
import org.thesislab.colorization.ColorizationExperiment;
import org.thesislab.core.Scale;
import org.thesislab.core.Threads;
import org.thesislab.core.train.Adam;
import org.thesislab.core.train.SoftmaxCrossEntropy;
import org.thesislab.core.train.TrainingLoop;
import org.thesislab.cpfs.CpfsExperiment;
import org.thesislab.flextuning.FlexExperiment;
import org.thesislab.ganeval.GanEvalExperiment;
import org.thesislab.odgi.OdgiExperiment;
import org.thesislab.odgi.OdgiTraining;
import org.thesislab.tour.FashionMnistTour;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Trains one chapter (seed 0; 'smoke' scale unless a third argument names another) and writes every number
 * the training produced, one {@code path=value} line each, floats as their exact bits: trained parameters, per-epoch
 * losses, metrics. Wall-clock times are left out. Two runs that write the same file trained bit-identically. Run by {@link DeterminismTest} in
 * fresh JVMs under different memory conditions, and by {@link SoakTest} at 'quick' under CPU load:
 * {@code java -cp ... TrainingFingerprint CHAPTER OUT_FILE [SCALE]}.
 */
public final class TrainingFingerprint {
    /** The chapters, in notebook order. */
    public static final List<String> CHAPTERS = List.of("tour", "avr", "odgi", "colorization", "cpfs", "flextuning", "ganeval");

    private static final Pattern TIMING = Pattern.compile("(?i).*(second|millis|elapsed)s?.*|ms.*|time");

    private final List<String> lines = new ArrayList<>();
    private final IdentityHashMap<Object, Boolean> seen = new IdentityHashMap<>();

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3 || !CHAPTERS.contains(args[0])) {
            System.err.println("usage: TrainingFingerprint " + String.join("|", CHAPTERS) + " OUT_FILE [smoke|quick|paper]");
            System.exit(2);
        }
        Scale scale = args.length == 3 ? Scale.parse(args[2]) : Scale.SMOKE;
        Threads.configure();
        TrainingFingerprint f = new TrainingFingerprint();
        try (NDManager manager = NDManager.newBaseManager()) {
            f.walk(args[0], train(args[0], scale, manager));
        }
        Path out = Path.of(args[1]);
        Files.write(out, f.lines, StandardCharsets.UTF_8);
        System.out.println("fingerprint of " + args[0] + ": " + f.lines.size() + " values -> " + out);
    }

    private static Object train(String chapter, Scale scale, NDManager m) {
        switch (chapter) {
            case "tour": {
                var s = FashionMnistTour.Config.forScale(scale);
                var data = FashionMnistTour.load(m, s, 0);
                Block net = FashionMnistTour.initializedConvNet(m, 0);
                var result = TrainingLoop.builder(net, new SoftmaxCrossEntropy(), new Adam(s.learningRate()), m)
                        .batchSize(s.batchSize()).epochs(2).seed(0).metric(new Accuracy())
                        .progress(false, "tour").build().fit(data.train(), data.validation());
                return List.of(net, result);
            }
            case "avr": {
                var cfg = AvrExperiment.Config.forScale(scale)
                        .withModels(RationaleModel.Kind.CNN, RationaleModel.Kind.CNN_CO, RationaleModel.Kind.RN_CO);
                // CNN stacks the 9 panels along the channels: the 9-channel convolution oneDNN's AVX2 kernel misread
                return List.copyOf(AvrExperiment.run(cfg, 0, org.thesislab.core.train.Checkpoints.none()).outcomes().values());
            }
            case "odgi": {
                var c = OdgiExperiment.Config.forScale(scale);
                return OdgiExperiment.train(m, c, OdgiExperiment.data(c), OdgiTraining.Listener.SILENT,
                        org.thesislab.core.train.Checkpoints.none());
            }
            case "colorization": {
                ColorizationExperiment exp = new ColorizationExperiment(ColorizationExperiment.Config.forScale(scale), 0).quiet();
                return List.of(exp.train(ColorizationExperiment.Variant.PIC), exp.train(ColorizationExperiment.Variant.L2));
            }
            case "cpfs":
                return CpfsExperiment.run(CpfsExperiment.Config.forScale(scale), 0, org.thesislab.core.train.Checkpoints.none());
            case "flextuning":
                return FlexExperiment.run(FlexExperiment.Config.forScale(scale), 0, org.thesislab.core.train.Checkpoints.none());
            case "ganeval":
                return GanEvalExperiment.run(GanEvalExperiment.Config.forScale(scale), 0, org.thesislab.core.train.Checkpoints.none());
            default:
                throw new IllegalArgumentException(chapter);
        }
    }

    /** Writes every number reachable from {@code value}: records, collections, maps, arrays, tables, blocks, tensors. */
    private void walk(String path, Object value) {
        if (value == null) {
            lines.add(path + "=null");
            return;
        }
        if (value instanceof Double d) {
            lines.add(path + "=" + Long.toHexString(Double.doubleToRawLongBits(d)));
        } else if (value instanceof Float x) {
            lines.add(path + "=" + Integer.toHexString(Float.floatToRawIntBits(x)));
        } else if (value instanceof Number || value instanceof Boolean || value instanceof CharSequence
                || value instanceof Enum || value instanceof Character) {
            lines.add(path + "=" + value);
        } else if (seen.put(value, Boolean.TRUE) != null) {
            return;
        } else if (value instanceof NDArray a) {
            walk(path, a.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray());
        } else if (value instanceof ai.djl.Model model) {
            walk(path + ".block", model.getBlock());
        } else if (value instanceof Block block) {
            for (var p : block.getParameters()) {
                if (p.getValue().isInitialized()) {
                    walk(path + "." + p.getKey(), p.getValue().getArray());
                }
            }
        } else if (value instanceof Table t) {
            for (Column<?> c : t.columns()) {
                if (!TIMING.matcher(c.name()).matches()) {
                    for (int r = 0; r < c.size(); r++) {
                        walk(path + "." + c.name() + "[" + r + "]", c.get(r));
                    }
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                walk(path + "[" + e.getKey() + "]", e.getValue());
            }
        } else if (value instanceof Iterable<?> it) {
            int i = 0;
            for (Object o : it) {
                walk(path + "[" + i++ + "]", o);
            }
        } else if (value.getClass().isArray()) {
            int n = java.lang.reflect.Array.getLength(value);
            for (int i = 0; i < n; i++) {
                walk(path + "[" + i + "]", java.lang.reflect.Array.get(value, i));
            }
        } else if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                if (!TIMING.matcher(c.getName()).matches()) {
                    walk(path + "." + c.getName(), invoke(c, value));
                }
            }
        } else if (value.getClass().getName().startsWith("org.thesislab")) {
            // A trained model of a chapter (a detector, a network): its blocks, tensors and numbers.
            for (Class<?> k = value.getClass(); k != null && k != Object.class; k = k.getSuperclass()) {
                for (Field f : k.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || NDManager.class.isAssignableFrom(f.getType())
                            || TIMING.matcher(f.getName()).matches()) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        walk(path + "." + f.getName(), f.get(value));
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        lines.add(path + "." + f.getName() + "=<unreadable>");
                    }
                }
            }
        }
    }

    private static Object invoke(RecordComponent c, Object record) {
        try {
            c.getAccessor().setAccessible(true);
            return c.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
