package lrwb.engine.model.layers;

import lrwb.engine.model.NetworkShape;
import lrwb.engine.runtime.EngineTuning;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.learning.config.Sgd;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class LayerStackSummaryTest {
    private static final NetworkShape CIFAR = NetworkShape.image(3, 32, 32, 10);
    private static final NetworkShape MNIST = NetworkShape.image(1, 28, 28, 10);
    private static final NetworkShape IRIS = NetworkShape.tabular(4, 3);

    @Test
    void cifarCnnOn32x32x3() {
        LayerStack cifar = LayerStack.preset("cifar-cnn").orElseThrow();
        // params: conv k·k·in·out + out
        assertThat(cifar.summary(CIFAR)).extracting(LayerRow::name, LayerRow::type, LayerRow::outputShape, LayerRow::params)
                .containsExactly(
                        tuple("conv2d", "Conv2D", "32×32×32", 896L),                  // 3·3·3·32 + 32
                        tuple("conv2d_1", "Conv2D", "32×32×64", 18_496L),             // 3·3·32·64 + 64
                        tuple("max_pooling2d", "MaxPooling2D", "16×16×64", 0L),
                        tuple("conv2d_2", "Conv2D", "16×16×32", 2_080L),              // 1·1·64·32 + 32
                        tuple("conv2d_3", "Conv2D", "16×16×64", 18_496L),             // 3·3·32·64 + 64
                        tuple("conv2d_4", "Conv2D", "16×16×128", 73_856L),            // 3·3·64·128 + 128
                        tuple("max_pooling2d_1", "MaxPooling2D", "8×8×128", 0L),
                        tuple("conv2d_5", "Conv2D", "8×8×32", 4_128L),                // 1·1·128·32 + 32
                        tuple("conv2d_6", "Conv2D", "8×8×128", 36_992L),              // 3·3·32·128 + 128
                        tuple("conv2d_7", "Conv2D", "8×8×256", 295_168L),             // 3·3·128·256 + 256
                        tuple("max_pooling2d_2", "MaxPooling2D", "4×4×256", 0L),
                        tuple("conv2d_8", "Conv2D", "4×4×10", 2_570L),                // 1·1·256·10 + 10
                        tuple("average_pooling2d", "AveragePooling2D", "1×1×10", 0L),
                        tuple("flatten", "Flatten", "10", 0L),
                        tuple("activation", "Activation", "10", 0L));                 // the softmax output: no dense appended
        // 896 + 18,496 + 2,080 + 18,496 + 73,856 + 4,128 + 36,992 + 295,168 + 2,570
        assertThat(cifar.totalParams(CIFAR)).isEqualTo(452_682L);
        assertThat(built(cifar, CIFAR).numParams()).isEqualTo(452_682L);
    }

    @Test
    void lenet5OnMnist() {
        LayerStack lenet = LayerStack.preset("lenet5").orElseThrow();
        assertThat(lenet.summary(MNIST)).extracting(LayerRow::name, LayerRow::outputShape, LayerRow::params)
                .containsExactly(
                        tuple("conv2d", "28×28×6", 156L),         // 5·5·1·6 + 6
                        tuple("max_pooling2d", "14×14×6", 0L),
                        tuple("conv2d_1", "10×10×16", 2_416L),    // 5·5·6·16 + 16, valid: 14 - 5 + 1
                        tuple("max_pooling2d_1", "5×5×16", 0L),
                        tuple("flatten", "400", 0L),
                        tuple("dense", "120", 48_120L),           // 400·120 + 120
                        tuple("dense_1", "84", 10_164L),          // 120·84 + 84
                        tuple("dense_2", "10", 850L));            // 84·10 + 10, the appended output
        assertThat(lenet.totalParams(MNIST)).isEqualTo(61_706L).isEqualTo(built(lenet, MNIST).numParams());
    }

    @Test
    void mnistMlpIs784x128x10() {
        LayerStack mlp = LayerStack.preset("mnist-mlp").orElseThrow();
        // images without convolutions are read as their flat pixels, as mlp: reads them
        assertThat(mlp.summary(MNIST)).extracting(LayerRow::outputShape, LayerRow::params)
                .containsExactly(tuple("128", 100_480L), tuple("10", 1_290L));
        assertThat(mlp.totalParams(MNIST)).isEqualTo(101_770L).isEqualTo(built(mlp, MNIST).numParams());
    }

    @Test
    void everyKindOfLayerCountsAsDl4jDoes() {
        NetworkShape image = NetworkShape.image(2, 9, 9, 4);
        LayerStack stack = LayerStack.parse("""
                {"layers":[{"type":"conv2d","filters":5,"kernel":3,"stride":2,"padding":"same","activation":"elu"},
                           {"type":"batchNorm"},
                           {"type":"avgPool","size":2,"stride":1,"padding":"same"},
                           {"type":"maxPool","size":2},
                           {"type":"dropout","rate":0.5},
                           {"type":"activation","activation":"tanh"},
                           {"type":"dense","units":7,"activation":"sigmoid"},
                           {"type":"batchNorm"},
                           {"type":"dense","units":4,"activation":"softmax"}],"l2":0.01}""");
        assertThat(stack.summary(image)).extracting(LayerRow::type, LayerRow::outputShape, LayerRow::params)
                .containsExactly(
                        tuple("Conv2D", "5×5×5", 95L),           // same, stride 2: ceil(9/2); 3·3·2·5 + 5
                        tuple("BatchNormalization", "5×5×5", 20L), // gamma, beta, mean, var per channel
                        tuple("AveragePooling2D", "5×5×5", 0L),
                        tuple("MaxPooling2D", "2×2×5", 0L),      // valid: floor((5 - 2) / 2) + 1
                        tuple("Dropout", "2×2×5", 0L),
                        tuple("Activation", "2×2×5", 0L),
                        tuple("Flatten", "20", 0L),
                        tuple("Dense", "7", 147L),
                        tuple("BatchNormalization", "7", 28L),
                        tuple("Dense", "4", 32L));               // the last layer is the output: nothing appended
        assertThat(built(stack, image).numParams()).isEqualTo(stack.totalParams(image)).isEqualTo(322L);
        // and a global pool, on DL4J's stock and lean layers alike
        LayerStack global = LayerStack.parse("""
                {"layers":[{"type":"conv2d","filters":6,"kernel":2,"activation":"relu"},{"type":"globalAvgPool"},
                           {"type":"dense","units":4,"activation":"softmax"}]}""");
        assertThat(global.summary(image)).extracting(LayerRow::outputShape).containsExactly("8×8×6", "6", "4");
        assertThat(LayerStackConfiguration.network(global, new Sgd(0.1), 1, image, EngineTuning.defaults()).numParams())
                .isEqualTo(global.totalParams(image)).isEqualTo(54L + 28); // 2·2·2·6 + 6, 6·4 + 4
    }

    @Test
    void theOutputShapesAreDl4jsToo() {
        LayerStack lenet = LayerStack.preset("lenet5").orElseThrow();
        List<InputType> types = LayerStackConfiguration.configuration(lenet, new Sgd(0.1), 1, MNIST, null)
                .getLayerActivationTypes(InputType.convolutionalFlat(28, 28, 1));
        assertThat(types).extracting(Object::toString).containsExactly(
                "InputTypeConvolutional(h=28,w=28,c=6,NCHW)", "InputTypeConvolutional(h=14,w=14,c=6,NCHW)",
                "InputTypeConvolutional(h=10,w=10,c=16,NCHW)", "InputTypeConvolutional(h=5,w=5,c=16,NCHW)",
                "InputTypeFeedForward(120)", "InputTypeFeedForward(84)", "InputTypeFeedForward(10)");
    }

    @Test
    void aDenseSoftmaxOfAnotherWidthGetsAnOutputAppended() {
        LayerStack stack = new LayerStack(List.of(new LayerSpec.Dense(5, LayerActivation.SOFTMAX)), null, 0);
        assertThat(stack.summary(IRIS)).extracting(LayerRow::name, LayerRow::params)
                .containsExactly(tuple("dense", 25L), tuple("dense_1", 18L));
        assertThat(built(stack, IRIS).numParams()).isEqualTo(43);
    }

    @Test
    void mismatchesNameTheLayerAndTheSizes() {
        LayerStack lenet = LayerStack.preset("lenet5").orElseThrow();
        assertThat(lenet.mismatch(IRIS)).contains("layers[0] conv2d needs image data; the data has 4 tabular features");
        assertThat(lenet.mismatch(MNIST)).isEmpty();
        // 8 -> 8 (same) -> 4 -> 0 (valid 5x5 on 4x4)
        assertThat(lenet.mismatch(NetworkShape.image(1, 8, 8, 10)))
                .contains("layers[2] conv2d (kernel 5, stride 1, valid) shrinks the 4×4×6 map below 1×1");
        assertThat(stack("{'type':'maxPool','size':3}").mismatch(NetworkShape.image(1, 2, 2, 3)))
                .contains("layers[0] maxPool (size 3, stride 3, valid) shrinks the 2×2×1 map below 1×1");
        assertThat(stack("{'type':'dense','units':8},{'type':'maxPool','size':2}").mismatch(MNIST))
                .contains("layers[1] maxPool needs an image map, but layers[0] dense gives a vector of 8 values");
        assertThat(stack("{'type':'conv2d','filters':2,'kernel':1},{'type':'activation','activation':'softmax'},{'type':'dense','units':3}")
                .mismatch(MNIST)).contains("layers[1] activation softmax works on vectors only, but gets the 28×28×2 map");
        assertThat(LayerStack.preset("cifar-cnn").orElseThrow().mismatch(NetworkShape.image(3, 32, 32, 100)))
                .contains("layers[13] softmax gives 10 outputs, but the data has 100 classes");
        // 5·65,536 + 65,536, 65,536·65,536 + 65,536, 65,536·3 + 3
        assertThat(stack("{'type':'dense','units':65536},{'type':'dense','units':65536}").mismatch(IRIS))
                .contains("the network would have 4,295,557,123 parameters (at most 200,000,000)");
        assertThatThrownBy(() -> lenet.summary(IRIS)).isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("layers[0] conv2d needs image data; the data has 4 tabular features");
        assertThatThrownBy(() -> LayerStackConfiguration.configuration(lenet, new Sgd(0.1), 1, IRIS, null))
                .hasMessage("layers[0] conv2d needs image data; the data has 4 tabular features");
        assertThat(stack("{'type':'dense','units':8}").mismatch(IRIS)).isEqualTo(Optional.empty());
    }

    private static LayerStack stack(String layers) {
        return LayerStack.parse(("{'layers':[" + layers + "]}").replace('\'', '"'));
    }

    private static MultiLayerNetwork built(LayerStack stack, NetworkShape shape) {
        MultiLayerNetwork net = new MultiLayerNetwork(LayerStackConfiguration.configuration(stack, new Sgd(0.1), 1, shape, null));
        net.init();
        return net;
    }
}
