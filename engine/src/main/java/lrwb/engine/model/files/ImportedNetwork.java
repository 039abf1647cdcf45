package lrwb.engine.model.files;

import lrwb.engine.model.InputLayout;
import org.deeplearning4j.nn.api.Model;

import java.util.List;

/**
 * A network read from a file, ready to train on the run's data with the run's optimizer.
 *
 * @param network     an initialised {@link org.deeplearning4j.nn.multilayer.MultiLayerNetwork} or
 *                    {@link org.deeplearning4j.nn.graph.ComputationGraph} holding the file's weights
 * @param inputLayout how the data's flat rows must be reshaped for it ({@link InputLayout#adapt})
 * @param notes       one line each for what the run should tell the user it changed, e.g.
 *                    {@code replaced the output layer: 22 -> 10 classes}
 */
public record ImportedNetwork(Model network, InputLayout inputLayout, List<String> notes) {
    public ImportedNetwork {
        notes = List.copyOf(notes);
    }
}
