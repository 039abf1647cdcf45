package lrwb.engine.model;

import lrwb.engine.model.lean.LeanLayers;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;
import java.util.Optional;

/** A {@link Network} over a DL4J {@link MultiLayerNetwork}: a stack of layers, one input, one output. */
record LayerListNetwork(MultiLayerNetwork net, InputLayout layout, NetworkShape shape, List<String> notes) implements Network {
    LayerListNetwork {
        notes = List.copyOf(notes);
    }

    @Override
    public void fit(DataSet batch) {
        DataSet adapted = layout == InputLayout.FLAT ? batch : new DataSet(layout.adapt(batch.getFeatures(), shape), batch.getLabels());
        if (!LeanLayers.fitInJava(net, adapted)) {
            net.fit(adapted);
        }
    }

    @Override
    public double score() {
        return net.score();
    }

    @Override
    public double unclippedScore() {
        double unclipped = LeanLayers.unclippedScore(net);
        return Double.isNaN(unclipped) ? net.score() : unclipped;
    }

    @Override
    public INDArray output(INDArray flatRows) {
        return net.output(layout.adapt(flatRows, shape), false);
    }

    @Override
    public INDArray params() {
        return net.params();
    }

    @Override
    public INDArray updaterState() {
        return net.getUpdater(true).getStateViewArray();
    }

    @Override
    public int iterationCount() {
        return net.getIterationCount();
    }

    @Override
    public void setIterationCount(int iteration) {
        net.setIterationCount(iteration);
    }

    @Override
    public int epochCount() {
        return net.getEpochCount();
    }

    @Override
    public void setEpochCount(int epoch) {
        net.setEpochCount(epoch);
    }

    @Override
    public long numParams() {
        return net.numParams();
    }

    @Override
    public java.util.function.Supplier<Network> inferenceCopyLater() {
        org.deeplearning4j.nn.conf.MultiLayerConfiguration conf = net.getLayerWiseConfigurations().clone();
        INDArray params = net.params().dup();
        return () -> {
            MultiLayerNetwork copy = new MultiLayerNetwork(conf);
            copy.init(params, false);
            LeanLayers.finishInferenceCopy(copy);
            return new LayerListNetwork(copy, layout, shape, notes);
        };
    }

    @Override
    public String configurationJson(int iteration, int epoch) {
        return PortableConfiguration.json(net.getLayerWiseConfigurations(), iteration, epoch);
    }

    @Override
    public Model dl4j() {
        return net;
    }

    @Override
    public Optional<MultiLayerNetwork> asLayerList() {
        return Optional.of(net);
    }
}
