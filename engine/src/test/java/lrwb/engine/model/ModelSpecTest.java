package lrwb.engine.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelSpecTest {

    @Test
    void readsMlpLayerSizes() {
        ModelSpec spec = ModelSpec.parse("mlp:64,32");
        assertThat(spec.kind()).isEqualTo(ModelSpec.Kind.MLP);
        assertThat(spec.hiddenLayers()).containsExactly(64, 32);
        assertThat(ModelSpec.parse("mlp:10").hiddenLayers()).containsExactly(10);
    }

    @Test
    void plainMlpIsTheDocumentedDefault() {
        assertThat(ModelSpec.parse("mlp")).isEqualTo(ModelSpec.mlp(64, 32));
        assertThat(ModelSpec.parse("mlp").describe()).isEqualTo("mlp:64,32");
    }

    @Test
    void readsCnn() {
        assertThat(ModelSpec.parse("cnn")).isEqualTo(ModelSpec.cnn());
        assertThat(ModelSpec.cnn().hiddenLayers()).isEmpty();
    }

    @Test
    void forgivesCaseAndBlanks() {
        assertThat(ModelSpec.parse(" MLP:16, 8 ")).isEqualTo(ModelSpec.mlp(16, 8));
        assertThat(ModelSpec.parse("CNN")).isEqualTo(ModelSpec.cnn());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp:64,32", "mlp:1", "mlp:128,64,32,16", "cnn"})
    void describeRoundTrips(String text) {
        ModelSpec spec = ModelSpec.parse(text);
        assertThat(spec.describe()).isEqualTo(text);
        assertThat(ModelSpec.parse(spec.describe())).isEqualTo(spec);
    }

    @Test
    void unknownModelNamesTheOptionAndTheSyntax() {
        assertThatThrownBy(() -> ModelSpec.parse("rnn"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("--model: unknown model 'rnn' (use mlp:H1,H2,... or cnn)");
        assertThatThrownBy(() -> ModelSpec.parse(""))
                .hasMessage("--model: unknown model '' (use mlp:H1,H2,... or cnn)");
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
            "cnn:3    | --model cnn:3: cnn takes no options (use mlp:H1,H2,... or cnn)",
    })
    void badModelOptionsNameTheOptionAndTheRule(String text, String message) {
        assertThatThrownBy(() -> ModelSpec.parse(text))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void constructorKeepsItsOwnCopyOfTheLayers() {
        ArrayList<Integer> layers = new ArrayList<>(List.of(4, 2));
        ModelSpec spec = new ModelSpec(ModelSpec.Kind.MLP, layers);
        layers.add(1);
        assertThat(spec.hiddenLayers()).containsExactly(4, 2);
        assertThatThrownBy(() -> spec.hiddenLayers().add(3)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructorRejectsInconsistentSpecs() {
        assertThatThrownBy(() -> new ModelSpec(ModelSpec.Kind.MLP, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ModelSpec(ModelSpec.Kind.CNN, List.of(4)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelSpec.mlp(4, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cnnRefusesTabularDataNamingTheDataset() {
        assertThat(ModelSpec.cnn().mismatch(NetworkShape.tabular(4, 3), "iris"))
                .contains("--model cnn needs image data (an idx: dataset); iris has 4 tabular features"
                        + " — use mlp:H1,H2,...");
        assertThat(ModelSpec.cnn().mismatch(NetworkShape.image(1, 28, 28, 10), "idx:mnist")).isEmpty();
        assertThat(ModelSpec.mlp(8).mismatch(NetworkShape.tabular(4, 3), "iris")).isEmpty();
        assertThat(ModelSpec.mlp(8).mismatch(NetworkShape.image(1, 28, 28, 10), "idx:mnist")).isEmpty();
    }
}
