package lrwb.engine.model.lean;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BiasAdd;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Our fast replacements of DL4J internals, and the one way into them: the layer configurations a network is built
 * from ({@link #dense}, {@link #softmaxOutput}, {@link #convolution}), what a built network needs afterwards
 * ({@link #finish}) and its class probabilities ({@link #listenToProbabilities}). Everything else in this package is
 * package-private: the runtime layers ({@link LeanDense}, {@link LeanSoftmaxOutput}, {@link LeanConvolution}) and the
 * updater ({@link FlatGradientUpdater}) are
 * DL4J subclasses whose behaviour is tested bit for bit (or within float rounding) against DL4J's stock ones.
 * Only {@code lrwb.engine.model.Networks} uses this class (an ArchUnit rule keeps the app out of the package).
 */
public final class LeanLayers {
    private LeanLayers() {
    }

    /**
     * As {@code new DenseLayer.Builder().nOut(nOut).build()}, with a lean runtime layer ({@link LeanDense}).
     *
     * @param inputGradientNeeded false for a network's first layer fed the raw features: nothing below it
     *                            reads the gradient of its input, so the backward pass skips that product
     * @param javaProductLimit    see {@link lrwb.engine.runtime.EngineTuning#javaProductLimit}
     */
    public static DenseLayer dense(int nOut, boolean inputGradientNeeded, long javaProductLimit) {
        return LeanDenseLayer.of(nOut, inputGradientNeeded, javaProductLimit);
    }

    /**
     * As {@code new OutputLayer.Builder(MCXENT).nOut(nOut).activation(SOFTMAX).weightInit(weightInit).build()}, with
     * a lean runtime layer ({@link LeanSoftmaxOutput}).
     *
     * @param javaErrorLimit   outputs of up to this many values get their softmax, error and loss in Java; 0 for none
     *                         (see {@code EngineTuning#javaErrorLimit})
     * @param javaProductLimit see {@code EngineTuning#javaProductLimit}
     */
    public static OutputLayer softmaxOutput(int nOut, WeightInit weightInit, long javaErrorLimit, long javaProductLimit) {
        return LeanOutputLayer.of(nOut, weightInit, javaErrorLimit, javaProductLimit);
    }

    /**
     * {@code stock} (a {@link ConvolutionLayer} as its builder made it, every field the same) with a lean runtime
     * layer ({@link LeanConvolution}): ND4J's native convolution in place of DL4J's im2col and matrix product.
     *
     * @param inputGradientNeeded false for a network's first layer fed the raw features: nothing below it
     *                            reads the gradient of its input, so the backward pass skips it
     */
    public static ConvolutionLayer convolution(ConvolutionLayer stock, boolean inputGradientNeeded) {
        if (stock.getClass() != ConvolutionLayer.class) {
            throw new IllegalArgumentException("not a plain 2D convolution: " + stock.getClass().getSimpleName());
        }
        return copyFields(stock, new LeanConvolutionLayer(inputGradientNeeded), ConvolutionLayer.class);
    }

    /**
     * {@code stock} (a {@link LossLayer} of softmax with cross-entropy, every field the same) with a runtime layer that
     * tells {@link #listenToProbabilities}'s listener each update's probabilities ({@link LeanSoftmaxLoss}).
     */
    public static LossLayer softmaxLoss(LossLayer stock) {
        if (stock.getClass() != LossLayer.class || !isSoftmaxCrossEntropy(stock)) {
            throw new IllegalArgumentException("not a loss layer of softmax with cross-entropy: " + stock);
        }
        return copyFields(stock, new LeanLossLayer(), LossLayer.class);
    }

    /**
     * {@code stock} (a {@link SubsamplingLayer} as its builder made it, every field the same) with a lean runtime layer
     * ({@link LeanSubsampling}): oneDNN's pooling, which keeps the maxima's places for the backward pass.
     */
    public static SubsamplingLayer subsampling(SubsamplingLayer stock) {
        if (stock.getClass() != SubsamplingLayer.class) {
            throw new IllegalArgumentException("not a plain 2D pooling: " + stock.getClass().getSimpleName());
        }
        return copyFields(stock, new LeanSubsamplingLayer(), SubsamplingLayer.class);
    }

    /**
     * {@code stock} (a {@link BatchNormalization} as its builder made it, every field the same) with a lean runtime
     * layer ({@link LeanBatchNorm}): ND4J's native batch normalisation for images.
     */
    public static BatchNormalization batchNorm(BatchNormalization stock) {
        if (stock.getClass() != BatchNormalization.class) {
            throw new IllegalArgumentException("not a plain batch normalisation: " + stock.getClass().getSimpleName());
        }
        return copyFields(stock, new LeanBatchNormLayer(), BatchNormalization.class);
    }

    /**
     * After {@code net.init()} for a network built from these layers: when every layer is lean (an mlp) the output
     * layer averages the gradients for all of them; the updater is handed the network's own gradient array
     * ({@link FlatGradientUpdater}).
     */
    public static void finish(MultiLayerNetwork net) {
        averageGradientsInTheOutputLayer(net);
        keepLargerProductsInJava(net);
        FlatGradientUpdater.install(net);
        if (net.getOutputLayer() instanceof LeanSoftmaxOutput output) {
            output.step = LeanStep.of(net);
        }
    }

    /** Whether {@code net}'s last {@link #fitInJava} update ran its updater in Java too ({@link JavaUpdate}); for tests. */
    static boolean updatedInJava(MultiLayerNetwork net) {
        return net.getOutputLayer() instanceof LeanSoftmaxOutput output && output.step != null && output.step.updatedInJava();
    }

    /**
     * One update of {@code net} on {@code batch} in Java arrays ({@link LeanStep}): exactly {@code net.fit(batch)},
     * without DL4J's bookkeeping. False, and nothing done, for a network or batch it does not cover (most but small
     * all-lean mlps); then call {@code net.fit(batch)}.
     */
    public static boolean fitInJava(MultiLayerNetwork net, DataSet batch) {
        return !batch.hasMaskArrays() && net.getOutputLayer() instanceof LeanSoftmaxOutput output && output.step != null
                && output.step.fit(batch.getFeatures(), batch.getLabels());
    }

    /**
     * A first dense layer told it need not compute the gradient of its input still must where an input preprocessor
     * sits in front of it (a dense layer reading images through a flatten, Keras' {@code Flatten → Dense}): DL4J hands
     * the layer's input gradient to the preprocessor even for the first layer, and a preprocessor cannot reshape null.
     * (A first convolution hands back zeros instead, see {@link LeanConvolution}: its shortcut saves far more.)
     * Call on a built configuration, before a network is made from it.
     */
    private static void gradientsForPreprocessors(MultiLayerConfiguration conf) {
        if (conf.getConfs().isEmpty() || conf.getInputPreProcess(0) == null) {
            return;
        }
        if (conf.getConf(0).getLayer() instanceof LeanDenseLayer dense) {
            dense.needInputGradient();
        }
    }

    /**
     * What our layers must know of their neighbours, set on a built configuration before a network is made from it:
     * {@link #gradientsForPreprocessors}, and which window layers hand their output channels-last to the next
     * ({@link #channelsLastBetweenWindowLayers}).
     */
    public static void linkNeighbours(MultiLayerConfiguration conf) {
        gradientsForPreprocessors(conf);
        channelsLastBetweenWindowLayers(conf);
    }

    /**
     * A convolution or pooling of ours followed directly (no preprocessor) by another, both in DL4J's NCHW layout, hands
     * its output over channels-last ({@link OneDnn#isChannelsLast}): oneDNN's kernels read and write that layout, so
     * the activations and their gradients between the two are not reordered to NCHW and back (six reorders of the
     * {@code cnn} model's update, 0.37 of its ~5.5 ms). Anything else reads and gets DL4J's NCHW, c-ordered.
     */
    private static void channelsLastBetweenWindowLayers(MultiLayerConfiguration conf) {
        List<NeuralNetConfiguration> confs = conf.getConfs();
        for (int i = 0; i + 1 < confs.size(); i++) {
            org.deeplearning4j.nn.conf.layers.Layer layer = confs.get(i).getLayer();
            org.deeplearning4j.nn.conf.layers.Layer next = confs.get(i + 1).getLayer();
            if (conf.getInputPreProcess(i + 1) == null && readsChannelsLast(next)) {
                if (layer instanceof LeanConvolutionLayer convolution && convolution.getCnn2dDataFormat() == CNN2DFormat.NCHW) {
                    convolution.handOverChannelsLast();
                } else if (layer instanceof LeanSubsamplingLayer pooling && pooling.getCnn2dDataFormat() == CNN2DFormat.NCHW) {
                    pooling.handOverChannelsLast();
                }
            }
        }
    }

    private static boolean readsChannelsLast(org.deeplearning4j.nn.conf.layers.Layer layer) {
        return layer instanceof LeanConvolutionLayer convolution && convolution.getCnn2dDataFormat() == CNN2DFormat.NCHW
                || layer instanceof LeanSubsamplingLayer pooling && pooling.getCnn2dDataFormat() == CNN2DFormat.NCHW;
    }

    /**
     * An MLP whose whole update {@link LeanStep} makes takes products up to this many times
     * {@code EngineTuning.javaProductLimit} in Java: its update then runs in Java, sparing DL4J's {@code fit} as well
     * as ND4J's products. Measured in
     * one JVM, blocks alternating, µs per update: digits' 64-32-10 at batch 64 (a 131,072 multiply-add product) 63–68
     * against 118–497 through {@code fit}; 128-64-10 at batch 32 (262,144) 98–125 against 266–714; 256-64-10
     * (524,288) 195–206 against 221–283; 256-128-10 (1,048,576) 354–370 against 206–284, where ND4J's sgemm wins.
     */
    static final int ALL_LEAN_PRODUCT_FACTOR = 4;

    /** Whether every layer of {@code layers} is a lean dense layer under a lean softmax output: an mlp of ours. */
    private static boolean allLean(Layer[] layers) {
        for (int i = 0; i < layers.length; i++) {
            boolean lean = i == layers.length - 1 ? layers[i] instanceof LeanSoftmaxOutput : layers[i] instanceof LeanDense;
            if (!lean) {
                return false;
            }
        }
        return layers.length > 0;
    }

    private static void averageGradientsInTheOutputLayer(MultiLayerNetwork net) {
        Layer[] layers = net.getLayers();
        if (!net.conf().isMiniBatch() || !allLean(layers)) {
            return; // nothing is averaged at all, or not by layers of ours
        }
        for (int i = 0; i < layers.length - 1; i++) {
            ((LeanDense) layers[i]).averageGradients();
        }
        ((LeanSoftmaxOutput) layers[layers.length - 1]).averageGradients();
    }

    /**
     * See {@link #ALL_LEAN_PRODUCT_FACTOR}: only for a network whose whole update {@link LeanStep} makes (its
     * configuration covered, every layer in Java for a single row); for the others, where DL4J's {@code fit} runs
     * around the products, the measured limit stays.
     */
    private static void keepLargerProductsInJava(MultiLayerNetwork net) {
        Layer[] layers = net.getLayers();
        if (!LeanStep.covers(net)) {
            return;
        }
        for (int i = 0; i < layers.length - 1; i++) {
            if (!((LeanDense) layers[i]).allInJava(1)) {
                return;
            }
        }
        if (!((LeanSoftmaxOutput) layers[layers.length - 1]).allInJava(1)) {
            return;
        }
        for (int i = 0; i < layers.length - 1; i++) {
            ((LeanDense) layers[i]).raiseProductLimit(ALL_LEAN_PRODUCT_FACTOR);
        }
        ((LeanSoftmaxOutput) layers[layers.length - 1]).raiseProductLimit(ALL_LEAN_PRODUCT_FACTOR);
    }

    /**
     * After {@code init} for a copy of a {@link #finish finished} network made for inference only (an overlapped
     * validation's): the same arithmetic as the original, so both give the same numbers; no updater, no step.
     */
    public static void finishInferenceCopy(MultiLayerNetwork copy) {
        keepLargerProductsInJava(copy);
    }

    /**
     * Has {@code listener} told the class probabilities of every update of {@code net}, replacing any listener
     * before it.
     *
     * @return false, and nothing changes, if {@code net}'s output layer is not {@link #softmaxOutput}'s
     */
    public static boolean listenToProbabilities(MultiLayerNetwork net, ProbabilityListener listener) {
        if (net.getOutputLayer() instanceof LeanSoftmaxOutput output) {
            output.setPredictionListener(listener);
            return true;
        }
        if (net.getOutputLayer() instanceof LeanSoftmaxLoss output) {
            output.setPredictionListener(listener);
            return true;
        }
        return false;
    }

    /**
     * The last update's loss without DL4J's clipping of probabilities at 1e-10 (the log-sum-exp cross-entropy, see
     * {@link UnclippedCrossEntropy}), regularisation included as in the score; NaN when {@code net}'s output layer is
     * not {@link #softmaxOutput}'s or DL4J's own path computed the score.
     */
    public static double unclippedScore(MultiLayerNetwork net) {
        return net.getOutputLayer() instanceof LeanSoftmaxOutput output ? output.unclippedScore() : Double.NaN;
    }

    /** As {@link #unclippedScore(MultiLayerNetwork)}, for a graph's one output layer. */
    public static double unclippedScore(ComputationGraph graph) {
        return graph.getNumOutputArrays() == 1 && graph.getOutputLayer(0) instanceof LeanSoftmaxOutput output
                ? output.unclippedScore() : Double.NaN;
    }

    /**
     * A copy of {@code conf} with DL4J's stock {@link DenseLayer}, {@link OutputLayer}, {@link ConvolutionLayer},
     * {@link BatchNormalization} and {@link SubsamplingLayer} in place of the lean ones,
     * every field the same (the lean ones add only how they run): what a portable model file must hold, since the
     * lean classes are package-private and no other program could read them back.
     */
    public static MultiLayerConfiguration stockConfiguration(MultiLayerConfiguration conf) {
        MultiLayerConfiguration copy = conf.clone();
        for (NeuralNetConfiguration layerConf : copy.getConfs()) {
            if (layerConf.getLayer() instanceof LeanDenseLayer lean) {
                layerConf.setLayer(copyFields(lean, new DenseLayer(), DenseLayer.class));
            } else if (layerConf.getLayer() instanceof LeanOutputLayer lean) {
                layerConf.setLayer(copyFields(lean, new OutputLayer(), OutputLayer.class));
            } else if (layerConf.getLayer() instanceof LeanConvolutionLayer lean) {
                layerConf.setLayer(copyFields(lean, new ConvolutionLayer(), ConvolutionLayer.class));
            } else if (layerConf.getLayer() instanceof LeanBatchNormLayer lean) {
                layerConf.setLayer(copyFields(lean, new BatchNormalization(), BatchNormalization.class));
            } else if (layerConf.getLayer() instanceof LeanSubsamplingLayer lean) {
                layerConf.setLayer(copyFields(lean, new SubsamplingLayer(), SubsamplingLayer.class));
            } else if (layerConf.getLayer() instanceof LeanLossLayer lean) {
                layerConf.setLayer(copyFields(lean, new LossLayer(), LossLayer.class));
            }
        }
        return copy;
    }

    /**
     * {@code net} (a network read from a file, built with DL4J's stock layers) on our lean layers where they are
     * equivalent — every {@link DenseLayer} and plain {@link ConvolutionLayer}, and an {@link OutputLayer} of softmax
     * with cross-entropy ({@link #isSoftmaxCrossEntropy}) — sharing
     * its parameters and keeping its updater state and counters: it then trains as before (bit for bit, convolutions
     * within float rounding), at the lean layers' speed. Returns {@code net} itself when no layer qualifies.
     *
     * @param javaErrorLimit   see {@link lrwb.engine.runtime.EngineTuning#javaErrorLimit}
     * @param javaProductLimit see {@link lrwb.engine.runtime.EngineTuning#javaProductLimit}
     */
    public static MultiLayerNetwork onLeanLayers(MultiLayerNetwork net, long javaErrorLimit, long javaProductLimit) {
        MultiLayerConfiguration copy = net.getLayerWiseConfigurations().clone();
        boolean changed = false;
        List<NeuralNetConfiguration> confs = copy.getConfs();
        for (int i = 0; i < confs.size(); i++) {
            NeuralNetConfiguration layerConf = confs.get(i);
            org.deeplearning4j.nn.conf.layers.Layer layer = layerConf.getLayer();
            if (layer.getClass() == DenseLayer.class) {
                // The first layer reads the features themselves: nothing needs the gradient of its input.
                layerConf.setLayer(copyFields((DenseLayer) layer, LeanDenseLayer.of(0, i > 0, javaProductLimit), DenseLayer.class));
                changed = true;
            } else if (layer.getClass() == OutputLayer.class && isSoftmaxCrossEntropy((OutputLayer) layer)) {
                layerConf.setLayer(copyFields((OutputLayer) layer, LeanOutputLayer.of(0, WeightInit.XAVIER, javaErrorLimit, javaProductLimit),
                        OutputLayer.class));
                changed = true;
            } else if (layer.getClass() == ConvolutionLayer.class) {
                layerConf.setLayer(convolution((ConvolutionLayer) layer, i > 0));
                changed = true;
            } else if (layer.getClass() == BatchNormalization.class) {
                layerConf.setLayer(batchNorm((BatchNormalization) layer));
                changed = true;
            } else if (layer.getClass() == SubsamplingLayer.class) {
                layerConf.setLayer(subsampling((SubsamplingLayer) layer));
                changed = true;
            } else if (layer.getClass() == LossLayer.class && isSoftmaxCrossEntropy((LossLayer) layer)) {
                layerConf.setLayer(softmaxLoss((LossLayer) layer));
                changed = true;
            }
        }
        if (!changed) {
            return net;
        }
        linkNeighbours(copy);
        MultiLayerNetwork lean = new MultiLayerNetwork(copy);
        lean.init(net.params(), false);
        INDArray state = net.getUpdater(true).getStateViewArray();
        if (state != null && !state.isEmpty()) {
            lean.getUpdater(true).getStateViewArray().assign(state);
        }
        finish(lean);
        return lean;
    }

    /**
     * {@code graph} (a Keras functional model or a saved graph, on DL4J's stock layers) with our lean dense,
     * convolution and batch-norm layers in place of DL4J's plain ones, and our softmax output in place of an
     * {@link OutputLayer} of softmax with cross-entropy (so the range test reads its unclipped loss), sharing its
     * parameters and keeping its updater state and counters, as {@link #onLeanLayers(MultiLayerNetwork, long, long)}
     * does for a layer list. Returns {@code graph} itself when no layer qualifies.
     *
     * @param javaErrorLimit see {@link lrwb.engine.runtime.EngineTuning#javaErrorLimit}
     */
    public static ComputationGraph onLeanLayers(ComputationGraph graph, long javaErrorLimit) {
        ComputationGraphConfiguration copy = graph.getConfiguration().clone();
        boolean changed = false;
        for (Map.Entry<String, GraphVertex> vertex : copy.getVertices().entrySet()) {
            if (!(vertex.getValue() instanceof LayerVertex layerVertex)) {
                continue;
            }
            NeuralNetConfiguration layerConf = layerVertex.getLayerConf();
            org.deeplearning4j.nn.conf.layers.Layer layer = layerConf.getLayer();
            // A layer fed only the network's inputs: nothing below it reads the gradient of its input.
            boolean inputGradientNeeded = !copy.getNetworkInputs().containsAll(copy.getVertexInputs().get(vertex.getKey()));
            if (layer.getClass() == DenseLayer.class) {
                // Graphs keep ND4J's products: their dense layers are rarely tiny. A preprocessor in front of the
                // layer reshapes its input gradient (see gradientsForPreprocessors).
                layerConf.setLayer(copyFields((DenseLayer) layer, LeanDenseLayer.of(0,
                        inputGradientNeeded || layerVertex.getPreProcessor() != null, 0), DenseLayer.class));
                changed = true;
            } else if (layer.getClass() == ConvolutionLayer.class) {
                layerConf.setLayer(convolution((ConvolutionLayer) layer, inputGradientNeeded));
                changed = true;
            } else if (layer.getClass() == BatchNormalization.class) {
                layerConf.setLayer(batchNorm((BatchNormalization) layer));
                changed = true;
            } else if (layer.getClass() == SubsamplingLayer.class) {
                layerConf.setLayer(subsampling((SubsamplingLayer) layer));
                changed = true;
            } else if (layer.getClass() == OutputLayer.class && isSoftmaxCrossEntropy((OutputLayer) layer)) {
                layerConf.setLayer(copyFields((OutputLayer) layer, LeanOutputLayer.of(0, WeightInit.XAVIER, javaErrorLimit, 0),
                        OutputLayer.class));
                changed = true;
            }
        }
        if (!changed) {
            return graph;
        }
        ComputationGraph lean = new ComputationGraph(copy);
        lean.init(graph.params(), false);
        INDArray state = graph.getUpdater(true).getStateViewArray();
        if (state != null && !state.isEmpty()) {
            lean.getUpdater(true).getStateViewArray().assign(state);
        }
        return lean;
    }

    /** As {@link #stockConfiguration(MultiLayerConfiguration)}, for a graph. */
    public static ComputationGraphConfiguration stockConfiguration(ComputationGraphConfiguration conf) {
        ComputationGraphConfiguration copy = conf.clone();
        for (GraphVertex vertex : copy.getVertices().values()) {
            if (vertex instanceof LayerVertex layerVertex) {
                NeuralNetConfiguration layerConf = layerVertex.getLayerConf();
                if (layerConf.getLayer() instanceof LeanDenseLayer lean) {
                    layerConf.setLayer(copyFields(lean, new DenseLayer(), DenseLayer.class));
                } else if (layerConf.getLayer() instanceof LeanConvolutionLayer lean) {
                    layerConf.setLayer(copyFields(lean, new ConvolutionLayer(), ConvolutionLayer.class));
                } else if (layerConf.getLayer() instanceof LeanBatchNormLayer lean) {
                    layerConf.setLayer(copyFields(lean, new BatchNormalization(), BatchNormalization.class));
                } else if (layerConf.getLayer() instanceof LeanOutputLayer lean) {
                    layerConf.setLayer(copyFields(lean, new OutputLayer(), OutputLayer.class));
                } else if (layerConf.getLayer() instanceof LeanSubsamplingLayer lean) {
                    layerConf.setLayer(copyFields(lean, new SubsamplingLayer(), SubsamplingLayer.class));
                } else if (layerConf.getLayer() instanceof LeanLossLayer lean) {
                    layerConf.setLayer(copyFields(lean, new LossLayer(), LossLayer.class));
                }
            }
        }
        return copy;
    }

    /**
     * Softmax with DL4J's cross-entropy: {@code LossMCXENT} or its subclass {@code LossNegativeLogLikelihood} (the
     * same loss by another name), class weights or not. {@link LeanSoftmaxOutput} takes its shortcut only where it is
     * exact (no weights, masks, dropout) and DL4J's own path otherwise, computing the unclipped loss on both.
     */
    private static boolean isSoftmaxCrossEntropy(OutputLayer layer) {
        return layer.getLossFn() instanceof org.nd4j.linalg.lossfunctions.impl.LossMCXENT
                && layer.getActivationFn() instanceof org.nd4j.linalg.activations.impl.ActivationSoftmax;
    }

    private static boolean isSoftmaxCrossEntropy(LossLayer layer) {
        return layer.getLossFn() instanceof org.nd4j.linalg.lossfunctions.impl.LossMCXENT
                && layer.getActivationFn() instanceof org.nd4j.linalg.activations.impl.ActivationSoftmax;
    }

    /**
     * Copies into {@code to} the fields {@code stockClass} declares and inherits: all of a layer's configuration but a
     * lean layer's own extras. Returns {@code to}.
     */
    private static <T> T copyFields(T from, T to, Class<T> stockClass) {
        for (Class<?> c = stockClass; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    field.set(to, field.get(from));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot copy " + c.getSimpleName() + "." + field.getName(), e);
                }
            }
        }
        return to;
    }

    /**
     * Sets what DL4J's layer builders leave unset (their no-argument constructors set zeros instead), so that the
     * network's defaults fill it in exactly as for a layer made by a builder.
     */
    static void leaveToNetworkDefaults(BaseLayer layer) {
        layer.setBiasInit(Double.NaN);
        layer.setGainInit(Double.NaN);
        layer.setGradientNormalizationThreshold(Double.NaN);
        layer.setRegularization(new ArrayList<>());
        layer.setRegularizationBias(new ArrayList<>());
    }

    /** What DL4J's own {@code instantiate} does with a new runtime layer, for ours. */
    static Layer wire(org.deeplearning4j.nn.layers.AbstractLayer<?> layer, NeuralNetConfiguration conf,
                      Collection<TrainingListener> listeners, int index, INDArray paramsView, Map<String, INDArray> params) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    /** Whether {@code input · weights} is a float product small enough for {@link SmallProducts}. */
    static boolean productInJava(INDArray input, DataType dataType, INDArray weights, long javaProductLimit) {
        return input != null && input.rank() == 2 && input.columns() == weights.rows() && dataType == DataType.FLOAT
                && weights.dataType() == DataType.FLOAT
                && SmallProducts.inJava(input, input.size(0), weights.size(0), weights.size(1), javaProductLimit);
    }

    /**
     * A dense layer's input gradient {@code delta·Wᵀ} ({@code [batch, inputs]}, c order, as DL4J's own is laid out):
     * through oneDNN unless {@code javaProductLimit} is 0, else (or where oneDNN cannot) ND4J's product as DL4J's.
     */
    static INDArray inputGradient(INDArray delta, INDArray weights, LayerWorkspaceMgr workspaceMgr, long javaProductLimit,
                                  ProductBuffers buffers) {
        if (javaProductLimit > 0 && OneDnnProduct.reads(delta, weights.transpose())) {
            INDArray gradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                    new long[] {delta.size(0), weights.size(0)}, 'c');
            if (buffers.oneDnn.run(delta, weights.transpose(), null, gradient)) {
                return gradient;
            }
        }
        INDArray gradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, delta.dataType(),
                new long[] {weights.size(0), delta.size(0)}, 'f');
        return weights.mmuli(delta.transpose(), gradient).transpose();
    }

    /** A dense layer's weight gradient {@code xᵀ·delta} into {@code weightGradient}, as {@link #inputGradient} chooses. */
    static void weightGradient(INDArray input, INDArray delta, INDArray weightGradient, long javaProductLimit,
                               ProductBuffers buffers) {
        INDArray x = input.castTo(weightGradient.dataType());
        if (javaProductLimit > 0 && buffers.oneDnn.run(x.transpose(), delta, null, weightGradient)) {
            return;
        }
        Nd4j.gemm(x, delta, weightGradient, true, false, 1.0, 0.0);
    }

    /**
     * {@code x·W + b} as DL4J's BaseLayer computes it, with ND4J's bias-add operation in place of the row-vector
     * broadcast: the same additions (so the same values, bit for bit) at half the fixed cost, some 10 µs per layer
     * and pass; in Java for a product of up to {@code javaProductLimit} multiply-adds ({@link SmallProducts}), and
     * through oneDNN above that ({@link OneDnnProduct}) unless the limit is 0 (DL4J's arithmetic, bit for bit).
     * Null when {@code input} is not a {@code [batch, inputs]} matrix.
     */
    static INDArray preActivation(INDArray input, DataType dataType, INDArray weights, INDArray bias,
                                  LayerWorkspaceMgr workspaceMgr, long javaProductLimit, ProductBuffers buffers) {
        if (input == null || input.rank() != 2 || input.columns() != weights.rows()) {
            return null; // not a batch this layer reads: DL4J's path says what is wrong
        }
        if (productInJava(input, dataType, weights, javaProductLimit)) {
            return SmallProducts.linear(input, weights, bias, buffers, workspaceMgr);
        }
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, weights.dataType(),
                new long[] {input.size(0), weights.size(1)});
        if (javaProductLimit > 0 && buffers.oneDnn.run(input.castTo(dataType), weights, bias, z)) {
            return z;
        }
        input.castTo(dataType).castTo(z.dataType()).mmuli(weights, z);
        Nd4j.exec(new BiasAdd(z, bias, z, false));
        return z;
    }
}
