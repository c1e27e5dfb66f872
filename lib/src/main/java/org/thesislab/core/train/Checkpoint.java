package org.thesislab.core.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.thesislab.core.AtomicFiles;

/**
 * One file holding everything needed to continue training: the weights of what is trained and the state of the
 * optimizer that updates them (one {@link Part} for the loop's model, one more for each network a batch hook trains,
 * e.g. ODGI's second stage), and the loop's progress (epoch, history, best score). Written atomically: a crash
 * mid-write leaves the previous checkpoint intact.
 */
public final class Checkpoint {
    private static final int MAGIC = 0x54484C43; // "THLC"
    private static final int VERSION = 2;
    private static final Gson GSON = new com.google.gson.GsonBuilder().serializeSpecialFloatingPointValues().create();

    /** The loop's progress at the end of an epoch. */
    public record State(int epoch, double bestScore, int bestEpoch, int epochsWithoutImprovement,
            List<Map<String, Double>> history) {}

    /**
     * Trained weights and the optimizer that steps them: a block's trainable parameters, or plain arrays under a
     * forward function. Loading puts the saved values back into the same block or the same arrays.
     */
    public static final class Part {
        private final Block block;
        private final List<Parameter> parameters;
        private final List<NDArray> arrays;
        private final Optimizer optimizer;

        private Part(Block block, List<Parameter> parameters, List<NDArray> arrays, Optimizer optimizer) {
            this.block = block;
            this.parameters = parameters;
            this.arrays = arrays;
            this.optimizer = optimizer;
        }

        /** A block whose {@code trainable} parameters {@code optimizer} steps. */
        public static Part ofBlock(Block block, List<Parameter> trainable, Optimizer optimizer) {
            return new Part(block, List.copyOf(trainable), null, optimizer);
        }

        /** Plain arrays that {@code optimizer} steps; with a null optimizer, arrays kept beside the weights. */
        public static Part ofArrays(List<NDArray> arrays, Optimizer optimizer) {
            return new Part(null, null, List.copyOf(arrays), optimizer);
        }

        /** The arrays the optimizer keys its state by (a parameter's array changes when a block is loaded). */
        private List<NDArray> stepped() {
            return arrays != null ? arrays : parameters.stream().map(Parameter::getArray).toList();
        }

        /** The weights as bytes ({@link #loadWeights} takes them back). */
        byte[] weights() {
            try {
                if (arrays != null) {
                    return new NDList(arrays).encode();
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                block.saveParameters(new DataOutputStream(bytes));
                return bytes.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /**
         * Puts saved weights back. DJL's loadParameters replaces a block's arrays, so trainable ones record gradients
         * again; plain arrays are written in place (pausing the gradient, which forbids in-place writes).
         */
        void loadWeights(byte[] bytes, NDManager manager) throws IOException, MalformedModelException {
            if (arrays == null) {
                block.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes)));
                for (var p : block.getParameters()) {
                    if (p.getValue().requiresGradient()) {
                        p.getValue().getArray().setRequiresGradient(true);
                    }
                }
                return;
            }
            try (NDManager scope = manager.newSubManager()) {
                NDList saved = NDList.decode(scope, bytes);
                if (saved.size() != arrays.size()) {
                    throw new MalformedModelException("it holds " + saved.size() + " arrays; this model trains " + arrays.size());
                }
                for (int i = 0; i < arrays.size(); i++) {
                    NDArray a = arrays.get(i);
                    if (!saved.get(i).getShape().equals(a.getShape()) || a.getDataType() != DataType.FLOAT32) {
                        throw new MalformedModelException("array " + i + " is " + saved.get(i).getShape() + " "
                                + saved.get(i).getDataType() + "; this model's is " + a.getShape() + " " + a.getDataType());
                    }
                    boolean recording = a.hasGradient();
                    a.setRequiresGradient(false);
                    a.set(saved.get(i).toFloatArray());
                    a.setRequiresGradient(recording);
                }
            }
        }

        private byte[] optimizerState() {
            if (optimizer == null) {
                return new byte[0];
            }
            List<NDArray> stepped = stepped();
            try (NDManager scope = stepped.get(0).getManager().newSubManager()) {
                return optimizer.state(stepped, scope).encode();
            }
        }

        private void loadOptimizerState(byte[] bytes, NDManager manager) {
            if (optimizer == null) {
                return;
            }
            try (NDManager scope = manager.newSubManager()) {
                optimizer.loadState(stepped(), NDList.decode(scope, bytes));
            }
        }
    }

    private Checkpoint() {}

    public static void save(Path file, List<Part> parts, State position) {
        AtomicFiles.write(file, out -> {
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(MAGIC);
            data.writeInt(VERSION);
            writeBlob(data, GSON.toJson(position).getBytes(StandardCharsets.UTF_8));
            data.writeInt(parts.size());
            for (Part part : parts) {
                writeBlob(data, part.weights());
                writeBlob(data, part.optimizerState());
            }
            data.flush();
        });
    }

    /** Loads every part's weights and optimizer state; returns the progress. */
    public static State load(Path file, List<Part> parts, NDManager manager) {
        try (InputStream in = Files.newInputStream(file)) {
            DataInputStream data = open(file, in);
            State progress = GSON.fromJson(new String(readBlob(data), StandardCharsets.UTF_8),
                    new TypeToken<State>() {}.getType());
            int count = data.readInt();
            if (count != parts.size()) {
                throw new MalformedModelException("it holds " + count + " trained parts; this training has " + parts.size());
            }
            for (Part part : parts) {
                part.loadWeights(readBlob(data), manager);
                part.loadOptimizerState(readBlob(data), manager);
            }
            return progress;
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("No checkpoint at " + file + ".", e);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            if (e instanceof IllegalStateException ise && ise.getMessage().startsWith("Checkpoint")) {
                throw ise;
            }
            throw new IllegalStateException("Checkpoint " + file + " could not be read (" + e.getMessage()
                    + "): it is damaged or was written for a different model. Delete it to start afresh.", e);
        }
    }

    /** The weights of the first part (the loop's model) stored in a checkpoint, in the form {@link #restore} takes. */
    static byte[] weightBytes(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            DataInputStream data = open(file, in);
            readBlob(data);
            data.readInt();
            return readBlob(data);
        } catch (IOException e) {
            throw new UncheckedIOException("Checkpoint " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    /** Puts weights from {@link Part#weights} (a snapshot in memory or from a checkpoint) back. */
    static void restore(Part part, byte[] weights, NDManager manager) {
        try {
            part.loadWeights(weights, manager);
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("Could not restore the weights: " + e.getMessage(), e);
        }
    }

    private static DataInputStream open(Path file, InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        if (data.readInt() != MAGIC || data.readInt() != VERSION) {
            throw new IllegalStateException("Checkpoint " + file + " is not a Thesis Lab checkpoint (version "
                    + VERSION + "). Delete it to start training afresh.");
        }
        return data;
    }

    private static void writeBlob(DataOutputStream data, byte[] bytes) throws IOException {
        data.writeInt(bytes.length);
        data.write(bytes);
    }

    private static byte[] readBlob(DataInputStream data) throws IOException {
        return data.readNBytes(data.readInt());
    }
}
