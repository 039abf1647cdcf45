package lrwb.engine.model.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The files of src/test/resources/models (made by make_keras_fixtures.py) and their numpy reference outputs. */
final class Fixtures {
    private Fixtures() {
    }

    static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/models/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("no fixture " + name, e);
        }
    }

    /** Inputs as our data's flat rows and the outputs numpy computed for them from the file's weights. */
    record Reference(INDArray inputs, INDArray outputs) {
        static Reference of(String jsonName) throws IOException {
            JsonNode json = new ObjectMapper().readTree(path(jsonName).toFile());
            return new Reference(matrix(json.get("inputs")), matrix(json.get("outputs")));
        }

        private static INDArray matrix(JsonNode rows) {
            double[][] values = new double[rows.size()][];
            for (int i = 0; i < rows.size(); i++) {
                values[i] = new double[rows.get(i).size()];
                for (int j = 0; j < values[i].length; j++) {
                    values[i][j] = rows.get(i).get(j).asDouble();
                }
            }
            return Nd4j.create(values).castTo(DataType.FLOAT);
        }
    }
}
