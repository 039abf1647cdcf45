package lrwb.engine.model.files;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/** A MultiLayerNetwork read from a file (Keras Sequential, or a DL4J zip). */
record EditableMultiLayer(MultiLayerNetwork network) implements EditableNetwork {
    @Override
    public String kind() {
        return "Sequential (MultiLayerNetwork)";
    }

    private MultiLayerConfiguration conf() {
        return network.getLayerWiseConfigurations();
    }

    @Override
    public List<NeuralNetConfiguration> layerConfs() {
        return conf().getConfs();
    }

    @Override
    public NeuralNetConfiguration outputConf() {
        List<NeuralNetConfiguration> confs = conf().getConfs();
        return confs.get(confs.size() - 1);
    }

    @Override
    public ModelInput inputFromLayers() {
        return ModelInput.ofFirstLayer(conf().getConf(0).getLayer(), conf().getInputPreProcess(0));
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
        for (NeuralNetConfiguration layer : conf().getConfs()) {
            layer.setSeed(seed);
        }
        MultiLayerNetwork rebuilt = new MultiLayerNetwork(conf());
        rebuilt.init();
        int last = rebuilt.getnLayers() - 1;
        for (int i = 0; i <= last; i++) {
            if (!(freshOutput && i == last)) {
                EditableNetwork.copyParams(network.getLayer(i), rebuilt.getLayer(i));
            }
        }
        return rebuilt;
    }
}
