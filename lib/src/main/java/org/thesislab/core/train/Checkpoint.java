package org.thesislab.core.train;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
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
 * One file holding everything needed to continue training: the model's parameters, the optimizer's state
 * and the loop's progress (epoch, history, best score). Written atomically: a crash mid-write leaves the
 * previous checkpoint intact.
 */
public final class Checkpoint {
    private static final int MAGIC = 0x54484C43; // "THLC"
    private static final int VERSION = 1;
    private static final Gson GSON = new com.google.gson.GsonBuilder().serializeSpecialFloatingPointValues().create();

    /** The loop's progress at the end of an epoch. */
    public record State(int epoch, double bestScore, int bestEpoch, int epochsWithoutImprovement,
            List<Map<String, Double>> history) {}

    private Checkpoint() {}

    public static void save(Path file, Block block, Optimizer optimizer, List<ai.djl.nn.Parameter> parameters,
            State position) {
        AtomicFiles.write(file, out -> {
            DataOutputStream data = new DataOutputStream(out);
            data.writeInt(MAGIC);
            data.writeInt(VERSION);
            byte[] meta = GSON.toJson(position).getBytes(StandardCharsets.UTF_8);
            data.writeInt(meta.length);
            data.write(meta);
            ByteArrayOutputStream params = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(params));
            data.writeInt(params.size());
            params.writeTo(data);
            byte[] state = optimizer.state(parameters).encode();
            data.writeInt(state.length);
            data.write(state);
            data.flush();
        });
    }

    /** Loads parameters and optimizer state into {@code block} and {@code optimizer}; returns the progress. */
    public static State load(Path file, Block block, Optimizer optimizer, List<ai.djl.nn.Parameter> parameters,
            NDManager manager) {
        try (InputStream in = Files.newInputStream(file)) {
            DataInputStream data = new DataInputStream(in);
            if (data.readInt() != MAGIC || data.readInt() != VERSION) {
                throw new IllegalStateException("Checkpoint " + file + " is not a Thesis Lab checkpoint (version "
                        + VERSION + "). Delete it to start training afresh.");
            }
            byte[] meta = data.readNBytes(data.readInt());
            State progress = GSON.fromJson(new String(meta, StandardCharsets.UTF_8), new TypeToken<State>() {}.getType());
            byte[] params = data.readNBytes(data.readInt());
            loadParameters(block, params, manager);
            byte[] state = data.readNBytes(data.readInt());
            try (NDManager scope = manager.newSubManager()) {
                optimizer.loadState(parameters, NDList.decode(scope, state));
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

    /** The parameters stored in a checkpoint, in the form {@link #restore} takes. */
    static byte[] parameterBytes(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            DataInputStream data = new DataInputStream(in);
            if (data.readInt() != MAGIC || data.readInt() != VERSION) {
                throw new IllegalStateException("Checkpoint " + file + " is not a Thesis Lab checkpoint (version "
                        + VERSION + "). Delete it to start training afresh.");
            }
            data.skipNBytes(data.readInt());
            return data.readNBytes(data.readInt());
        } catch (IOException e) {
            throw new UncheckedIOException("Checkpoint " + file + " could not be read: " + e.getMessage(), e);
        }
    }

    /** A snapshot of the parameters in memory (for restoring the best epoch). */
    static byte[] snapshot(Block block) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            block.saveParameters(new DataOutputStream(bytes));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void restore(Block block, byte[] snapshot, NDManager manager) {
        try {
            loadParameters(block, snapshot, manager);
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("Could not restore parameters: " + e.getMessage(), e);
        }
    }

    /** DJL's loadParameters replaces the arrays; trainable ones must record gradients again. */
    private static void loadParameters(Block block, byte[] bytes, NDManager manager) throws IOException, MalformedModelException {
        block.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(bytes)));
        for (var p : block.getParameters()) {
            if (p.getValue().requiresGradient()) {
                p.getValue().getArray().setRequiresGradient(true);
            }
        }
    }
}
