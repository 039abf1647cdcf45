package lrwb.engine.model;

import lrwb.engine.model.files.ImportedNetwork;
import lrwb.engine.model.files.ModelFileFormat;
import lrwb.engine.model.files.ModelFiles;
import lrwb.engine.model.lean.LeanLayers;
import lrwb.engine.model.layers.LayerStackConfiguration;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.runtime.NativeSettings;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.List;
import java.util.Objects;

/**
 * Turns a {@link ModelSpec} and an {@link OptimizerSpec} into a ready DL4J network whose every layer reads one LR
 * handle and carries the optimizer's weight decay ({@link OptimizerWeightDecay}). Networks built from layers end in a softmax layer trained on cross-entropy (MCXENT), so losses of
 * different runs compare directly; imported networks are given one (specs/models.md).
 */
public final class Networks {
    private Networks() {
    }

    /**
     * The network {@code model} names, ready to train on data of {@code shape} with every layer reading {@code lr}:
     * the one way the range test and the training job get their network, whatever form the model takes.
     *
     * @param lr     the one LR source of every layer: DL4J's per-layer copies of the updater configuration all refer
     *               to this object (it clones to itself), so steering it steers the whole network
     * @param seed   weight initialisation seed (a replaced output layer's, for a file): the same seed gives identical
     *               initial parameters, and the same fits after it give identical parameters again
     * @param tuning how the lean layers trade Java for ND4J operations; kept in the network's configuration
     * @throws IllegalArgumentException with a user-facing message when the model cannot be built for that data
     */
    public static Network network(ModelSpec model, OptimizerSpec optimizer, SteerableSchedule lr, NetworkShape shape,
                                  long seed, EngineTuning tuning) {
        return network(model, optimizer, lr, null, shape, seed, tuning);
    }

    /**
     * As {@link #network(ModelSpec, OptimizerSpec, SteerableSchedule, NetworkShape, long, EngineTuning)}, with the
     * optimizer's momentum (β1 for the Adam family) read from {@code momentum} at every update, a handle shared by
     * every layer as {@code lr} is (a schedule that cycles momentum, {@code MomentumCurve}).
     *
     * @param momentum null for the optimizer's fixed setting; ignored by an optimizer with neither
     */
    public static Network network(ModelSpec model, OptimizerSpec optimizer, SteerableSchedule lr, SteerableSchedule momentum,
                                  NetworkShape shape, long seed, EngineTuning tuning) {
        Objects.requireNonNull(lr, "lr");
        if (model instanceof LayersModel) {
            return Network.of(assemble(model, optimizer, lr, momentum, shape, seed, Objects.requireNonNull(tuning, "tuning")));
        }
        NativeSettings.apply();
        ImportedNetwork imported = model instanceof FileModel file
                ? ModelFiles.load(file.format(), file.path(), shape, optimizer.updater(lr, momentum), seed, false)
                : ModelFiles.load(ModelFileFormat.DL4J, ((SavedRunModel) model).zip(), shape, optimizer.updater(lr, momentum),
                        seed, true);
        Model dl4j = onLeanLayers(imported.network(), tuning);
        optimizer.weightDecay().ifPresent(decay -> decay.installIn(dl4j));
        return Network.of(dl4j, imported.inputLayout(), shape, imported.notes());
    }

    /**
     * A network built from layers, with our lean dense and output layers ({@link LeanLayers}).
     *
     * @param tuning how the lean layers trade Java for ND4J operations ({@link EngineTuning#javaErrorLimit})
     * @throws IllegalArgumentException if the model is a file, or cannot read data of that shape
     */
    public static MultiLayerNetwork build(ModelSpec model, OptimizerSpec optimizer, SteerableSchedule lr,
                                          NetworkShape shape, long seed, EngineTuning tuning) {
        return assemble(model, optimizer, lr, null, shape, seed, Objects.requireNonNull(tuning, "tuning"));
    }

    /**
     * As {@link #build}, with DL4J's own dense layer, output layer and updater instead of the lean ones: the same
     * network and the same results bit for bit, only slower. For comparisons (tests, the benchmark).
     */
    public static MultiLayerNetwork buildWithStockLayers(ModelSpec model, OptimizerSpec optimizer,
                                                         SteerableSchedule lr, NetworkShape shape, long seed) {
        return assemble(model, optimizer, lr, null, shape, seed, null);
    }

    /** @param lean the tuning of the lean layers; null for DL4J's stock layers */
    private static MultiLayerNetwork assemble(ModelSpec model, OptimizerSpec optimizer, SteerableSchedule lr,
                                              SteerableSchedule momentum, NetworkShape shape, long seed, EngineTuning lean) {
        Objects.requireNonNull(lr, "lr");
        if (!(model instanceof LayersModel layers)) {
            throw new IllegalArgumentException(model.describe() + " is a network file, not layers to build");
        }
        model.mismatch(shape, null).ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        MultiLayerNetwork net = LayerStackConfiguration.network(layers.layers(), optimizer.updater(lr, momentum), seed, shape, lean);
        optimizer.weightDecay().ifPresent(decay -> decay.installIn(net));
        return net;
    }

    /**
     * Has {@code listener} told the class probabilities of every update of {@code net} (see
     * {@link PredictionListener}), replacing any listener before it.
     *
     * @return false, and nothing changes, if {@code net}'s output layer is not one of our lean softmax layers
     */
    public static boolean listenToPredictions(Network net, PredictionListener listener) {
        return net.asLayerList().map(layers -> LeanLayers.listenToProbabilities(layers, listener::onPredictions)).orElse(false);
    }


    /**
     * {@code dl4j} on our lean layers where they apply, sharing its parameters: the lean layers' speed with the same
     * results up to float rounding (the same as a run of ours computed while it trained). A network they refuse stays
     * as it is.
     */
    public static Model onLeanLayers(Model dl4j, EngineTuning tuning) {
        return dl4j instanceof MultiLayerNetwork layers ? onLeanLayers(layers, tuning)
                : dl4j instanceof ComputationGraph graph ? onLeanLayers(graph, tuning) : dl4j;
    }

    /** The lean layers' speed with the same results; they are an optimisation: a network they refuse trains as it is. */
    private static MultiLayerNetwork onLeanLayers(MultiLayerNetwork layers, EngineTuning tuning) {
        try {
            return LeanLayers.onLeanLayers(layers, tuning.javaErrorLimit(), tuning.javaProductLimit());
        } catch (RuntimeException e) {
            return layers;
        }
    }

    private static ComputationGraph onLeanLayers(ComputationGraph graph, EngineTuning tuning) {
        try {
            return LeanLayers.onLeanLayers(graph, tuning.javaErrorLimit());
        } catch (RuntimeException e) {
            return graph;
        }
    }
}
