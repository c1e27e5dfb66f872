package org.thesislab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.thesislab.core.Claim;
import org.thesislab.core.Scale;
import org.thesislab.core.ThesisVsHere;
import org.thesislab.core.train.Checkpoints;

/**
 * Every chapter has the same entry points (README, Architecture): {@code <X>Experiment.Config.forScale(Scale)},
 * {@code <X>Experiment.run(Config, long, Checkpoints)} returning the record {@code <X>Results} whose first components
 * are the configuration and the seed, {@code <X>Tables.summary} and {@code <X>Tables.thesisVsHere} taking the results
 * alone (or, for thesisVsHere, several results of the chapter), {@code <X>Figures} and {@code <X>Claims.ALL}. A chapter that strays from the shape fails here by name.
 */
class ChapterShapeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"avr, Avr", "odgi, Odgi", "colorization, Colorization", "cpfs, Cpfs", "flextuning, Flex", "ganeval, GanEval"})
    void everyChapterHasTheSameEntryPoints(String pkg, String chapter) throws Exception {
        String prefix = "org.thesislab." + pkg + "." + chapter;
        Class<?> experiment = Class.forName(prefix + "Experiment");
        Class<?> config = Class.forName(prefix + "Experiment$Config");
        Class<?> results = Class.forName(prefix + "Results");
        assertTrue(config.isRecord(), chapter + "Experiment.Config is a record with named fields");

        Method forScale = config.getMethod("forScale", Scale.class);
        assertPublicStatic(forScale);
        assertEquals(config, forScale.getReturnType(), "Config.forScale returns the Config");

        Method run = experiment.getMethod("run", config, long.class, Checkpoints.class);
        assertPublicStatic(run);
        assertEquals(results, run.getReturnType(), chapter + "Experiment.run returns " + chapter + "Results");

        assertTrue(results.isRecord(), chapter + "Results is a record");
        RecordComponent[] parts = results.getRecordComponents();
        assertTrue(parts.length > 2, chapter + "Results holds more than its configuration and seed");
        assertEquals(List.of("config", "seed"), Arrays.stream(parts).limit(2).map(RecordComponent::getName).toList());
        assertEquals(config, parts[0].getType());
        assertEquals(long.class, parts[1].getType());

        Class<?> tables = Class.forName(prefix + "Tables");
        Method summary = tables.getMethod("summary", results);
        assertPublicStatic(summary);
        assertEquals(Map.class, summary.getReturnType());
        assertEquals(List.of(String.class, Double.class), Arrays.asList(
                ((ParameterizedType) summary.getGenericReturnType()).getActualTypeArguments()));
        // thesisVsHere(results), or thesisVsHere(results...) where a chapter puts several experiments in one table
        Method thesisVsHere = Arrays.stream(tables.getMethods()).filter(m -> m.getName().equals("thesisVsHere")
                && m.getParameterCount() == 1 && (m.getParameterTypes()[0] == results
                || m.isVarArgs() && m.getParameterTypes()[0].getComponentType() == results)).findFirst()
                .orElseThrow(() -> new AssertionError(chapter + "Tables.thesisVsHere(" + chapter + "Results) is missing"));
        assertPublicStatic(thesisVsHere);
        assertEquals(ThesisVsHere.class, thesisVsHere.getReturnType());

        Class.forName(prefix + "Figures");
        Field claims = Class.forName(prefix + "Claims").getField("ALL");
        assertTrue(Modifier.isStatic(claims.getModifiers()) && List.class.isAssignableFrom(claims.getType()));
        List<?> all = (List<?>) claims.get(null);
        assertTrue(!all.isEmpty() && all.stream().allMatch(Claim.class::isInstance), chapter + "Claims.ALL lists Claims");
    }

    private static void assertPublicStatic(Method m) {
        assertTrue(Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()),
                m.getDeclaringClass().getSimpleName() + "." + m.getName() + " is public and static");
    }
}
