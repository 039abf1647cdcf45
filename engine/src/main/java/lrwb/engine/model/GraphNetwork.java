package lrwb.engine.model;

import lrwb.engine.model.lean.LeanLayers;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;
import java.util.Optional;

/**
 * A {@link Network} over a DL4J {@link ComputationGraph} with one input and one output (a Functional Keras model, a
 * DL4J graph file). The graph keeps its counters in its configuration, where its updater reads them.
 */
record GraphNetwork(ComputationGraph graph, InputLayout layout, NetworkShape shape, List<String> notes) implements Network {
    GraphNetwork {
        notes = List.copyOf(notes);
        if (graph.getNumInputArrays() != 1 || graph.getNumOutputArrays() != 1) {
            throw new IllegalArgumentException("the model has " + graph.getNumInputArrays() + " inputs and "
                    + graph.getNumOutputArrays() + " outputs; the workbench trains models with one input and one output");
        }
    }

    @Override
    public void fit(DataSet batch) {
        graph.fit(layout == InputLayout.FLAT ? batch : new DataSet(layout.adapt(batch.getFeatures(), shape), batch.getLabels()));
    }

    @Override
    public double score() {
        return graph.score();
    }

    @Override
    public double unclippedScore() {
        double unclipped = LeanLayers.unclippedScore(graph);
        return Double.isNaN(unclipped) ? graph.score() : unclipped;
    }

    @Override
    public INDArray output(INDArray flatRows) {
        return graph.outputSingle(false, layout.adapt(flatRows, shape));
    }

    @Override
    public INDArray params() {
        return graph.params();
    }

    @Override
    public INDArray updaterState() {
        return graph.getUpdater(true).getStateViewArray();
    }

    @Override
    public int iterationCount() {
        return graph.getIterationCount();
    }

    @Override
    public void setIterationCount(int iteration) {
        graph.getConfiguration().setIterationCount(iteration);
    }

    @Override
    public int epochCount() {
        return graph.getEpochCount();
    }

    @Override
    public void setEpochCount(int epoch) {
        graph.getConfiguration().setEpochCount(epoch);
    }

    @Override
    public long numParams() {
        return graph.numParams();
    }

    @Override
    public java.util.function.Supplier<Network> inferenceCopyLater() {
        org.deeplearning4j.nn.conf.ComputationGraphConfiguration conf = graph.getConfiguration().clone();
        INDArray params = graph.params().dup();
        return () -> {
            ComputationGraph copy = new ComputationGraph(conf);
            copy.init(params, false);
            return new GraphNetwork(copy, layout, shape, notes);
        };
    }

    @Override
    public String configurationJson(int iteration, int epoch) {
        return PortableConfiguration.json(graph.getConfiguration(), iteration, epoch);
    }

    @Override
    public Model dl4j() {
        return graph;
    }

    @Override
    public Optional<MultiLayerNetwork> asLayerList() {
        return Optional.empty();
    }
}
