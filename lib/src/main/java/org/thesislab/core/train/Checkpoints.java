package org.thesislab.core.train;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.thesislab.core.Configs;

/**
 * Where a chapter's trainings keep their checkpoints: one folder per trained model, under a folder named by the
 * chapter's configuration and seed. Training the same models again with the same configuration resumes each from its
 * last completed epoch (a finished one is not trained again); a changed configuration or seed gets folders of its own,
 * so it never resumes from another run's weights.
 */
public final class Checkpoints {
    private static final Checkpoints NONE = new Checkpoints(null);
    private final Path dir;

    private Checkpoints(Path dir) {
        this.dir = dir;
    }

    /** No checkpoints: every training starts afresh. */
    public static Checkpoints none() {
        return NONE;
    }

    /** Checkpoints under {@code root}, in a folder for this configuration and seed. */
    public static Checkpoints in(Path root, Record config, long seed) {
        if (root == null) {
            throw new IllegalArgumentException("No folder for checkpoints given: pass a folder, or use Checkpoints.none().");
        }
        // Named by the chapter (OdgiExperiment.Config gives "odgiexperiment"), the seed and the configuration's values.
        Class<?> named = config.getClass().getEnclosingClass() != null ? config.getClass().getEnclosingClass() : config.getClass();
        return new Checkpoints(root.resolve(named.getSimpleName().toLowerCase() + "-seed" + seed + "-"
                + fingerprint(Configs.flatten(config).toString())));
    }

    /** The folder of one trained model (its name made file-safe), or null when there are no checkpoints. */
    public Path forModel(String model) {
        return dir == null ? null : dir.resolve(model.replaceAll("[^A-Za-z0-9._-]+", "-"));
    }

    /** The folder of this configuration's checkpoints, or null when there are none. */
    public Path dir() {
        return dir;
    }

    private static String fingerprint(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
