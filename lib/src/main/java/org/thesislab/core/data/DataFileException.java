package org.thesislab.core.data;

import java.nio.file.Path;

/** A data file that is missing, truncated or corrupt; the message names the file and the fix. */
public class DataFileException extends RuntimeException {
    private final Path file;

    public DataFileException(Path file, String problem, Throwable cause) {
        super("Data file " + file + " " + problem + ".", cause);
        this.file = file;
    }

    public DataFileException(Path file, String problem, String fix, Throwable cause) {
        super("Data file " + file + " " + problem + ". " + fix, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
