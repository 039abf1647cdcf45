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
        assertThat(pytorch.stdout()).contains("torch.optim.lr_scheduler.CyclicLR(").doesNotContain("LambdaLR");
        CliRun keras = CliRun.of("export", "--spec", spec, "--lang", "keras");
        assertThat(keras.exitCode()).isZero();
        assertThat(keras.stdout()).contains("keras");
        CliRun transformers = CliRun.of("export", "--spec", spec, "--lang", "transformers");
        assertThat(transformers.exitCode()).isZero();
        assertThat(transformers.stdout()).contains("def lr_at(step)", "LambdaLR");
        CliRun optax = CliRun.of("export", "--spec", spec, "--lang", "optax");
        assertThat(optax.exitCode()).isZero();
        assertThat(optax.stdout()).contains("optax.inject_hyperparams(optax.sgd)");
    }

    @Test
    void writesTheGivenOptimizerIntoTorchSnippets() {
        String spec = "{\"type\":\"step\",\"lr\":0.1,\"stepSize\":30}";
        CliRun adamw = CliRun.of("export", "--spec", spec, "--lang", "pytorch", "--optimizer", "adamw:wd=0.05,beta2=0.98");
        assertThat(adamw.exitCode()).isZero();
        assertThat(adamw.stdout()).contains("optimizer = torch.optim.AdamW(\n    model.parameters(),\n    lr=0.1,\n"
                + "    betas=(0.9, 0.98),\n    weight_decay=0.05,\n)");
        CliRun keras = CliRun.of("export", "--spec", spec, "--lang", "keras", "--optimizer", "adam");
        assertThat(keras.exitCode()).isEqualTo(2);
        assertThat(keras.errLines()).containsExactly(
                "lrwb export: --optimizer is written into pytorch, transformers snippets only (got --lang keras)");
        CliRun bad = CliRun.of("export", "--spec", spec, "--lang", "pytorch", "--optimizer", "adam:beta1=1");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.errLines()).hasSize(1).first().asString().contains("beta1");
    }

    @Test
    void badLanguageAndBadSpecExitTwoWithOneLine() {
        CliRun lang = CliRun.of("export", "--spec", "{\"type\":\"constant\",\"lr\":0.1}", "--lang", "jax");
        assertThat(lang.exitCode()).isEqualTo(2);
        assertThat(lang.stdout()).isEmpty();
        assertThat(lang.errLines()).containsExactly("lrwb export: --lang must be one of java, pytorch, keras, transformers, optax (got \"jax\")");
        CliRun spec = CliRun.of("export", "--spec", "{\"type\":\"constant\"}", "--lang", "java");
        assertThat(spec.exitCode()).isEqualTo(2);
        assertThat(spec.errLines()).containsExactly("lrwb export: --spec (inline JSON): constant.lr is required");
    }
}
