package lrwb.engine.model.layers;

import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.lean.LeanLayers;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.runtime.NativeSettings;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.L2Regularization;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link LayerStack} on data of one shape as a DL4J configuration: the layers in order, the flatten DL4J inserts
 * itself (CnnToFeedForwardPreProcessor) where a vector layer follows a map, and the softmax output of
 * {@link StackPlan}'s rule, trained on cross-entropy (MCXENT) as every workbench network is.
 *
 * <p>l2: Keras' {@code l2(c)} adds c·Σw² to the loss, so c·2w to the gradient. DL4J's {@code l2(x)}
 * ({@link L2Regularization}, 1.0.0-M2.1) adds x·w to the gradient before the updater (an Axpy of the parameters
 * into the gradient view; its score term is 0.5·x·‖w‖²), so x = 2c: the same gradient and the same loss.
 * It is set on dense and conv kernels only (DL4J's {@code l2} never touches biases); batch norm gets none.
 */
public final class LayerStackConfiguration {
    private LayerStackConfiguration() {
    }

    /**
     * @param updater    every layer's updater (DL4J clones it per layer; a steerable LR clones to itself)
     * @param seed       weight initialisation seed: the same seed gives identical initial parameters
     * @param leanTuning null for DL4J's stock layers; otherwise dense layers, convolutions and a dense output are our
     *                   lean ones ({@link LeanLayers}), the output computing its error in Java up to
     *                   {@link EngineTuning#javaErrorLimit()} values
     * @throws IllegalArgumentException with {@link LayerStack#mismatch}'s message if the stack cannot read the data
     */
    public static MultiLayerConfiguration configuration(LayerStack stack, IUpdater updater, long seed, NetworkShape shape,
                                                        EngineTuning leanTuning) {
        Objects.requireNonNull(updater, "updater");
        StackPlan plan = stack.readable(shape);
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(updater)
                // As Networks: the defaults of a layer that sets nothing itself (every layer here sets its own).
                .weightInit(WeightInit.RELU)
                .activation(Activation.RELU)
                .list();
        List<LayerSpec> layers = stack.layers();
        int last = layers.size() - 1;
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if (i == last && plan.output() == StackPlan.Output.LAST_DENSE) {
                LayerSpec.Dense d = (LayerSpec.Dense) layer;
                list.layer(softmaxOutput(d.units(), weightInit(stack.weightInitFor(d.activation())), stack.l2Of(d.l2()), leanTuning));
            } else if (i == last && plan.output() == StackPlan.Output.LAST_SOFTMAX) {
                LossLayer loss = new LossLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).build();
                list.layer(leanTuning == null ? loss : LeanLayers.softmaxLoss(loss));
            } else {
                list.layer(layer(stack, layer, i, leanTuning));
            }
        }
        if (plan.output() == StackPlan.Output.APPENDED) {
            list.layer(softmaxOutput(shape.numClasses(), WeightInit.XAVIER, stack.l2(), leanTuning));
        }
        // Features arrive as flat rows; for images DL4J inserts the reshape to channels x height x width itself.
        MultiLayerConfiguration conf = list.setInputType(plan.readsImages()
                        ? InputType.convolutionalFlat(shape.height(), shape.width(), shape.channels())
                        : InputType.feedForward(shape.numFeatures()))
                .build();
        if (leanTuning != null) {
            LeanLayers.linkNeighbours(conf);
        }
        return conf;
    }

    /**
     * {@link #configuration} as an initialised network, finished as {@code Networks} finishes its lean networks.
     */
    public static MultiLayerNetwork network(LayerStack stack, IUpdater updater, long seed, NetworkShape shape,
                                            EngineTuning leanTuning) {
        NativeSettings.apply();
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(stack, updater, seed, shape, leanTuning));
        net.init();
        if (leanTuning != null) {
            LeanLayers.finish(net);
        }
        return net;
    }

    private static Layer layer(LayerStack stack, LayerSpec layer, int index, EngineTuning lean) {
        if (layer instanceof LayerSpec.Dense d) {
            return dense(d, weightInit(stack.weightInitFor(d.activation())), 2 * stack.l2Of(d.l2()), index, lean);
        } else if (layer instanceof LayerSpec.Conv2d c) {
            ConvolutionLayer.Builder b = new ConvolutionLayer.Builder(c.kernel(), c.kernel())
                    .stride(c.stride(), c.stride())
                    .convolutionMode(c.padding().dl4j())
                    .nOut(c.filters())
                    .activation(c.activation().dl4j())
                    .weightInit(weightInit(stack.weightInitFor(c.activation())));
            double x = 2 * stack.l2Of(c.l2());
            if (x > 0) {
                b.l2(x);
            }
            return lean == null ? b.build() : LeanLayers.convolution(b.build(), index > 0);
        } else if (layer instanceof LayerSpec.Pool p) {
            boolean max = p instanceof LayerSpec.MaxPool;
            SubsamplingLayer pool = new SubsamplingLayer.Builder(max ? SubsamplingLayer.PoolingType.MAX : SubsamplingLayer.PoolingType.AVG)
                    .kernelSize(p.size(), p.size())
                    .stride(p.stride(), p.stride())
                    .convolutionMode(p.padding().dl4j())
                    // Keras averages over the real pixels of a padded window only.
                    .avgPoolIncludePadInDivisor(false)
                    .build();
            return lean == null ? pool : LeanLayers.subsampling(pool);
        } else if (layer instanceof LayerSpec.GlobalAvgPool) {
            return new GlobalPoolingLayer.Builder(PoolingType.AVG).build();
        } else if (layer instanceof LayerSpec.BatchNorm b) {
            // DL4J's decay is Keras' momentum: running = decay·running + (1 - decay)·batch. Identity, or the
            // network-wide ReLU default would be applied after normalising.
            BatchNormalization norm = new BatchNormalization.Builder().decay(b.momentum()).eps(b.eps())
                    .activation(Activation.IDENTITY).build();
            return lean == null ? norm : LeanLayers.batchNorm(norm);
        } else if (layer instanceof LayerSpec.Dropout d) {
            return new DropoutLayer.Builder(d.retainProbability()).activation(Activation.IDENTITY).build();
        } else if (layer instanceof LayerSpec.Activation a) {
            return new ActivationLayer.Builder().activation(a.activation().dl4j()).build();
        }
        throw new IllegalStateException("no DL4J layer for " + layer);
    }

    private static DenseLayer dense(LayerSpec.Dense d, WeightInit init, double x, int index, EngineTuning lean) {
        if (lean == null) {
            DenseLayer.Builder b = new DenseLayer.Builder().nOut(d.units()).activation(d.activation().dl4j()).weightInit(init);
            if (x > 0) {
                b.l2(x);
            }
            return b.build();
        }
        // The first layer reads the features themselves: nothing needs the gradient of its input.
        DenseLayer layer = LeanLayers.dense(d.units(), index > 0, lean.javaProductLimit());
        layer.setActivationFn(d.activation().dl4j().getActivationFunction());
        layer.setWeightInitFn(init.getWeightInitFunction());
        regularize(layer, x);
        return layer;
    }

    /** @param c Keras' l2 factor of the output's kernel */
    private static OutputLayer softmaxOutput(int classes, WeightInit init, double c, EngineTuning lean) {
        double x = 2 * c;
        if (lean != null) {
            OutputLayer layer = LeanLayers.softmaxOutput(classes, init, lean.javaErrorLimit(), lean.javaProductLimit());
            regularize(layer, x);
            return layer;
        }
        OutputLayer.Builder b = new OutputLayer.Builder(LossFunction.MCXENT)
                .nOut(classes)
                .activation(Activation.SOFTMAX)
                .weightInit(init);
        if (x > 0) {
            b.l2(x);
        }
        return b.build();
    }

    /** What a builder's {@code l2(x)} does, for the lean layers (made without a builder). */
    private static void regularize(BaseLayer layer, double x) {
        if (x > 0) {
            layer.setRegularization(new ArrayList<>(List.of(new L2Regularization(x))));
        }
    }

    private static WeightInit weightInit(String name) {
        // He is DL4J's RELU scheme (what Networks uses for its ReLU layers); Xavier its XAVIER.
        return LayerStack.HE.equals(name) ? WeightInit.RELU : WeightInit.XAVIER;
    }
}
