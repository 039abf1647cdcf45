package lrwb.engine.model;

import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;
import java.util.Optional;

/**
 * The network a run trains, whichever DL4J class holds its layers: a {@link MultiLayerNetwork} (presets, layer
 * specs, Sequential Keras models) or a {@code ComputationGraph} (Functional Keras models, DL4J graph files). The
 * range test, the training job and evaluation read and drive it only through this interface, so every engine path
 * works on both. Batches arrive as our data gives them (flat rows); the network reshapes them to what its first
 * layer reads ({@link InputLayout}).
 */
public sealed interface Network permits LayerListNetwork, GraphNetwork {

    /** Wraps a built, initialised DL4J network: a {@link MultiLayerNetwork} or a {@code ComputationGraph}. */
    static Network of(Model dl4j, InputLayout layout, NetworkShape shape, List<String> notes) {
        if (dl4j instanceof MultiLayerNetwork mln) {
            return new LayerListNetwork(mln, layout, shape, notes);
        }
        if (dl4j instanceof org.deeplearning4j.nn.graph.ComputationGraph graph) {
            return new GraphNetwork(graph, layout, shape, notes);
        }
        throw new IllegalArgumentException("not a network DL4J can train: " + dl4j.getClass().getSimpleName());
    }

    /** A network the workbench built from layers: it reads our flat rows as they are. */
    static Network of(MultiLayerNetwork net) {
        return new LayerListNetwork(net, InputLayout.FLAT, null, List.of());
    }

    /** One update on a minibatch of flat rows and one-hot labels. */
    void fit(DataSet batch);

    /** The loss of the last update (DL4J's score, regularisation included). */
    double score();

    /**
     * The loss of the last update as PyTorch computes it: DL4J's score with the cross-entropy of every example whose
     * probability DL4J clipped at 1e-10 taken from the logits instead (log-sum-exp), so it can exceed ~23. Equals
     * {@link #score()} bit for bit when nothing was clipped. Every network the workbench trains ends in a softmax
     * with cross-entropy (layers, Keras and DL4J files, sequential or graph: {@code ClassificationHead} refuses
     * anything else) and gets our softmax output layer, which computes this. Only where that swap was refused does
     * this fall back to DL4J's clipped score. (A sigmoid with binary XENT, which DL4J clips at 1e-5, is refused
     * likewise; a loss DL4J does not clip, MSE and the like, would need no correction: its score is the true loss.)
     */
    double unclippedScore();

    /** Class probabilities of flat rows, in inference mode (dropout off, batch norm on its running statistics). */
    INDArray output(INDArray flatRows);

    /** All parameters as one view (batch-norm running statistics included): assigning to it changes the network. */
    INDArray params();

    /** The updater's state (momentum, Adam moments, ...) as one view; null when the optimizer keeps none. */
    INDArray updaterState();

    int iterationCount();

    void setIterationCount(int iteration);

    int epochCount();

    void setEpochCount(int epoch);

    long numParams();

    /** A network of the same layers holding a copy of the parameters, for inference only (no updater state). */
    default Network inferenceCopy() {
        return inferenceCopyLater().get();
    }

    /**
     * {@link #inferenceCopy()} in two steps: the configuration and the parameters are copied now, on the thread that
     * trains the network (cheap), and the copy is built (DL4J's init, the costly part) when the supplier is asked,
     * on any thread, once.
     */
    java.util.function.Supplier<Network> inferenceCopyLater();

    /**
     * The configuration as DL4J's JSON with these iteration and epoch counters and the LR they give: what a saved
     * network's file holds. Our lean layers are written as the stock layers they stand for, so any DL4J program reads
     * the file. Safe to call from another thread while the network trains (it reads only layer settings, which
     * training does not change).
     */
    String configurationJson(int iteration, int epoch);

    /** The DL4J network itself. */
    Model dl4j();

    /** The multi-layer network, for the paths only it has (the lean layers' shortcuts); empty for a graph. */
    Optional<MultiLayerNetwork> asLayerList();

    /** What was done to the network to fit the run, one line each (e.g. {@code replaced the output layer: 22 -> 10 classes}). */
    List<String> notes();
}
