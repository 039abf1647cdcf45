package lrwb.engine.model.files;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A ComputationGraph read from a file (Keras Functional, or a DL4J zip). */
record EditableGraph(ComputationGraph network) implements EditableNetwork {
    @Override
    public String kind() {
        return "Functional (ComputationGraph)";
    }

    private ComputationGraphConfiguration conf() {
        return network.getConfiguration();
    }

    @Override
    public List<NeuralNetConfiguration> layerConfs() {
        List<NeuralNetConfiguration> confs = new ArrayList<>();
        for (String name : conf().getTopologicalOrderStr()) {
            if (conf().getVertices().get(name) instanceof LayerVertex vertex) {
                confs.add(vertex.getLayerConf());
            }
        }
        return confs;
    }

    /** The one output vertex's name; a graph with several outputs is refused. */
    String outputName() {
        List<String> outputs = conf().getNetworkOutputs();
        if (outputs.size() != 1) {
            throw new IllegalArgumentException("the model has " + outputs.size() + " outputs " + outputs
                    + "; the workbench trains a model with one classification output");
        }
        return outputs.get(0);
    }

    @Override
    public NeuralNetConfiguration outputConf() {
        String name = outputName();
        if (!(conf().getVertices().get(name) instanceof LayerVertex vertex)) {
            throw new IllegalArgumentException("the model has no classification output: its output '" + name
                    + "' is a " + conf().getVertices().get(name).getClass().getSimpleName() + ", not a dense softmax layer");
        }
        return vertex.getLayerConf();
    }

    @Override
    public ModelInput inputFromLayers() {
        List<String> inputs = conf().getNetworkInputs();
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("the model has " + inputs.size() + " inputs " + inputs
                    + "; the workbench feeds a model one input");
        }
        for (Map.Entry<String, List<String>> edge : conf().getVertexInputs().entrySet()) {
            GraphVertex vertex = conf().getVertices().get(edge.getKey());
            if (edge.getValue().contains(inputs.get(0)) && vertex instanceof LayerVertex layer) {
                return ModelInput.ofFirstLayer(layer.getLayerConf().getLayer(), layer.getPreProcessor());
            }
        }
        return ModelInput.UNKNOWN;
    }

    @Override
    public INDArray updaterState() {
        // Not getUpdater(): it would make a zero state for a file that holds none.
        INDArray state = network.getUpdater(false) == null ? null : network.getUpdater(false).getStateViewArray();
        return state == null ? Nd4j.empty() : state;
    }

    @Override
    public void setCounts(int iteration, int epoch) {
        conf().setIterationCount(iteration);
        conf().setEpochCount(epoch);
    }

    @Override
    public Model rebuild(long seed, boolean freshOutput) {
        conf().getDefaultConfiguration().setSeed(seed);
        for (NeuralNetConfiguration layer : layerConfs()) {
            layer.setSeed(seed);
        }
        String output = outputName();
        ComputationGraph rebuilt = new ComputationGraph(conf());
        rebuilt.init();
        for (org.deeplearning4j.nn.api.Layer layer : rebuilt.getLayers()) {
            String name = layer.conf().getLayer().getLayerName();
            if (!(freshOutput && name.equals(output))) {
                EditableNetwork.copyParams(network.getLayer(name), layer);
            }
        }
        return rebuilt;
    }
}
