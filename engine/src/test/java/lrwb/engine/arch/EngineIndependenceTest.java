package lrwb.engine.arch;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN.md: the engine never depends on JavaFX or on the app, so it runs headless and in the CLI. */
class EngineIndependenceTest {

    @Test
    void engineSourcesImportNeitherJavafxNorTheApp() throws IOException {
        Path sources = Path.of("src/main/java");
        assertThat(sources).isDirectory();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(EngineIndependenceTest::importsUiCode)
                    .map(Path::toString)
                    .toList();
        }
        assertThat(offenders).as("engine files importing javafx or lrwb.app").isEmpty();
    }

    @Test
    void javafxIsNotOnTheEngineClasspath() {
        assertThat(getClass().getClassLoader().getResource("javafx/application/Application.class")).isNull();
    }

    private static boolean importsUiCode(Path file) {
        try {
            return Files.readAllLines(file).stream()
                    .map(String::strip)
                    .anyMatch(l -> l.startsWith("import javafx.") || l.startsWith("import lrwb.app."));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
