package lrwb.engine.model.lean;

import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.NetworkShape;
import lrwb.engine.model.Networks;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.model.OptimizerSpec.Kind;
import lrwb.engine.model.TinyData;
import lrwb.engine.runtime.EngineTuning;
import lrwb.engine.runtime.NativeSettings;
import lrwb.engine.schedule.SteerableSchedule;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link LeanConvolution} (ND4J's native convolution) trains as DL4J's stock {@link ConvolutionLayer} within float
 * rounding: same parameters at the start, the same scores, gradients and parameters after updates, for every
 * optimizer and for the layer's forms (padding modes, strides, data formats, no bias, activations that are not ReLU;
 * a dilated one keeps DL4J's path), in a first layer (whose weight gradient is computed as a convolution) and further up (ND4J's conv2d_bp).
 */
class LeanConvolutionTest {
    private static final NetworkShape IMAGE = NetworkShape.image(1, 12, 12, 3);

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theCnnModelTrainsAsStockDl4jWithinRounding(Kind kind) {
        OptimizerSpec optimizer = OptimizerSpec.of(kind);
        MultiLayerNetwork stock = Networks.buildWithStockLayers(ModelSpec.cnn(), optimizer, SteerableSchedule.constant(0.01), IMAGE, 7);
        MultiLayerNetwork lean = Networks.build(ModelSpec.cnn(), optimizer, SteerableSchedule.constant(0.01), IMAGE, 7,
                EngineTuning.defaults());
        assertThat(lean.getLayer(0).conf().getLayer()).isInstanceOf(LeanConvolutionLayer.class);
        assertThat(lean.getLayer(2).conf().getLayer()).isInstanceOf(LeanConvolutionLayer.class);
        assertThat(lean.params()).isEqualTo(stock.params());
        assertSameTraining(stock, lean, IMAGE, 16, 6);
        assertThat(((LeanConvolution) lean.getLayer(2)).ranOnOneDnn()).isEqualTo(OneDnn.available());
        // ReLU's gradient through oneDNN, on the channels-last copies (NCHW, several channels)
        assertThat(((LeanConvolution) lean.getLayer(0)).tookReluGradientOnOneDnn()).isEqualTo(OneDnn.available());
        assertThat(((LeanConvolution) lean.getLayer(2)).tookReluGradientOnOneDnn()).isEqualTo(OneDnn.available());
    }

    /**
     * Between two window layers of ours the activations lie channels-last, as oneDNN's kernels read them, and the
     * gradients coming back follow (no reorder to NCHW and back); what DL4J's flatten reads is NCHW, c-ordered.
     */
    @Test
    void theCnnModelsWindowLayersHandEachOtherChannelsLastActivations() {
        org.junit.jupiter.api.Assumptions.assumeTrue(OneDnn.available(), "oneDNN's natives (x86-64)");
        MultiLayerNetwork lean = Networks.build(ModelSpec.cnn(), OptimizerSpec.parse("sgd"), SteerableSchedule.constant(0.01),
                IMAGE, 7, EngineTuning.defaults());
        DataSet batch = TinyData.batch(IMAGE, 4, 1);
        org.deeplearning4j.nn.workspace.LayerWorkspaceMgr none = org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces();
        INDArray a = batch.getFeatures().reshape('c', 4, 1, 12, 12);
        INDArray[] outputs = new INDArray[4];
        for (int i = 0; i < 4; i++) {
            a = outputs[i] = lean.getLayer(i).activate(a, true, none);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(OneDnn.isChannelsLast(outputs[i]) && !OneDnn.isDenseC(outputs[i])).as("layer %d's output", i).isTrue();
        }
        assertThat(OneDnn.isDenseC(outputs[3])).as("the last pooling's output, which DL4J flattens").isTrue();
        // backwards from the last pooling: each gradient in the layout of the input it belongs to
        INDArray gradient = Nd4j.rand(DataType.FLOAT, outputs[3].shape());
        for (int i = 3; i >= 1; i--) {
            gradient = lean.getLayer(i).backpropGradient(gradient, none).getSecond();
            assertThat(OneDnn.isChannelsLast(gradient) && !OneDnn.isDenseC(gradient)).as("layer %d's input gradient", i).isTrue();
        }
    }

    /**
     * A layer of ours hands channels-last activations to the next one of ours, and that one falls back to DL4J's path
     * (a padded average pooling, a dilated convolution): it reads them in DL4J's layout, and the network trains as on
     * stock layers.
     */
    @Test
    void aWindowLayerOnDl4jsPathReadsChannelsLastActivationsAsDl4jsOwn() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).updater(new Sgd(0.05))
                .weightInit(WeightInit.XAVIER).list()
                .layer(conv(3).convolutionMode(ConvolutionMode.Same).nOut(4).activation(Activation.RELU).build())
                .layer(new org.deeplearning4j.nn.conf.layers.SubsamplingLayer.Builder(
                        org.deeplearning4j.nn.conf.layers.SubsamplingLayer.PoolingType.AVG, new int[] {3, 3}, new int[] {1, 1})
                        .convolutionMode(ConvolutionMode.Truncate).padding(1, 1).build())
                .layer(conv(3).convolutionMode(ConvolutionMode.Same).nOut(5).activation(Activation.RELU).build())
                .layer(conv(3).convolutionMode(ConvolutionMode.Same).dilation(2, 2).nOut(4).activation(Activation.TANH).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(9, 9, 2))
                .build();
        StockAndLean both = StockAndLean.of(conf, 0, 0);
        MultiLayerNetwork stock = both.stock();
        MultiLayerNetwork lean = both.lean();
        NetworkShape shape = NetworkShape.image(2, 9, 9, 3);
        if (OneDnn.available()) { // the hand-overs this test is about: channels-last into DL4J's path
            org.deeplearning4j.nn.workspace.LayerWorkspaceMgr none = org.deeplearning4j.nn.workspace.LayerWorkspaceMgr.noWorkspaces();
            INDArray first = lean.getLayer(0).activate(imageBatch(shape, CNN2DFormat.NCHW, 5, 9).getFeatures(), true, none);
            INDArray third = lean.getLayer(2).activate(lean.getLayer(1).activate(first, true, none), true, none);
            assertThat(OneDnn.isChannelsLast(first) && !OneDnn.isDenseC(first)).as("layer 0's output").isTrue();
            assertThat(OneDnn.isChannelsLast(third) && !OneDnn.isDenseC(third)).as("layer 2's output").isTrue();
        }
        trainSideBySide(stock, lean, shape, CNN2DFormat.NCHW, 5, 0, 4);
        assertClose(lean.params(), stock.params(), 1e-4, "parameters");
        assertThat(((LeanConvolution) lean.getLayer(2)).ranOnOneDnn()).isEqualTo(OneDnn.available());
    }

    /**
     * Our ReLU layers read ReLU's gradient from their kept output, DL4J's own output array where it lies as the kernels
     * write it (one channel, a channels-last hand-over). A next layer's dropout must not have changed it: DL4J's
     * training pass lets no layer change its input in place (only inference does), so behind Gaussian dropout and
     * noise, which flip signs, they still train as stock DL4J.
     */
    @Test
    void reluLayersBehindGaussianDropoutAndNoiseTrainAsStockDl4j() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).updater(new Sgd(0.05))
                .weightInit(WeightInit.XAVIER).list()
                .layer(conv(3).convolutionMode(ConvolutionMode.Same).nOut(1).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nOut(6).activation(Activation.RELU)
                        .dropOut(new org.deeplearning4j.nn.conf.dropout.GaussianDropout(0.5)).build())
                .layer(new DenseLayer.Builder().nOut(5).activation(Activation.RELU)
                        .dropOut(new org.deeplearning4j.nn.conf.dropout.GaussianNoise(0.5)).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(9, 9, 2))
                .build();
        StockAndLean both = StockAndLean.of(conf, 0, 0);
        MultiLayerNetwork stock = both.stock();
        MultiLayerNetwork lean = both.lean();
        assertThat(lean.getLayer(1).conf().getLayer()).isInstanceOf(LeanDenseLayer.class);
        NetworkShape shape = NetworkShape.image(2, 9, 9, 3);
        trainSideBySide(stock, lean, shape, CNN2DFormat.NCHW, 5, 0, 4); // the dropouts draw alike: same seeds
        assertClose(lean.params(), stock.params(), 1e-4, "parameters");
    }

    /**
     * cifar-cnn (3 channels, 1×1 and 3×3 convolutions up to 256 filters, max and average pooling, softmax over the last
     * map in a loss layer) on our layers trains as on DL4J's stock ones: every convolution and pooling on oneDNN here.
     */
    @Test
    void theCifarCnnModelTrainsAsStockDl4jWithinRounding() {
        NetworkShape cifar = NetworkShape.image(3, 32, 32, 10);
        OptimizerSpec optimizer = OptimizerSpec.parse("nesterov:0.9");
        MultiLayerNetwork stock = Networks.buildWithStockLayers(ModelSpec.parse("cifar-cnn"), optimizer,
                SteerableSchedule.constant(0.01), cifar, 7);
        MultiLayerNetwork lean = Networks.build(ModelSpec.parse("cifar-cnn"), optimizer, SteerableSchedule.constant(0.01),
                cifar, 7, EngineTuning.defaults());
        assertThat(lean.params()).isEqualTo(stock.params());
        assertSameTraining(stock, lean, cifar, 4, 3);
        for (int i = 0; i < lean.getnLayers(); i++) {
            if (lean.getLayer(i) instanceof LeanConvolution conv) {
                assertThat(conv.ranOnOneDnn()).as("layer %d", i).isEqualTo(OneDnn.available());
            } else if (lean.getLayer(i) instanceof LeanSubsampling pool) {
                assertThat(pool.ranOnOneDnn()).as("layer %d", i).isEqualTo(OneDnn.available());
            }
        }
        assertThat(lean.getOutputLayer()).isInstanceOf(LeanSoftmaxLoss.class);
    }

    /** One network per form of the layer: a convolution fed the features, a second one fed the first's output. */
    static Stream<ConvolutionLayer.Builder> layerForms() {
        return Stream.of(
                conv(3).convolutionMode(ConvolutionMode.Same).activation(Activation.RELU),
                conv(3).convolutionMode(ConvolutionMode.Truncate).padding(1, 1).activation(Activation.TANH),
                conv(3).convolutionMode(ConvolutionMode.Truncate).padding(2, 1).stride(2, 1).activation(Activation.RELU),
                conv(2).convolutionMode(ConvolutionMode.Same).stride(2, 2).activation(Activation.RELU),
                conv(4).convolutionMode(ConvolutionMode.Same).activation(Activation.SIGMOID),
                conv(3).convolutionMode(ConvolutionMode.Strict).activation(Activation.IDENTITY).hasBias(false),
                conv(3).convolutionMode(ConvolutionMode.Same).dataFormat(CNN2DFormat.NHWC).activation(Activation.RELU),
                conv(3).convolutionMode(ConvolutionMode.Truncate).dataFormat(CNN2DFormat.NHWC).stride(2, 2)
                        .activation(Activation.ELU));
    }

    @ParameterizedTest
    @MethodSource("layerForms")
    void everyFormOfTheLayerTrainsAsStockDl4jWithinRounding(ConvolutionLayer.Builder form) {
        ConvolutionLayer layer = form.nOut(4).build();
        CNN2DFormat format = layer.getCnn2dDataFormat();
        // Strict mode needs sizes that divide: 13 with stride 1 and kernel 3 is fine in every mode.
        int size = 13;
        NetworkShape shape = NetworkShape.image(2, size, size, 3);
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(3).updater(new Sgd(0.05)).weightInit(WeightInit.XAVIER)
                .list()
                .layer(layer.clone())
                .layer(form.nOut(5).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(size, size, 2, format))
                .build();
        StockAndLean both = StockAndLean.of(conf, 0, 0);
        MultiLayerNetwork stock = both.stock();
        MultiLayerNetwork lean = both.lean();
        assertThat(lean.getLayer(0).conf().getLayer()).isInstanceOf(LeanConvolutionLayer.class);
        assertThat(lean.getLayer(1).conf().getLayer()).isInstanceOf(LeanConvolutionLayer.class);

        DataSet batch = imageBatch(shape, format, 6, 1);
        stock.setInput(batch.getFeatures());
        stock.setLabels(batch.getLabels());
        lean.setInput(batch.getFeatures());
        lean.setLabels(batch.getLabels());
        stock.computeGradientAndScore();
        lean.computeGradientAndScore();
        assertThat(lean.score()).isCloseTo(stock.score(), within(1e-5 * stock.score()));
        assertClose(lean.gradient().gradient(), stock.gradient().gradient(), 1e-4, "gradient");
        trainSideBySide(stock, lean, shape, format, 6, 2, 6);
        assertClose(lean.params(), stock.params(), 1e-4, "parameters");
        assertThat(((LeanConvolution) lean.getLayer(1)).ranOnOneDnn()).isEqualTo(OneDnn.available());
    }

    /** Where oneDNN's natives are missing (or switched off), ND4J's operations train the same network. */
    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"SGD", "ADAM"})
    void withoutOneDnnTheCnnModelTrainsAsStockDl4jThroughNd4j(Kind kind) {
        System.setProperty(OneDnn.SWITCH, "false");
        try {
            OptimizerSpec optimizer = OptimizerSpec.of(kind);
            MultiLayerNetwork stock = Networks.buildWithStockLayers(ModelSpec.cnn(), optimizer, SteerableSchedule.constant(0.01), IMAGE, 7);
            MultiLayerNetwork lean = Networks.build(ModelSpec.cnn(), optimizer, SteerableSchedule.constant(0.01), IMAGE, 7,
                    EngineTuning.defaults());
            assertSameTraining(stock, lean, IMAGE, 16, 4);
            assertThat(((LeanConvolution) lean.getLayer(0)).ranOnOneDnn()).isFalse();
        } finally {
            System.clearProperty(OneDnn.SWITCH);
        }
    }

    /**
     * A layer's primitives are made on the thread of its first pass and may run on another (a validation copy's, on
     * whichever pool thread is free): each has its own scratchpad, so training goes on there exactly as on one thread.
     */
    @Test
    void primitivesMadeOnOneThreadRunOnAnother() throws Exception {
        OptimizerSpec optimizer = OptimizerSpec.parse("nesterov:0.9");
        MultiLayerNetwork oneThread = Networks.build(ModelSpec.cnn(), optimizer, SteerableSchedule.constant(0.01), IMAGE, 7,
                EngineTuning.defaults());
        MultiLayerNetwork twoThreads = Networks.build(ModelSpec.cnn(), optimizer, SteerableSchedule.constant(0.01), IMAGE, 7,
                EngineTuning.defaults());
        for (int i = 0; i < 4; i++) {
            DataSet batch = TinyData.batch(IMAGE, 16, i);
            oneThread.fit(batch);
            if (i % 2 == 0) {
                twoThreads.fit(batch);
            } else {
                Thread other = new Thread(() -> {
                    NativeSettings.applyToCurrentThread();
                    twoThreads.fit(batch);
                });
                other.start();
                other.join();
            }
        }
        assertThat(twoThreads.params()).isEqualTo(oneThread.params());
    }

    /** A layer keeps the primitives of its last four input shapes and frees the least recent beyond that. */
    @Test
    void aLayerKeepsFourShapesAndFreesTheRest() {
        OneDnn.Shapes<Named> shapes = new OneDnn.Shapes<>();
        java.util.List<Named> made = new java.util.ArrayList<>();
        for (int shape : new int[] {1, 2, 3, 4, 1, 5}) {
            shapes.get(shape, () -> {
                Named p = new Named(shape);
                made.add(p);
                return p;
            });
        }
        assertThat(made).hasSize(5); // shape 1 came back from the cache
        assertThat(made.get(1).get()).as("shape 2, least recently used, closed").isTrue();
        assertThat(made.get(0).get()).isFalse();
        assertThat(made.subList(2, 5)).noneMatch(Named::get);
        assertThat(shapes.last()).hasToString("5");
        assertThat(shapes.get(6, () -> {
            throw new IllegalStateException("could not create a primitive descriptor");
        })).as("a shape oneDNN refuses: the layer's own path").isNull();
        assertThat(shapes.get(6, () -> new Named(6))).as("not tried again").isNull();
    }

    /** A stand-in for a set of primitives: named by its shape, true once closed. */
    private static final class Named extends java.util.concurrent.atomic.AtomicBoolean implements AutoCloseable {
        private final int shape;

        Named(int shape) {
            this.shape = shape;
        }

        @Override
        public void close() {
            set(true);
        }

        @Override
        public String toString() {
            return String.valueOf(shape);
        }
    }

    /** JavaCPP's oneDNN presets have natives for x86-64 Linux, macOS and Windows: there the convolutions use them. */
    @Test
    void oneDnnLoadsOnX86_64() {
        String arch = System.getProperty("os.arch");
        if (arch.equals("amd64") || arch.equals("x86_64")) {
            assertThat(OneDnn.unavailableReason()).isNull();
        }
    }

    /**
     * A first dense layer reading images through a flatten (Keras' {@code Flatten → Dense}, a saved DL4J model) must
     * hand its preprocessor an input gradient: DL4J passes it on even for the first layer (it was null: a crash).
     */
    @Test
    void aFirstDenseLayerBehindAPreprocessorTrainsAsStockDl4j() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).updater(new Sgd(0.05)).list()
                .layer(new DenseLayer.Builder().nOut(5).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(6, 6, 2))
                .build();
        StockAndLean both = StockAndLean.of(conf, 4096, 16384);
        MultiLayerNetwork stock = both.stock();
        MultiLayerNetwork lean = both.lean();
        assertThat(lean.getLayer(0).conf().getLayer()).isInstanceOf(LeanDenseLayer.class);
        ComputationGraphConfiguration graphConf = new NeuralNetConfiguration.Builder().seed(3).updater(new Sgd(0.05))
                .graphBuilder().addInputs("in")
                .addLayer("dense", new DenseLayer.Builder().nOut(5).activation(Activation.RELU).build(), "in")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("out").setInputTypes(InputType.convolutional(6, 6, 2)).build();
        ComputationGraph stockGraph = new ComputationGraph(graphConf);
        stockGraph.init();
        ComputationGraph leanGraph = LeanLayers.onLeanLayers(stockGraph.clone(), 0);
        assertThat(leanGraph.getLayer("dense").conf().getLayer()).isInstanceOf(LeanDenseLayer.class);
        NetworkShape shape = NetworkShape.image(2, 6, 6, 3);
        for (int i = 0; i < 3; i++) {
            DataSet batch = imageBatch(shape, CNN2DFormat.NCHW, 8, i);
            stock.fit(batch);
            lean.fit(batch);
            stockGraph.fit(batch);
            leanGraph.fit(batch);
        }
        assertClose(lean.params(), stock.params(), 1e-4, "parameters");
        assertClose(leanGraph.params(), stockGraph.params(), 1e-4, "graph parameters");
    }

    @Test
    void aDilatedConvolutionKeepsDl4jsOwnPath() {
        // oneDNN 2.x as ND4J 1.0.0-M2.1 calls it refuses dilated convolutions ("could not create a descriptor").
        ConvolutionLayer layer = conv(3).convolutionMode(ConvolutionMode.Same).dilation(2, 2).nOut(4).build();
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).updater(new Sgd(0.05)).list()
                .layer(layer)
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutional(9, 9, 1))
                .build();
        StockAndLean both = StockAndLean.of(conf, 0, 0);
        MultiLayerNetwork stock = both.stock();
        MultiLayerNetwork lean = both.lean();
        DataSet batch = imageBatch(NetworkShape.image(1, 9, 9, 3), CNN2DFormat.NCHW, 4, 1);
        stock.fit(batch);
        lean.fit(batch);
        assertThat(lean.params()).isEqualTo(stock.params());
    }

    /** A graph (a Keras functional model, a saved graph) gets lean convolutions, dense layers and softmax output too. */
    @Test
    void aGraphTrainsOnLeanLayersAsOnStockOnesWithinRounding() {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(5).updater(new Adam(0.01))
                .weightInit(WeightInit.XAVIER)
                .graphBuilder()
                .addInputs("in")
                .addLayer("conv1", conv(3).convolutionMode(ConvolutionMode.Same).nOut(4).activation(Activation.RELU).build(), "in")
                .addLayer("conv2", conv(3).convolutionMode(ConvolutionMode.Same).nOut(4).activation(Activation.RELU).build(), "conv1")
                .addVertex("sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), "conv1", "conv2")
                .addLayer("dense", new DenseLayer.Builder().nOut(6).activation(Activation.RELU).build(), "sum")
                .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
                        .activation(Activation.SOFTMAX).build(), "dense")
                .setOutputs("out")
                .setInputTypes(InputType.convolutional(7, 7, 2))
                .build();
        ComputationGraph stock = new ComputationGraph(conf);
        stock.init();
        ComputationGraph lean = LeanLayers.onLeanLayers(stock.clone(), 0);
        assertThat(lean.getLayer("conv1").conf().getLayer()).isInstanceOf(LeanConvolutionLayer.class);
        assertThat(lean.getLayer("conv2").conf().getLayer()).isInstanceOf(LeanConvolutionLayer.class);
        assertThat(lean.getLayer("dense").conf().getLayer()).isInstanceOf(LeanDenseLayer.class);
        assertThat(((LeanDenseLayer) lean.getLayer("dense").conf().getLayer()).inputGradientNeeded()).isTrue();
        assertThat(lean.getLayer("out")).isInstanceOf(LeanSoftmaxOutput.class);
        assertThat(lean.params()).isEqualTo(stock.params());
        NetworkShape shape = NetworkShape.image(2, 7, 7, 3);
        for (int i = 0; i < 5; i++) {
            DataSet batch = imageBatch(shape, CNN2DFormat.NCHW, 8, i);
            stock.fit(batch);
            lean.fit(batch);
            assertThat(lean.score()).as("score of update %d", i).isCloseTo(stock.score(), within(1e-4 * stock.score()));
        }
        assertClose(lean.params(), stock.params(), 1e-3, "parameters");
        assertThat(LeanLayers.stockConfiguration(lean.getConfiguration()).toJson()).doesNotContain("Lean");
    }

    @Test
    void aLeanNetworkIsWrittenWithStockConvolutions() {
        MultiLayerNetwork lean = Networks.build(ModelSpec.cnn(), OptimizerSpec.of(Kind.ADAM), SteerableSchedule.constant(0.01),
                IMAGE, 7, EngineTuning.defaults());
        MultiLayerConfiguration stock = LeanLayers.stockConfiguration(lean.getLayerWiseConfigurations());
        assertThat(stock.getConf(0).getLayer().getClass()).isEqualTo(ConvolutionLayer.class);
        assertThat(stock.getConf(2).getLayer().getClass()).isEqualTo(ConvolutionLayer.class);
        ConvolutionLayer written = (ConvolutionLayer) stock.getConf(0).getLayer();
        ConvolutionLayer built = (ConvolutionLayer) Networks.buildWithStockLayers(ModelSpec.cnn(), OptimizerSpec.of(Kind.ADAM),
                SteerableSchedule.constant(0.01), IMAGE, 7).getLayerWiseConfigurations().getConf(0).getLayer();
        // Every configuration field; the two networks have schedules of their own.
        assertThat(written.toString().replaceAll("@\\p{XDigit}+", "")).isEqualTo(built.toString().replaceAll("@\\p{XDigit}+", ""));
        String json = stock.toJson();
        assertThat(json).doesNotContain("Lean");
        assertThat(MultiLayerConfiguration.fromJson(json).getConf(2).getLayer().getClass()).isEqualTo(ConvolutionLayer.class);
    }

    @Test
    void theOneDnnBuildIsTheOneLoadedWhereItIsOnTheClassPath() {
        assertThat(NativeSettings.nativeBuild()).isEqualTo(NativeSettings.hasOneDnnBuild() ? "-onednn" : "");
    }

    /** The network of {@code conf} on DL4J's stock layers, initialised, and a copy of it on ours. */
    private record StockAndLean(MultiLayerNetwork stock, MultiLayerNetwork lean) {
        static StockAndLean of(MultiLayerConfiguration conf, long javaErrorLimit, long javaProductLimit) {
            MultiLayerNetwork stock = new MultiLayerNetwork(conf);
            stock.init();
            return new StockAndLean(stock, LeanLayers.onLeanLayers(stock.clone(), javaErrorLimit, javaProductLimit));
        }
    }

    private static ConvolutionLayer.Builder conv(int kernel) {
        return new ConvolutionLayer.Builder(kernel, kernel);
    }

    /**
     * Both networks trained on the same image batches (seeds {@code first} to {@code end - 1}), ND4J's random generator
     * set alike before each update; every update's score within rounding of the stock network's.
     */
    private static void trainSideBySide(MultiLayerNetwork stock, MultiLayerNetwork lean, NetworkShape shape,
                                        CNN2DFormat format, int examples, int first, int end) {
        for (int i = first; i < end; i++) {
            DataSet batch = imageBatch(shape, format, examples, i);
            Nd4j.getRandom().setSeed(100 + i);
            stock.fit(batch);
            Nd4j.getRandom().setSeed(100 + i);
            lean.fit(batch);
            assertThat(lean.score()).as("score of update %d", i).isCloseTo(stock.score(), within(1e-4 * stock.score()));
        }
    }

    private static DataSet imageBatch(NetworkShape shape, CNN2DFormat format, int examples, long seed) {
        DataSet flat = TinyData.batch(shape, examples, seed);
        int[] chw = shape.imageChannelsHeightWidth();
        INDArray nchw = flat.getFeatures().reshape('c', examples, chw[0], chw[1], chw[2]);
        INDArray features = format == CNN2DFormat.NCHW ? nchw : nchw.permute(0, 2, 3, 1).dup('c');
        return new DataSet(features.castTo(DataType.FLOAT), flat.getLabels());
    }

    private static void assertSameTraining(MultiLayerNetwork stock, MultiLayerNetwork lean, NetworkShape shape, int batchSize,
                                           int updates) {
        for (int i = 0; i < updates; i++) {
            DataSet batch = TinyData.batch(shape, batchSize, i);
            stock.fit(batch);
            lean.fit(batch);
            assertThat(lean.score()).as("score of update %d", i).isCloseTo(stock.score(), within(1e-4 * stock.score()));
        }
        // Adaptive methods turn rounding differences in near-zero gradients into steps of up to the LR.
        assertClose(lean.params(), stock.params(), 1e-3, "parameters");
        INDArray stockState = stock.getUpdater().getStateViewArray();
        if (stockState != null) {
            assertClose(lean.getUpdater().getStateViewArray(), stockState, 1e-3, "updater state");
        }
    }

    private static void assertClose(INDArray actual, INDArray expected, double tolerance, String what) {
        double[] a = actual.toDoubleVector();
        double[] e = expected.toDoubleVector();
        assertThat(a).hasSameSizeAs(e);
        double scale = 0;
        for (double v : e) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < e.length; i++) {
            assertThat(a[i]).as("%s %d of %d", what, i, e.length).isCloseTo(e[i], within(tolerance * Math.max(scale, 1e-3)));
        }
    }
}
