package lrwb.engine.model.layers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayerStackJsonTest {
    /** Every layer type, with defaults and with every field set. */
    private static final LayerStack EVERY_TYPE = new LayerStack(List.of(
            new LayerSpec.Conv2d(32, 3, 2, Padding.SAME, LayerActivation.LEAKY_RELU, 0.5),
            new LayerSpec.Conv2d(8, 1, Padding.VALID, LayerActivation.IDENTITY),
            new LayerSpec.BatchNorm(),
            new LayerSpec.BatchNorm(0.9, 1e-5),
            new LayerSpec.MaxPool(2),
            new LayerSpec.AvgPool(3, 1, Padding.SAME),
            new LayerSpec.MaxPool(2, 1, Padding.SAME),
            new LayerSpec.AvgPool(2),
            new LayerSpec.GlobalAvgPool(),
            new LayerSpec.Dropout(0.25),
            new LayerSpec.Dense(128, LayerActivation.GELU),
            new LayerSpec.Dense(64, LayerActivation.TANH, 0.0),
            new LayerSpec.Activation(LayerActivation.SWISH),
            new LayerSpec.Activation(LayerActivation.SOFTMAX)), LayerStack.XAVIER, 1e-4);

    @Test
    void everyTypeSurvivesTheRoundTrip() {
        assertThat(LayerStack.parse(EVERY_TYPE.toJson())).isEqualTo(EVERY_TYPE);
        for (LayerActivation a : LayerActivation.values()) {
            LayerStack one = new LayerStack(List.of(new LayerSpec.Dense(3, a), new LayerSpec.Activation(a)), null, 0);
            assertThat(LayerStack.parse(one.toJson())).isEqualTo(one);
        }
        for (String name : LayerStack.presetNames()) {
            LayerStack preset = LayerStack.preset(name).orElseThrow();
            assertThat(LayerStack.parse(preset.toJson())).as(name).isEqualTo(preset);
        }
        assertThat(LayerStack.parse(LayerStack.cnn().toJson())).isEqualTo(LayerStack.cnn());
    }

    @Test
    void theCanonicalFormIsCompactWithEveryFieldWrittenOut() {
        LayerStack stack = LayerStack.parse("""
                {"layers": [{"type": "conv2d", "filters": 32, "kernel": 3, "padding": "same", "activation": "relu"},
                            {"type": "maxPool", "size": 2}, {"type": "dropout", "rate": 0.25}, {"type": "globalAvgPool"}],
                 "weightInit": "he"}""");
        assertThat(stack.toJson()).isEqualTo("{\"layers\":["
                + "{\"type\":\"conv2d\",\"filters\":32,\"kernel\":3,\"stride\":1,\"padding\":\"same\",\"activation\":\"relu\"},"
                + "{\"type\":\"maxPool\",\"size\":2,\"stride\":2,\"padding\":\"valid\"},"
                + "{\"type\":\"dropout\",\"rate\":0.25},{\"type\":\"globalAvgPool\"}],"
                + "\"weightInit\":\"he\",\"l2\":0.0}");
    }

    @Test
    void theExampleOfModelsMdReadsWithKerasDefaults() {
        LayerStack stack = LayerStack.parse("""
                {"layers": [
                   {"type": "conv2d", "filters": 32, "kernel": 3, "stride": 1, "padding": "same", "activation": "relu"},
                   {"type": "batchNorm"},
                   {"type": "maxPool", "size": 2},
                   {"type": "dropout", "rate": 0.25},
                   {"type": "dense", "units": 128, "activation": "relu"}],
                 "weightInit": "he", "l2": 0.0001}""");
        assertThat(stack).isEqualTo(new LayerStack(List.of(
                new LayerSpec.Conv2d(32, 3, Padding.SAME, LayerActivation.RELU),
                new LayerSpec.BatchNorm(0.99, 1e-3),
                new LayerSpec.MaxPool(2, 2, Padding.VALID),
                new LayerSpec.Dropout(0.25),
                new LayerSpec.Dense(128, LayerActivation.RELU)), "he", 1e-4));
        assertThat(LayerStack.parse("{\"layers\":[{\"type\":\"dense\",\"units\":4}]}").layers().get(0))
                .isEqualTo(new LayerSpec.Dense(4, LayerActivation.IDENTITY));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // the three forms of specs/models.md and the brief
            "{'layers':[{'type':'dense','units':1},{'type':'dense','units':1},{'type':'dense','units':1},{'type':'dropout','rate':1.5}]}"
                    + "| layers[3].rate must be in [0, 1) (got 1.5)",
            "{'layers':[{'type':'conv','filters':3}]}"
                    + "| layers[0].type: unknown layer type 'conv' (use dense, conv2d, maxPool, avgPool, globalAvgPool, batchNorm, dropout, activation)",
            "{'layers':[{'type':'dense','units':1},{'type':'conv2d','filterz':8,'kernel':3}]}"
                    + "| layers[1].filterz is not a field of conv2d (did you mean \"filters\"?)",
            // unknown fields without a close name
            "{'layers':[{'type':'conv2d','colour':8}]}"
                    + "| layers[0].colour is not a field of conv2d (its fields: filters, kernel, stride, padding, activation, l2)",
            "{'layers':[{'type':'globalAvgPool','size':2}]}| layers[0].size is not a field of globalAvgPool (it has none)",
            "{'layerz':[]}| layerz is not a field of a layer stack (did you mean \"layers\"?)",
            // missing and mistyped
            "{'layers':[{'type':'dense'}]}| layers[0].units is required",
            "{'layers':[{'units':3}]}| layers[0].type is required (use dense, conv2d, maxPool, avgPool, globalAvgPool, batchNorm, dropout, activation)",
            "{'layers':[{'type':7}]}| layers[0].type must be a string (use dense, conv2d, maxPool, avgPool, globalAvgPool, batchNorm, dropout, activation; got 7)",
            "{'layers':[3]}| layers[0] must be a JSON object with a \"type\" (got 3)",
            "{'layers':[{'type':'dense','units':'128'}]}| layers[0].units must be an integer (got \"128\")",
            "{'layers':[{'type':'dense','units':1.5}]}| layers[0].units must be an integer (got 1.5)",
            "{'layers':[{'type':'dropout','rate':'half'}]}| layers[0].rate must be a number (got \"half\")",
            "{'layers':[{'type':'dense','units':3,'activation':'rellu'}]}"
                    + "| layers[0].activation must be one of relu, leakyRelu, elu, gelu, swish, tanh, sigmoid, identity, softmax (got \"rellu\"; did you mean \"relu\"?)",
            "{'layers':[{'type':'conv2d','filters':3,'kernel':3,'padding':'full'}]}| layers[0].padding must be one of same, valid (got \"full\")",
            "{'layers':{}}| layers must be a list (got {})",
            "{}| layers is required",
            "{'layers':[],'weightInit':'glorot'}| weightInit must be one of he, xavier (got \"glorot\")",
            "{'layers':[],'l2':-1}| l2 must be a finite number >= 0 (got -1)",
            // sizes that would exhaust memory
            "{'layers':[{'type':'dense','units':6400000}]}| layers[0].units must be in [1, 65536] (got 6400000)",
            "{'layers':[{'type':'dense','units':99999999999999999999}]}| layers[0].units must be in [1, 65536] (got 99999999999999999999)",
            "{'layers':[{'type':'dense','units':0}]}| layers[0].units must be in [1, 65536] (got 0)",
            "{'layers':[{'type':'conv2d','filters':3,'kernel':65}]}| layers[0].kernel must be in [1, 64] (got 65)",
            "{'layers':[{'type':'maxPool','size':2,'stride':0}]}| layers[0].stride must be in [1, 64] (got 0)",
            "{'layers':[{'type':'batchNorm','momentum':1}]}| layers[0].momentum must be in [0, 1) (got 1)",
            "{'layers':[{'type':'batchNorm','eps':0}]}| layers[0].eps must be a finite number > 0 (got 0)",
            "{'layers':[{'type':'dense','units':3,'l2':-0.5}]}| layers[0].l2 must be a finite number >= 0 (got -0.5)",
    })
    void badSpecsNameTheLayerTheFieldAndTheRule(String json, String message) {
        assertThatThrownBy(() -> LayerStack.parse(json.replace('\'', '"')))
                .isInstanceOf(LayerSpecException.class)
                .hasMessage(message);
    }

    @Test
    void theErrorKnowsItsField() {
        assertThatThrownBy(() -> LayerStack.parse("{\"layers\":[{\"type\":\"dense\",\"units\":1},{\"type\":\"dropout\",\"rate\":1}]}"))
                .isInstanceOfSatisfying(LayerSpecException.class, e -> assertThat(e.field()).isEqualTo("layers[1].rate"));
    }

    @Test
    void tooManyLayersAreRefusedBeforeAnyIsRead() {
        String many = "{\"type\":\"dropout\",\"rate\":0.1},".repeat(201);
        assertThatThrownBy(() -> LayerStack.parse("{\"layers\":[" + many.substring(0, many.length() - 1) + "]}"))
                .hasMessage("layers must hold at most 200 layers (got 201)");
    }

    @Test
    void brokenJsonSaysWhere() {
        assertThatThrownBy(() -> LayerStack.parse("{\"layers\": [}"))
                .isInstanceOf(LayerSpecException.class)
                .hasMessageStartingWith("layer spec is not valid JSON at line 1, column 13: ");
        assertThatThrownBy(() -> LayerStack.parse("{\"layers\":[], \"layers\":[]}"))
                .hasMessageContaining("Duplicate field 'layers'");
        assertThatThrownBy(() -> LayerStack.parse(""))
                .hasMessage("a layer spec must be a JSON object with \"layers\" (got nothing)");
        assertThatThrownBy(() -> LayerStack.parse("[]"))
                .hasMessage("a layer spec must be a JSON object with \"layers\" (got [])");
    }

    @Test
    void recordsValidateWhenBuiltInCodeToo() {
        assertThatThrownBy(() -> new LayerSpec.Dropout(1)).hasMessage("rate must be in [0, 1) (got 1)");
        assertThatThrownBy(() -> new LayerSpec.Dense(0, LayerActivation.RELU)).hasMessage("units must be in [1, 65536] (got 0)");
        assertThatThrownBy(() -> new LayerSpec.Activation(null)).hasMessage("activation is required");
        assertThatThrownBy(() -> new LayerStack(List.of(), "lecun", 0)).hasMessage("weightInit must be one of he, xavier (got \"lecun\")");
    }

    @Test
    void presetsAreKnownByName() {
        assertThat(LayerStack.presetNames()).containsExactly("mnist-mlp", "lenet5", "cifar-cnn");
        assertThat(LayerStack.preset("nope")).isEmpty();
        assertThat(LayerStack.preset("mnist-mlp").orElseThrow().layers())
                .containsExactly(new LayerSpec.Dense(128, LayerActivation.RELU));
    }
}
