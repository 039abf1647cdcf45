package lrwb.engine.model.files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads a DL4J ModelSerializer zip, parameters and updater state included. */
final class Dl4jFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Dl4jFile() {
    }

    static SourceNetwork read(Path path, boolean withUpdaterState) {
        EditableNetwork network = EditableNetwork.of(restore(path, withUpdaterState));
        return new SourceNetwork(network, network.inputFromLayers(), null);
    }

    /** A MultiLayerNetwork's configuration lists {@code confs}; a ComputationGraph's, {@code vertices}. */
    private static Model restore(Path path, boolean withUpdaterState) {
        try {
            boolean graph;
            try (ZipFile zip = new ZipFile(path.toFile())) {
                ZipEntry entry = zip.getEntry(FileSignature.DL4J_CONFIGURATION);
                try (InputStream in = zip.getInputStream(entry)) {
                    JsonNode configuration = JSON.readTree(in);
                    graph = configuration.has("vertices");
                }
            }
            return graph
                    ? ModelSerializer.restoreComputationGraph(path.toFile(), withUpdaterState)
                    : ModelSerializer.restoreMultiLayerNetwork(path.toFile(), withUpdaterState);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(path + " is a damaged DL4J model zip or one this version cannot read ("
                    + OneLine.of(e) + ")");
        }
    }
}
