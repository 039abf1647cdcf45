package lrwb.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.layers.LayerStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form of {@code --model} (specs/models.md) through {@code lrwb find} and {@code lrwb train} on iris: each
 * runs to its end, writes its files and records the canonical model text in run.json; every refusal is exit 2, one
 * line on stderr, and no run folder.
 */
class ModelFormsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INLINE = "{\"layers\":[{\"type\":\"dense\",\"units\":8,\"activation\":\"tanh\"},"
            + "{\"type\":\"dropout\",\"rate\":0.25},{\"type\":\"batchNorm\"}],\"l2\":0.0001}";

    static Path fixture(String name) {
        try {
            return Path.of(ModelFormsCliTest.class.getResource("/models/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture " + name, e);
        }
    }

    private static CliRun find(String model, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("find", "--dataset", "iris", "--model", model, "--batch", "16",
                "--iterations", "12", "--start", "1e-4", "--end", "1", "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static CliRun train(String model, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--dataset", "iris", "--model", model, "--batch", "16",
                "--lr", "0.05", "--epochs", "1", "--out", out.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonNode config(Path out) throws IOException {
        return JSON.readTree(out.resolve("run.json").toFile()).path("config");
    }

    /** A range test with this model ran its course, wrote its files and recorded {@code canonical} as its model. */
    private static JsonNode assertFound(CliRun run, Path out, String canonical) throws IOException {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).startsWith("recorded ");
        assertThat(out.resolve("range.csv")).isRegularFile();
        assertThat(Files.readAllLines(out.resolve("range.csv")).size()).isGreaterThan(1);
        assertThat(out.resolve("suggestions.json")).isRegularFile();
        JsonNode info = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(info.path("status").asText()).isIn("finished", "diverged");
        assertThat(info.path("config").path("model").asText()).isEqualTo(canonical);
        assertThat(ModelSpec.parse(canonical).describe()).as("the recorded text reads back to itself").isEqualTo(canonical);
        return info.path("config");
    }

    /** A one-epoch training run with this model finished, wrote every file, model.zip included. */
    private static JsonNode assertTrained(CliRun run, Path out, String canonical) throws IOException {
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.lines()).last().isEqualTo("finished: " + out.resolve("epochs.csv"));
        assertThat(Files.readAllLines(out.resolve("iterations.csv"))).hasSize(1 + 8); // 120 rows / 16
        assertThat(Files.readAllLines(out.resolve("epochs.csv"))).hasSize(2);
        assertThat(out.resolve("model.zip")).isRegularFile();
        JsonNode info = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(info.path("status").asText()).isEqualTo("finished");
        assertThat(info.path("config").path("model").asText()).isEqualTo(canonical);
        return info.path("config");
    }

    private static void assertBothRun(String model, String canonical, Path tmp) throws IOException {
        CliRun found = find(model, tmp.resolve("find"));
        assertFound(found, tmp.resolve("find"), canonical);
        assertThat(found.stderr()).isEmpty();
        assertThat(config(tmp.resolve("find")).has("modelNotes")).isFalse();
        CliRun trained = train(model, tmp.resolve("train"));
        assertTrained(trained, tmp.resolve("train"), canonical);
        assertThat(trained.stderr()).isEmpty();
    }

    @Test
    void theMnistMlpPresetTrainsOnTabularData(@TempDir Path tmp) throws IOException {
        assertBothRun("mnist-mlp", "mnist-mlp", tmp);
    }

    @Test
    void anInlineLayerSpecIsRecordedAsItsCanonicalJson(@TempDir Path tmp) throws IOException {
        String canonical = LayerStack.parse(INLINE).toJson();
        assertThat(canonical).startsWith("{").contains("\"dropout\"").contains("\"batchNorm\"");
        assertBothRun(INLINE, canonical, tmp);
    }

    @Test
    void aLayerSpecFileIsRecordedAsItsJsonNotItsPath(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("net.json"), INLINE);
        String canonical = LayerStack.parse(INLINE).toJson();
        assertBothRun(file.toString(), canonical, tmp);
        Files.writeString(file, "{\"layers\":[]}"); // the run reproduces after the file changes
        assertThat(ModelSpec.parse(config(tmp.resolve("train")).path("model").asText()).describe()).isEqualTo(canonical);
    }

    @Test
    void aKerasSequentialModelOfIrisShape(@TempDir Path tmp) throws IOException {
        Path h5 = fixture("mlp_4_8_3.h5");
        assertBothRun("keras:" + h5, "keras:" + h5, tmp);
    }

    @Test
    void aKerasFunctionalModelTrainsAsAComputationGraph(@TempDir Path tmp) throws IOException {
        Path h5 = fixture("functional_4_6_3.h5");
        assertBothRun("keras:" + h5, "keras:" + h5, tmp);
    }

    @Test
    void aKerasModelOfFiveClassesGetsAFreshOutputAndSaysSo(@TempDir Path tmp) throws IOException {
        Path h5 = fixture("mlp_4_8_5.h5");
        String note = "replaced the output layer: 5 -> 3 classes";

        CliRun found = find("keras:" + h5, tmp.resolve("find"));
        JsonNode findConfig = assertFound(found, tmp.resolve("find"), "keras:" + h5);
        assertThat(found.errLines()).contains("lrwb find: note: " + note);
        assertThat(findConfig.path("modelNotes")).isEqualTo(JSON.valueToTree(List.of(note)));

        CliRun trained = train("keras:" + h5, tmp.resolve("train"));
        JsonNode trainConfig = assertTrained(trained, tmp.resolve("train"), "keras:" + h5);
        assertThat(trained.errLines()).contains("lrwb train: note: " + note);
        assertThat(trainConfig.path("modelNotes")).isEqualTo(JSON.valueToTree(List.of(note)));
    }

    @Test
    void aDl4jZipCopiedFromATrainingRun(@TempDir Path tmp) throws IOException {
        Path first = tmp.resolve("first");
        assertTrained(train("mlp:8", first), first, "mlp:8");
        Path zip = Files.copy(first.resolve("model.zip"), tmp.resolve("net.zip"));
        assertBothRun("dl4j:" + zip, "dl4j:" + zip, tmp);
    }

    @Test
    void theNetworkOfAFinishedRunForBothCommands(@TempDir Path tmp) throws IOException {
        Path first = tmp.resolve("first");
        assertTrained(train("mlp:8", first, "--optimizer", "adam"), first, "mlp:8");
        String model = "run:" + first;

        CliRun found = find(model, tmp.resolve("find"), "--optimizer", "adam");
        assertFound(found, tmp.resolve("find"), model);
        assertThat(found.stderr()).as("same optimizer: the updater state goes on, nothing to note").isEmpty();
        CliRun otherOptimizer = find(model, tmp.resolve("find-sgd"));
        JsonNode sgd = assertFound(otherOptimizer, tmp.resolve("find-sgd"), model);
        String afresh = "the updater starts afresh: the file's updater state is for another optimizer or network";
        assertThat(otherOptimizer.errLines()).containsExactly("lrwb find: note: " + afresh);
        assertThat(sgd.path("modelNotes")).isEqualTo(JSON.valueToTree(List.of(afresh)));
        CliRun trained = train(model, tmp.resolve("train"), "--optimizer", "adam");
        assertTrained(trained, tmp.resolve("train"), model);
        assertThat(trained.stderr()).as("same optimizer: the updater state goes on, nothing to note").isEmpty();
        // and the second run is itself a run to go on from
        assertTrained(train("run:" + tmp.resolve("train"), tmp.resolve("third"), "--optimizer", "adam"),
                tmp.resolve("third"), "run:" + tmp.resolve("train"));
    }

    @Test
    void theRunFolderIsRecordedAbsolute(@TempDir Path tmp) throws IOException {
        Path first = tmp.resolve("first");
        assertTrained(train("mlp:8", first), first, "mlp:8");
        Path relative = Path.of("").toAbsolutePath().relativize(first);
        CliRun found = find("run:" + relative, tmp.resolve("find"));
        assertFound(found, tmp.resolve("find"), "run:" + first);
    }

    static Stream<Arguments> refusals() {
        Path keras3 = fixture("keras3_model.keras");
        Path notModel = fixture("not_a_model.h5");
        Path unsupported = fixture("unsupported_layer.h5");
        Path regression = fixture("regression_mse.h5");
        Path missing = fixture("mlp_4_8_3.h5").resolveSibling("no_such_model.h5");
        return Stream.of(
                Arguments.of("keras: a missing file", "keras:" + missing,
                        "--model keras:" + missing + ": no such file"),
                Arguments.of("a Keras 3 archive", "keras:" + keras3,
                        keras3 + " is a Keras 3 .keras archive, which is not supported: save the model as HDF5 from"
                                + " Keras 2 / tf.keras with model.save(\"m.h5\") and use keras:m.h5"),
                Arguments.of("a file that is no model", "keras:" + notModel,
                        notModel + " is neither a Keras HDF5 file (.h5) nor a DL4J model zip"),
                Arguments.of("an unsupported layer", "keras:" + unsupported,
                        unsupported + ": layer 1 ('layer_normalization_1', LayerNormalization) is not supported by the"
                                + " Keras import; replace or remove it and save the model again"),
                Arguments.of("a regression model", "keras:" + regression,
                        "the model has no classification output: its loss is mean_squared_error; the workbench trains"
                                + " classifiers: a softmax output with categorical cross-entropy"),
                Arguments.of("a layer spec breaking a rule",
                        "{\"layers\":[{\"type\":\"dropout\",\"rate\":1.5}]}",
                        "--model: layers[0].rate must be in [0, 1) (got 1.5)"),
                Arguments.of("cnn on iris", "cnn",
                        "--model cnn: layers[0] conv2d needs image data; the data has 4 tabular features (iris)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aModelThatCannotBeUsedIsBadInputAndNoFolderIsCreated(String what, String model, String message, @TempDir Path tmp) {
        assertRefused(model, message, tmp);
    }

    @Test
    void aRunFolderWithoutANetworkIsBadInput(@TempDir Path tmp) throws IOException {
        Path empty = Files.createDirectory(tmp.resolve("not-a-run"));
        assertRefused("run:" + empty, "--model run:" + empty + ": the folder holds no saved network (model.zip);"
                + " training runs save one at the end of each epoch", tmp);
        assertRefused("run:" + tmp.resolve("nothing"), "--model run:" + tmp.resolve("nothing") + ": no such folder", tmp);
    }

    @Test
    void aRunIsNotWrittenIntoTheFolderItsNetworkComesFrom(@TempDir Path tmp) throws IOException {
        Path first = tmp.resolve("first");
        assertTrained(train("mlp:8", first, "--optimizer", "adam"), first, "mlp:8");
        byte[] saved = java.nio.file.Files.readAllBytes(first.resolve("model.zip"));
        for (String command : List.of("find", "train")) {
            CliRun run = command.equals("find") ? find("run:" + first, first, "--overwrite")
                    : train("run:" + first, first, "--overwrite");
            assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
            assertThat(run.errLines()).containsExactly("lrwb " + command + ": --out " + first + " is the run whose saved"
                    + " network --model run:" + first + " starts from: choose another folder");
        }
        assertThat(java.nio.file.Files.readAllBytes(first.resolve("model.zip"))).as("the network is untouched").isEqualTo(saved);
    }

    private static void assertRefused(String model, String message, Path tmp) {
        for (String command : List.of("find", "train")) {
            Path out = tmp.resolve("out-" + command);
            CliRun run = command.equals("find") ? find(model, out) : train(model, out);
            assertThat(run.exitCode()).as("%s: %s", command, run.stderr()).isEqualTo(2);
            assertThat(run.stdout()).as(command).isEmpty();
            assertThat(run.errLines()).as(command).containsExactly("lrwb " + command + ": " + message);
            assertThat(out).as("%s: no run folder", command).doesNotExist();
        }
    }
}
