package org.thesislab.core.nn;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The library never passes a Java number to the tensor ops whose backward pass reads it, nor uses DJL's
 * losses that do (see {@link Scalars}): such a call compiles and usually works, and corrupts a gradient
 * whenever a GC falls between forward and backward. Checked on the compiled classes of lib.
 */
class NoBorrowedScalarsTest {
    private static final Pattern UNSAFE = Pattern.compile(
            "ai/djl/ndarray/NDArrays?\\.(mul|div|pow|maximum|minimum|mod|muli|divi|powi|modi):\\((Lai/djl/ndarray/NDArray;)?Ljava/lang/Number;"
            + "|ai/djl/training/loss/Loss\\.\\w+Loss:");
    private static final Pattern METHOD = Pattern.compile("^  \\S.*\\(.*\\).*;$");

    @Test
    void libraryUsesScalarsForNumberOperands() throws Exception {
        Path lib = Path.of(Scalars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> classes = new ArrayList<>();
        if (Files.isDirectory(lib)) {
            try (Stream<Path> files = Files.walk(lib)) {
                files.filter(f -> f.toString().endsWith(".class"))
                        .forEach(f -> classes.add(lib.relativize(f).toString().replace(".class", "").replace('/', '.')));
            }
        } else {
            try (ZipFile jar = new ZipFile(lib.toFile())) {
                jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class") && !n.contains("module-info"))
                        .forEach(n -> classes.add(n.replace(".class", "").replace('/', '.')));
            }
        }
        assertTrue(classes.size() > 50, "found only " + classes.size() + " classes of lib at " + lib);
        ToolProvider javap = ToolProvider.findFirst("javap").orElseThrow(() -> new IllegalStateException(
                "javap not found: run the tests on a JDK, not a JRE"));
        List<String> args = new ArrayList<>(List.of("-c", "-p", "-cp", lib.toString()));
        args.addAll(classes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javap.run(new PrintStream(out, true), new PrintStream(err, true), args.toArray(String[]::new));
        assertEquals(0, rc, "javap failed: " + err);
        List<String> offenders = new ArrayList<>();
        String type = "";
        String method = "";
        for (String line : out.toString().split("\n")) {
            if (line.startsWith("Compiled from") || line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                type = line;
            } else if (METHOD.matcher(line).matches()) {
                method = line.trim();
            }
            Matcher u = UNSAFE.matcher(line);
            if (u.find()) {
                offenders.add(type.replaceAll("\\s*\\{$", "") + " :: " + method + " calls " + u.group());
            }
        }
        assertTrue(offenders.isEmpty(), "use org.thesislab.core.nn.Scalars (times, over, power, atLeast, atMost)"
                + " or core.train.SoftmaxCrossEntropy instead:\n" + String.join("\n", offenders));
    }
}
