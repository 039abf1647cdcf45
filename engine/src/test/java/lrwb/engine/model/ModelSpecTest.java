package lrwb.engine.model;

import lrwb.engine.model.files.ModelFileFormat;
import lrwb.engine.model.layers.LayerStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every form of --model (specs/models.md): what it reads to, what it prints back, and each message for bad text. */
class ModelSpecTest {
    private static final String SYNTAX = "(use mlp:H1,H2,..., cnn, mnist-mlp, lenet5, cifar-cnn, a layer spec {\"layers\":[...]} "
            + "or FILE.json, keras:FILE.h5, dl4j:FILE.zip or run:DIR)";

    @Test
    void readsMlpLayerSizes() {
        assertThat(ModelSpec.parse("mlp:64,32")).isEqualTo(new LayersModel("mlp:64,32", LayerStack.mlp(List.of(64, 32))));
        assertThat(ModelSpec.parse("mlp:10")).isEqualTo(ModelSpec.mlp(10));
    }

    @Test
    void plainMlpIsTheDocumentedDefault() {
        assertThat(ModelSpec.parse("mlp")).isEqualTo(ModelSpec.mlp(64, 32));
        assertThat(ModelSpec.parse("mlp").describe()).isEqualTo("mlp:64,32");
    }

    @Test
    void readsCnnAndThePresets() {
        assertThat(ModelSpec.parse("cnn")).isEqualTo(ModelSpec.cnn());
        assertThat(((LayersModel) ModelSpec.cnn()).layers()).isEqualTo(LayerStack.cnn());
        for (String preset : List.of("mnist-mlp", "lenet5", "cifar-cnn")) {
            assertThat(ModelSpec.parse(preset)).isEqualTo(new LayersModel(preset, LayerStack.preset(preset).orElseThrow()));
        }
        assertThat(ModelSpec.presetNames()).contains("mlp:64,32", "cnn", "mnist-mlp", "lenet5", "cifar-cnn");
    }

    @Test
    void forgivesCaseAndBlanks() {
        assertThat(ModelSpec.parse(" MLP:16, 8 ")).isEqualTo(ModelSpec.mlp(16, 8));
        assertThat(ModelSpec.parse("CNN")).isEqualTo(ModelSpec.cnn());
        assertThat(ModelSpec.parse(" Cifar-CNN ").describe()).isEqualTo("cifar-cnn");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp:64,32", "mlp:1", "mlp:128,64,32,16", "cnn", "mnist-mlp", "lenet5", "cifar-cnn"})
    void describeRoundTrips(String text) {
        ModelSpec spec = ModelSpec.parse(text);
        assertThat(spec.describe()).isEqualTo(text);
        assertThat(ModelSpec.parse(spec.describe())).isEqualTo(spec);
    }

    @Test
    void aLayerSpecIsRecordedAsItsJsonWhetherInlineOrFromAFile(@TempDir Path dir) throws IOException {
        String json = "{\"layers\":[{\"type\":\"dense\",\"units\":8,\"activation\":\"tanh\"},{\"type\":\"dropout\",\"rate\":0.25}],"
                + "\"l2\":0.0001}";
        ModelSpec inline = ModelSpec.parse(json);
        assertThat(inline).isEqualTo(new LayersModel(null, LayerStack.parse(json)));
        assertThat(ModelSpec.parse(inline.describe())).isEqualTo(inline);
        Path file = dir.resolve("net.json");
        Files.writeString(file, json);
        ModelSpec fromFile = ModelSpec.parse(file.toString());
        assertThat(fromFile).isEqualTo(inline);
        Files.writeString(file, "{\"layers\":[]}"); // the run keeps the spec it was started with
        assertThat(ModelSpec.parse(fromFile.describe())).isEqualTo(inline);
    }

    @Test
    void fileFormsKeepAnAbsolutePath(@TempDir Path dir) {
        Path h5 = dir.resolve("m.h5");
        assertThat(ModelSpec.parse("keras:" + h5)).isEqualTo(new FileModel(ModelFileFormat.KERAS, h5));
        assertThat(ModelSpec.parse("dl4j:" + dir.resolve("m.zip")).describe()).isEqualTo("dl4j:" + dir.resolve("m.zip"));
        assertThat(ModelSpec.parse("run:" + dir).describe()).isEqualTo("run:" + dir);
        assertThat(ModelSpec.parse("keras:relative/m.h5").describe())
                .isEqualTo("keras:" + Path.of("relative/m.h5").toAbsolutePath().normalize());
    }

    @Test
    void filesThatAreNotThereAreNamed(@TempDir Path dir) {
        NetworkShape iris = NetworkShape.tabular(4, 3);
        assertThat(ModelSpec.parse("keras:" + dir.resolve("m.h5")).mismatch(iris, "iris"))
                .contains("--model keras:" + dir.resolve("m.h5") + ": no such file");
        assertThat(ModelSpec.parse("run:" + dir).mismatch(iris, "iris"))
                .contains("--model run:" + dir + ": the folder holds no saved network (model.zip); training runs save one"
                        + " at the end of each epoch");
        assertThat(ModelSpec.parse("run:" + dir.resolve("gone")).mismatch(iris, "iris"))
                .contains("--model run:" + dir.resolve("gone") + ": no such folder");
    }

    @Test
    void unknownModelNamesTheOptionAndTheSyntax() {
        assertThatThrownBy(() -> ModelSpec.parse("rnn"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("--model: unknown model 'rnn' " + SYNTAX);
        assertThatThrownBy(() -> ModelSpec.parse("")).hasMessage("--model: unknown model '' " + SYNTAX);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mlp:64,0 | --model mlp:64,0: hidden layer sizes must be integers > 0",
            "mlp:     | --model mlp:: hidden layer sizes must be integers > 0",
            "mlp:64,  | --model mlp:64,: hidden layer sizes must be integers > 0",
            "mlp:-4   | --model mlp:-4: hidden layer sizes must be integers > 0",
            "mlp:8.5  | --model mlp:8.5: hidden layer sizes must be integers > 0",
            "mlp:a,b  | --model mlp:a,b: hidden layer sizes must be integers > 0",
            "mlp:99999999999 | --model mlp:99999999999: hidden layer sizes must be at most 65536",
            "keras:   | --model keras:: a path is required after the colon",
            "run:     | --model run:: a path is required after the colon",
            "missing.json | --model missing.json: cannot read the layer spec file (no such file)",
    })
    void badModelOptionsNameTheOptionAndTheRule(String text, String message) {
        assertThatThrownBy(() -> ModelSpec.parse(text))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void cnnTakesNoOptions() {
        assertThatThrownBy(() -> ModelSpec.parse("cnn:3")).hasMessage("--model cnn:3: cnn takes no options " + SYNTAX);
    }

    @Test
    void aLayerSpecErrorNamesTheLayerTheFieldAndTheRule() {
        assertThatThrownBy(() -> ModelSpec.parse("{\"layers\":[{\"type\":\"dropout\",\"rate\":1.5}]}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--model: layers[0].rate must be in [0, 1) (got 1.5)");
    }

    @Test
    void layerSizesAreChecked() {
        assertThatThrownBy(() -> ModelSpec.mlp(4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelSpec.mlp()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cnnRefusesTabularDataNamingTheDataset() {
        assertThat(ModelSpec.cnn().mismatch(NetworkShape.tabular(4, 3), "iris"))
                .contains("--model cnn: layers[0] conv2d needs image data; the data has 4 tabular features (iris)");
        assertThat(ModelSpec.cnn().mismatch(NetworkShape.image(1, 28, 28, 10), "idx:mnist")).isEmpty();
        assertThat(ModelSpec.mlp(8).mismatch(NetworkShape.tabular(4, 3), "iris")).isEmpty();
        assertThat(ModelSpec.mlp(8).mismatch(NetworkShape.image(1, 28, 28, 10), "idx:mnist")).isEmpty();
    }

    @Test
    void shortNamesForRunNamesAndFolders(@TempDir Path dir) {
        assertThat(ModelSpec.parse("mlp:64,32").shortName()).isEqualTo("mlp:64,32");
        assertThat(ModelSpec.parse("cifar-cnn").shortName()).isEqualTo("cifar-cnn");
        assertThat(ModelSpec.parse("{\"layers\":[{\"type\":\"dense\",\"units\":8},{\"type\":\"dropout\",\"rate\":0.5}]}")
                .shortName()).isEqualTo("layers(2)");
        assertThat(ModelSpec.parse("keras:" + dir.resolve("my model.h5")).shortName()).isEqualTo("keras:my model.h5");
        assertThat(ModelSpec.parse("run:" + dir.resolve("20261206-101010-training-x")).shortName())
                .isEqualTo("run:20261206-101010-training-x");
    }
}
