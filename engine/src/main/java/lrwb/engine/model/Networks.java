package lrwb.engine.model;

import lrwb.engine.model.lean.LeanLayers;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.runtime.NativeSettings;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

import java.util.List;
import java.util.Objects;

/**
 * Turns a {@link ModelSpec} and an {@link OptimizerSpec} into a ready DL4J network. Both presets end in a
 * softmax layer trained on cross-entropy (MCXENT), so losses of different runs compare directly.
 */
public final class Networks {
    /** The cnn: two 5x5 conv + 2x2 max-pool stages, then a dense layer; LeNet-like, sized for a laptop CPU. */
    static final int CNN_FILTERS_1 = 8;
    static final int CNN_FILTERS_2 = 16;
    static final int CNN_KERNEL = 5;
    static final int CNN_POOL = 2;
    static final int CNN_DENSE = 64;

    private Networks() {
    }

    /**
     * Builds and inits a network whose every layer reads the given LR handle.
     *
     * @param lr   the one LR source of every layer: DL4J's per-layer copies of the updater configuration
     *             all refer to this object (it clones to itself), so steering it steers the whole network
     * @param seed   weight initialisation seed: the same seed gives identical initial parameters, and the
     *               same fits after it give identical parameters again
     * @param tuning how the lean layers trade Java for ND4J operations ({@link EngineTuning#javaErrorLimit}); kept
     *               in the network's configuration
     * @throws IllegalArgumentException if the model cannot read data of that shape (the cnn needs images)
     */
    public static MultiLayerNetwork build(ModelSpec model, OptimizerSpec optimizer, SteerableSchedule lr,
                                          NetworkShape shape, long seed, EngineTuning tuning) {
        return assemble(model, optimizer, lr, shape, seed, Objects.requireNonNull(tuning, "tuning"));
    }

    /**
     * The network {@code model} names, ready to train on data of {@code shape} with every layer reading {@code lr}:
     * the one way the range test and the training job get their network, whatever form the model takes.
     *
     * @throws IllegalArgumentException with a user-facing message when the model cannot be built for that data
     */
    public static Network network(ModelSpec model, OptimizerSpec optimizer, SteerableSchedule lr, NetworkShape shape,
                                  long seed, EngineTuning tuning) {
        return Network.of(build(model, optimizer, lr, shape, seed, tuning), InputLayout.FLAT, shape, List.of());
    }

    /**
     * As {@link #build}, with DL4J's own {@link DenseLayer}, {@link OutputLayer} and updater instead of the lean
     * ones ({@link LeanLayers}): the same network and the
     * same results bit for bit, only slower. For comparisons (tests, the benchmark).
     */
    public static MultiLayerNetwork buildWithStockLayers(ModelSpec model, OptimizerSpec optimizer,
                                                              SteerableSchedule lr, NetworkShape shape, long seed) {
        return assemble(model, optimizer, lr, shape, seed, null);
    }

    /** @param lean the tuning of the lean layers; null for DL4J's stock layers */
    private static MultiLayerNetwork assemble(ModelSpec model, OptimizerSpec optimizer, SteerableSchedule lr,
                                              NetworkShape shape, long seed, EngineTuning lean) {
        Objects.requireNonNull(lr, "lr");
        NativeSettings.apply();
        model.mismatch(shape, "this dataset").ifPresent(message -> {
            throw new IllegalArgumentException(message);
        });
        NeuralNetConfiguration.Builder common = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(optimizer.updater(lr))
                // He initialisation suits the ReLU layers; the softmax layer overrides it with Xavier.
                .weightInit(WeightInit.RELU)
                .activation(Activation.RELU);
        MultiLayerConfiguration conf = switch (model.kind()) {
            case MLP -> mlp(common, model, shape, lean);
            case CNN -> cnn(common, shape, lean);
        };
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        if (lean != null) {
            LeanLayers.finish(net);
        }
        return net;
    }

    /**
     * Has {@code listener} told the class probabilities of every update of {@code net} (see
     * {@link PredictionListener}), replacing any listener before it.
     *
     * @return false, and nothing changes, if {@code net} was not built by {@link #build}
     */
    public static boolean listenToPredictions(Network net, PredictionListener listener) {
        return net.asLayerList().map(layers -> LeanLayers.listenToProbabilities(layers, listener::onPredictions)).orElse(false);
    }

    private static MultiLayerConfiguration mlp(NeuralNetConfiguration.Builder common, ModelSpec model, NetworkShape shape,
                                               EngineTuning lean) {
        NeuralNetConfiguration.ListBuilder layers = common.list();
        boolean first = true;
        for (int width : model.hiddenLayers()) {
            // The first layer reads the features themselves: nothing needs the gradient of its input.
            layers.layer(dense(width, lean, !first));
            first = false;
        }
        return layers.layer(softmax(shape, lean))
                // Images fed to an mlp are just their flattened pixels.
                .setInputType(InputType.feedForward(shape.numFeatures()))
                .build();
    }

    private static MultiLayerConfiguration cnn(NeuralNetConfiguration.Builder common, NetworkShape shape, EngineTuning lean) {
        // "Same" padding keeps every stage valid for small images too (an 8x8 image would vanish after two
        // unpadded 5x5 convolutions); 28x28 goes 28 -> 14 -> 7.
        return common.convolutionMode(ConvolutionMode.Same)
                .list()
                .layer(conv(CNN_FILTERS_1))
                .layer(maxPool())
                .layer(conv(CNN_FILTERS_2))
                .layer(maxPool())
                .layer(dense(CNN_DENSE, lean, true))
                .layer(softmax(shape, lean))
                // Features arrive as flat rows; DL4J inserts the reshape to channels x height x width itself.
                .setInputType(InputType.convolutionalFlat(shape.height(), shape.width(), shape.channels()))
                .build();
    }

    private static DenseLayer dense(int width, EngineTuning lean, boolean inputGradientNeeded) {
        return lean != null ? LeanLayers.dense(width, inputGradientNeeded) : new DenseLayer.Builder().nOut(width).build();
    }

    private static ConvolutionLayer conv(int filters) {
        return new ConvolutionLayer.Builder(CNN_KERNEL, CNN_KERNEL).stride(1, 1).nOut(filters).build();
    }

    private static SubsamplingLayer maxPool() {
        return new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(CNN_POOL, CNN_POOL).stride(CNN_POOL, CNN_POOL).build();
    }

    private static OutputLayer softmax(NetworkShape shape, EngineTuning lean) {
        if (lean != null) {
            return LeanLayers.softmaxOutput(shape.numClasses(), WeightInit.XAVIER, lean.javaErrorLimit());
        }
        return new OutputLayer.Builder(LossFunction.MCXENT)
                .nOut(shape.numClasses())
                .activation(Activation.SOFTMAX)
                .weightInit(WeightInit.XAVIER)
                .build();
    }
}
