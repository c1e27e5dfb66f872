package org.thesislab.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the NaN-poisoning allocator (src/test/native/nan_poison.c) with the system's C compiler, once per build. */
final class NanPoison {
    private NanPoison() {}

    static synchronized Path library() throws IOException, InterruptedException {
        Path source = Path.of("src", "test", "native", "nan_poison.c").toAbsolutePath();
        Path lib = Path.of("target", "native", "libnan_poison.so").toAbsolutePath();
        if (Files.isRegularFile(lib) && Files.getLastModifiedTime(lib).compareTo(Files.getLastModifiedTime(source)) >= 0) {
            return lib;
        }
        Files.createDirectories(lib.getParent());
        // test classes run two at a time: each compiles to a file of its own and renames it into place
        Path partial = Files.createTempFile(lib.getParent(), "libnan_poison", ".so.partial");
        Process cc = new ProcessBuilder("cc", "-O2", "-shared", "-fPIC", "-o", partial.toString(), source.toString())
                .redirectErrorStream(true).start();
        String out = new String(cc.getInputStream().readAllBytes());
        if (cc.waitFor() != 0) {
            throw new IllegalStateException("Could not compile " + source + " (a C compiler is needed for the "
                    + "determinism harness: apt-get install gcc):\n" + out);
        }
        Files.move(partial, lib, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return lib;
    }
}
