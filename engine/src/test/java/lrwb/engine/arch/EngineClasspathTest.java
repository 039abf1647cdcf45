package lrwb.engine.arch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine module builds without JavaFX at all: not even a transitive dependency brings it in. */
class EngineClasspathTest {
    @Test
    void javafxIsNotOnTheEngineClasspath() {
        assertThat(getClass().getClassLoader().getResource("javafx/application/Application.class")).isNull();
    }
}
