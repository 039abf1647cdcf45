package lrwb.engine.model.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.KerasSequentialModel;
import org.deeplearning4j.nn.modelimport.keras.config.KerasModelConfiguration;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Keras HDF5 file with DL4J's Keras import, weights included. The import runs outside its "training mode"
 * (which refuses unknown regularizers and the like); the loss is read here from the file's training configuration.
 */
final class KerasFile {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNSUPPORTED_LAYER = Pattern.compile("Unsupported keras layer type (\\w+)");

    private KerasFile() {
    }

    static SourceNetwork read(Path path) {
        return read(path, Hdf5Natives.host());
    }

    /** @param natives whether HDF5's natives are here; without them the import is refused in one line, before DL4J runs */
    static SourceNetwork read(Path path, Hdf5Natives natives) {
        natives.requireForKeras();
        try (KerasModelBuilder builder = new KerasModelBuilder(new KerasModelConfiguration())
                .modelHdf5Filename(path.toString()).enforceTrainingConfig(false)) {
            if (builder.getModelJson() == null) {
                throw new IllegalArgumentException(path + " holds no Keras model configuration (weights only?): save the"
                        + " whole model with model.save(\"m.h5\")");
            }
            JsonNode model = JSON.readTree(builder.getModelJson());
            String className = model.path("class_name").asText();
            try {
                if (className.equals("Sequential")) {
                    KerasSequentialModel keras = builder.buildSequential();
                    return source(keras, keras.getMultiLayerNetwork(true), builder);
                }
                if (className.equals("Model") || className.equals("Functional")) {
                    // tf.keras >= 2.4 names a functional model "Functional"; DL4J's import knows it as "Model".
                    ((ObjectNode) model).put("class_name", "Model");
                    builder.modelJson(JSON.writeValueAsString(model));
                    KerasModel keras = builder.buildModel();
                    return source(keras, keras.getComputationGraph(true), builder);
                }
            } catch (UnsupportedKerasConfigurationException e) {
                throw new IllegalArgumentException(unsupported(path, model, e));
            }
            throw new IllegalArgumentException(path + " holds a Keras model of class '" + className
                    + "'; the workbench reads Sequential and Functional models");
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (InvalidKerasConfigurationException | UnsupportedKerasConfigurationException e) {
            throw new IllegalArgumentException(path + " is not a Keras model file the import can read ("
                    + OneLine.of(e) + "); save it with model.save(\"m.h5\") from Keras 2 / tf.keras");
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(path + " is a damaged HDF5 file (" + OneLine.of(e) + ")");
        }
    }

    private static SourceNetwork source(KerasModel keras, Model network, KerasModelBuilder builder) throws IOException {
        ModelInput input = keras.getInputLayerNames().size() == 1
                ? ModelInput.of(keras.getOutputTypes().get(keras.getInputLayerNames().get(0)))
                : ModelInput.UNKNOWN;
        String output = keras.getOutputLayerNames().isEmpty() ? null : keras.getOutputLayerNames().get(0);
        return new SourceNetwork(EditableNetwork.of(network), input, savedLoss(builder.getTrainingJson(), output));
    }

    /** Keras writes the loss as a name, as {@code {"class_name": ..., "config": {"from_logits": ...}}}, or per output. */
    static SavedLoss savedLoss(String trainingJson, String outputName) throws IOException {
        if (trainingJson == null) {
            return null;
        }
        JsonNode loss = JSON.readTree(trainingJson).path("loss");
        if (loss.isObject() && !loss.has("class_name") && outputName != null && loss.has(outputName)) {
            loss = loss.get(outputName);
        }
        if (loss.isTextual()) {
            return new SavedLoss(loss.asText(), false);
        }
        if (loss.isObject() && loss.has("class_name")) {
            return new SavedLoss(loss.get("class_name").asText(), loss.path("config").path("from_logits").asBoolean(false));
        }
        return null;
    }

    /** DL4J names only the layer class; the user also gets its index in the model, to find it. */
    private static String unsupported(Path path, JsonNode model, UnsupportedKerasConfigurationException e) {
        Matcher m = UNSUPPORTED_LAYER.matcher(String.valueOf(e.getMessage()));
        if (!m.find()) {
            return path + " uses a Keras feature the import does not support (" + OneLine.of(e) + ")";
        }
        String kerasClass = m.group(1);
        JsonNode config = model.path("config");
        JsonNode layers = config.isArray() ? config : config.path("layers"); // Keras 2.0/2.1 wrote a bare list
        for (int i = 0; i < layers.size(); i++) {
            if (kerasClass.equals(layers.get(i).path("class_name").asText())) {
                return path + ": layer " + i + " ('" + layers.get(i).path("config").path("name").asText() + "', "
                        + kerasClass + ") is not supported by the Keras import; replace or remove it and save the model again";
            }
        }
        return path + ": a " + kerasClass + " layer is not supported by the Keras import; replace or remove it and save the model again";
    }
}
