package lrwb.engine.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExportCommandTest {

    @Test
    void printsASnippetPerLanguage() {
        String spec = "{\"type\":\"cyclic\",\"baseLr\":0.001,\"maxLr\":0.01,\"stepSizeUp\":100}";
        CliRun java = CliRun.of("export", "--spec", spec, "--lang", "java");
        assertThat(java.exitCode()).isZero();
        assertThat(java.stdout()).contains("ISchedule").doesNotContain("PolySchedule");
        CliRun pytorch = CliRun.of("export", "--spec", spec, "--lang", "pytorch");
        assertThat(pytorch.exitCode()).isZero();
        assertThat(pytorch.stdout()).contains("def lr_at(step)").contains("LambdaLR");
        CliRun keras = CliRun.of("export", "--spec", spec, "--lang", "keras");
        assertThat(keras.exitCode()).isZero();
        assertThat(keras.stdout()).contains("keras");
    }

    @Test
    void badLanguageAndBadSpecExitTwoWithOneLine() {
        CliRun lang = CliRun.of("export", "--spec", "{\"type\":\"constant\",\"lr\":0.1}", "--lang", "jax");
        assertThat(lang.exitCode()).isEqualTo(2);
        assertThat(lang.stdout()).isEmpty();
        assertThat(lang.errLines()).containsExactly("lrwb export: --lang must be one of java, pytorch, keras (got \"jax\")");
        CliRun spec = CliRun.of("export", "--spec", "{\"type\":\"constant\"}", "--lang", "java");
        assertThat(spec.exitCode()).isEqualTo(2);
        assertThat(spec.errLines()).containsExactly("lrwb export: --spec (inline JSON): constant.lr is required");
    }
}
