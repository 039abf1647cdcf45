package lrwb.engine.model.files;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;

/**
 * A network read from a file, seen the same way whether it is a MultiLayerNetwork or a ComputationGraph: its layer
 * configurations (edited in place), and a new network built from them holding the file's parameters.
 */
sealed interface EditableNetwork permits EditableMultiLayer, EditableGraph {
    static EditableNetwork of(Model network) {
        if (network instanceof MultiLayerNetwork mln) {
            return new EditableMultiLayer(mln);
        }
        if (network instanceof ComputationGraph graph) {
            return new EditableGraph(graph);
        }
        throw new IllegalArgumentException("not a MultiLayerNetwork or ComputationGraph: " + network.getClass().getSimpleName());
    }

    /** {@code Sequential (MultiLayerNetwork)} or {@code Functional (ComputationGraph)}. */
    String kind();

    Model network();

    /** The configuration of every layer (not of parameterless graph vertices), in the network's order. */
    List<NeuralNetConfiguration> layerConfs();

    /** The configuration of the output layer; refuses a graph with several outputs or an output that is no layer. */
    NeuralNetConfiguration outputConf();

    /** What the first layer reads. */
    ModelInput inputFromLayers();

    /** The file's updater state (empty for none), before anything is rebuilt. */
    INDArray updaterState();

    /** Sets the iteration and epoch counts that the schedule and Adam's bias correction read. */
    void setCounts(int iteration, int epoch);

    /**
     * A new network from the (edited) configurations, its parameters initialised with {@code seed} and then
     * overwritten with the file's, layer by layer; the output layer keeps its fresh ones if {@code freshOutput}.
     */
    Model rebuild(long seed, boolean freshOutput);

    /** Copies {@code from}'s parameters into {@code to} layer by layer (both of the same layers), skipping {@code skip}. */
    static void copyParams(org.deeplearning4j.nn.api.Layer from, org.deeplearning4j.nn.api.Layer to) {
        INDArray source = from.params();
        INDArray target = to.params();
        if (source == null || target == null || source.length() == 0) {
            return;
        }
        if (source.length() != target.length()) {
            throw new IllegalStateException("layer " + from.conf().getLayer().getLayerName() + " has " + source.length()
                    + " parameters in the file but " + target.length() + " after rebuilding");
        }
        target.assign(source.reshape(target.shape()));
    }
}
