package org.thesislab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.thesislab.core.Project;

/**
 * No result number is typed into a notebook's prose or the README's chapter section: results reach a reader only
 * through cells that compute them (tables, verdicts, the generated README table). The mechanism: every decimal or
 * percentage in markdown prose must be a number the library names (a thesis value cited in a
 * {@code <Chapter>Claims} or thesis-vs-here table, a configuration value), that is, it must occur in
 * {@code lib/src/main/java}. Section, table, figure and equation numbers, inline code and code blocks are not
 * prose numbers. A number typed after a run ("an earlier run reached 0.46") occurs nowhere in the library and fails.
 * Integers are not checked (counts, sizes and epochs are configuration, and "3 of 5" would be too noisy to police).
 */
class TypedResultsTest {

    private static final Pattern REFERENCE = Pattern.compile(
            "(?:§|\\b(?:Tables?|Figs?\\.?|Figures?|Eqs?\\.|eqs?\\.|Sect\\.|Sections?|sections?|Algorithms?|App\\.|ch\\.|"
                    + "Chapters?|Steps?))\\s*\\d+(?:\\.\\d+)*(?:\\s*[-–]\\s*\\d+(?:\\.\\d+)*)?");
    private static final Pattern EQUATION = Pattern.compile("\\(\\d+\\.\\d+(?:\\s*[-–]\\s*\\d+\\.\\d+)?\\)");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])(\\d*\\.\\d+|\\d+(?:\\.\\d+)?(?=\\s?%))(?![\\w.]*\\d)");

    @Test
    void notebooksAndReadmeStateNoResultTheLibraryDoesNotName() throws IOException {
        String library = librarySources();
        List<String> typed = new ArrayList<>();
        try (Stream<Path> files = Files.list(Project.root().resolve("notebooks"))) {
            for (Path nb : files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList()) {
                JsonObject json = JsonParser.parseString(Files.readString(nb)).getAsJsonObject();
                int i = 0;
                for (JsonElement cell : json.getAsJsonArray("cells")) {
                    JsonObject c = cell.getAsJsonObject();
                    if (c.get("cell_type").getAsString().equals("markdown")) {
                        String where = nb.getFileName() + ", cell " + i;
                        unnamedNumbers(source(c), library).forEach(n -> typed.add(where + ": " + n));
                    }
                    i++;
                }
            }
        }
        unnamedNumbers(readmeChapters(), library).forEach(n -> typed.add("README.md, ## Chapters: " + n));
        assertTrue(typed.isEmpty(), "Result numbers typed into prose (compute them in a cell, or name the thesis or "
                + "configuration value in lib/ and cite it): " + typed);
    }

    @Test
    void aTypedResultIsFoundAndReferencesAreNot() {
        String library = "double THESIS = 0.646; // Table 3.2";
        String prose = "As in Table 3.2 and eq. (3.5), §2.6.1 and Fig. 4.2: the thesis' 0.646 AP; an earlier run "
                + "reached 0.4575 held-out, 12.5% of the pixels, `lr = 0.003` in code.";
        assertEquals(List.of("0.4575", "12.5"),
                unnamedNumbers(prose, library).stream().map(n -> n.substring(0, n.indexOf(' '))).toList());
    }

    /** The prose's decimals and percentages that do not occur in {@code library}, each with some context. */
    static List<String> unnamedNumbers(String markdown, String library) {
        String prose = markdown.replaceAll("(?s)```.*?```", " ").replaceAll("`[^`\\n]*`", " ");
        prose = EQUATION.matcher(REFERENCE.matcher(prose).replaceAll(" ")).replaceAll(" ");
        List<String> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(prose);
        while (m.find()) {
            if (!library.contains(m.group(1))) {
                String context = prose.substring(Math.max(0, m.start() - 20), Math.min(prose.length(), m.end() + 15));
                out.add(m.group(1) + " (…" + context.replace('\n', ' ') + "…)");
            }
        }
        return out;
    }

    private static String source(JsonObject cell) {
        JsonElement s = cell.get("source");
        if (s.isJsonArray()) {
            StringBuilder b = new StringBuilder();
            s.getAsJsonArray().forEach(e -> b.append(e.getAsString()));
            return b.toString();
        }
        return s.getAsString();
    }

    /** The README's "## Chapters" section without the generated table between its markers. */
    private static String readmeChapters() throws IOException {
        String readme = Files.readString(Project.root().resolve("README.md"));
        int start = readme.indexOf("\n## Chapters");
        assertTrue(start >= 0, "README.md has no '## Chapters' section");
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        return section.replaceAll("(?s)<!-- chapter-table:start -->.*?<!-- chapter-table:end -->", " ");
    }

    private static String librarySources() throws IOException {
        try (Stream<Path> files = Files.walk(Project.root().resolve("lib/src/main/java"))) {
            return files.filter(p -> p.toString().endsWith(".java")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
    }
}
