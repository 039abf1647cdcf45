package lrwb.engine.export;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.databind.ObjectMapper;
import org.nd4j.shade.jackson.databind.SerializationFeature;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compiles every Java snippet against DL4J (the test classpath) in one javac run, loads it and compares its
 * ISchedule with our evaluator at every iteration.
 */
class JavaExportTest {
    private static final double RELATIVE = 1e-12;

    @TempDir
    static Path dir;
    private static URLClassLoader loader;

    @BeforeAll
    static void compileAllSnippets() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (ExportCases.Formula c : ExportCases.FORMULAS) {
            sources.add(write(c.name(), JavaSnippet.HOLDER, CodeExport.snippet(c.spec(), CodeLanguage.JAVA, c.stepsPerEpoch())));
        }
        for (ExportCases.Plateau c : ExportCases.PLATEAUS) {
            sources.add(write(c.name(), JavaPlateauSnippet.CLASS, CodeExport.snippet(c.spec(), CodeLanguage.JAVA)));
        }
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("a JDK's compiler").isNotNull();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            List<String> options = List.of("-classpath", System.getProperty("java.class.path"), "-d", classes.toString(),
                    "-proc:none", "-encoding", "UTF-8");
            boolean ok = javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources)).call();
            String errors = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                    .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ROOT))
                    .collect(Collectors.joining("\n"));
            assertThat(errors).as("javac errors").isEmpty();
            assertThat(ok).isTrue();
        }
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, JavaExportTest.class.getClassLoader());
    }

    /** The snippet as the user would paste it, in a package of its own so that all compile together. */
    private static Path write(String caseName, String className, String snippet) throws IOException {
        Path file = dir.resolve("src").resolve(packageOf(caseName)).resolve(className + ".java");
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "package " + packageOf(caseName) + ";\n" + snippet);
    }

    private static String packageOf(String caseName) {
        return "snippet_" + caseName.replaceAll("[^A-Za-z0-9]", "_").toLowerCase(Locale.ROOT);
    }

    private static ISchedule schedule(ExportCases.Formula c) throws ReflectiveOperationException {
        Class<?> holder = loader.loadClass(packageOf(c.name()) + "." + JavaSnippet.HOLDER);
        return (ISchedule) holder.getMethod("schedule").invoke(null);
    }

    @TestFactory
    Stream<DynamicTest> everyFormulaGivesOurLrAtEveryIteration() {
        return ExportCases.FORMULAS.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            ISchedule schedule = schedule(c);
            int spe = c.stepsPerEpoch();
            for (int i = 0; i < c.steps(); i++) {
                double expected = c.spec().lrAtIteration(i, spe);
                double actual = schedule.valueAt(i, i / spe); // DL4J's epoch count
                assertThat(actual).as("%s at iteration %d", c.name(), i)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(RELATIVE * Math.abs(expected) + 1e-300));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPlateauGivesOurLrAfterEveryEpoch() {
        return ExportCases.PLATEAUS.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            Class<?> type = loader.loadClass(packageOf(c.name()) + "." + JavaPlateauSnippet.CLASS);
            Object plateau = type.getConstructor().newInstance();
            Method onEpochEnd = type.getMethod("onEpochEnd", double.class);
            double[] expected = c.spec().simulate(c.metrics());
            assertThat((double) type.getMethod("lr").invoke(plateau)).isEqualTo(expected[0]);
            for (int e = 0; e < c.metrics().length; e++) {
                assertThat((double) onEpochEnd.invoke(plateau, c.metrics()[e])).as("%s after epoch %d", c.name(), e)
                        .isEqualTo(expected[e + 1]);
            }
        }));
    }

    /** DL4J saves a network's configuration as JSON, schedules included: ours must survive that and clone(). */
    @Test
    void formulaClassesRoundTripThroughDl4jJsonAndClone() throws Exception {
        // Configured as DL4J's own mapper (JsonMappers) is for the parts that matter here.
        ObjectMapper mapper = new ObjectMapper().configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            int checked = 0;
            for (ExportCases.Formula c : ExportCases.FORMULAS) {
                ISchedule schedule = schedule(c);
                if (!schedule.getClass().getName().contains("$")) {
                    continue; // one of DL4J's own schedules
                }
                ISchedule restored = mapper.readValue(mapper.writeValueAsString(schedule), ISchedule.class);
                assertThat(restored).isEqualTo(schedule).hasSameHashCodeAs(schedule);
                assertThat(schedule.clone()).isEqualTo(schedule);
                for (int i = 0; i < c.steps(); i += 7) {
                    assertThat(restored.valueAt(i, i / c.stepsPerEpoch())).isEqualTo(schedule.valueAt(i, i / c.stepsPerEpoch()));
                }
                checked++;
            }
            assertThat(checked).isGreaterThan(10);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
