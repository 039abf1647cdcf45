package lrwb.engine.model.layers;

import lrwb.engine.model.layers.LayerSpec.AvgPool;
import lrwb.engine.model.layers.LayerSpec.Conv2d;
import lrwb.engine.model.layers.LayerSpec.Dense;
import lrwb.engine.model.layers.LayerSpec.MaxPool;

import java.util.List;
import java.util.Optional;

import static lrwb.engine.model.layers.LayerActivation.RELU;
import static lrwb.engine.model.layers.LayerActivation.SOFTMAX;
import static lrwb.engine.model.layers.Padding.SAME;
import static lrwb.engine.model.layers.Padding.VALID;

/** The named networks of specs/models.md, and the layers of the {@code cnn} model. */
final class LayerPresets {
    static final String MNIST_MLP = "mnist-mlp";
    static final String LENET5 = "lenet5";
    static final String CIFAR_CNN = "cifar-cnn";
    static final List<String> NAMES = List.of(MNIST_MLP, LENET5, CIFAR_CNN);

    /** cifar-cnn's l2 factor on its 3×3 convolutions (Keras' c). */
    static final double CIFAR_L2 = 1e-4;

    private LayerPresets() {
    }

    static Optional<LayerStack> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name) {
            case MNIST_MLP -> Optional.of(mnistMlp());
            case LENET5 -> Optional.of(lenet5());
            case CIFAR_CNN -> Optional.of(cifarCnn());
            default -> Optional.empty();
        };
    }

    /** 784-128-10 of the LR-decay article: one dense ReLU layer of 128; the softmax output of 10 comes from the data. */
    static LayerStack mnistMlp() {
        return new LayerStack(List.of(new Dense(128, RELU)), null, 0);
    }

    /**
     * LeNet-5 (LeCun et al. 1998) adapted to 28×28 MNIST as usually done today: the first convolution pads
     * ({@code same}) where the original read 32×32 images, ReLU instead of scaled tanh, max instead of trainable
     * average pooling, and the full C3 connection table. 28×28×1 -> conv5×5·6 same 28×28×6 -> maxPool 2 14×14×6 ->
     * conv5×5·16 valid 10×10×16 -> maxPool 2 5×5×16 -> dense 120 -> dense 84 -> softmax 10: 61,706 parameters.
     */
    static LayerStack lenet5() {
        return new LayerStack(List.of(
                new Conv2d(6, 5, SAME, RELU), new MaxPool(2),
                new Conv2d(16, 5, VALID, RELU), new MaxPool(2),
                new Dense(120, RELU), new Dense(84, RELU)), null, 0);
    }

    /**
     * The CIFAR-10 network of the LR-finder article, exactly as specs/models.md lists it: all convolutions same,
     * ReLU (the 1×1·10 one too), l2 1e-4 on the 3×3 ones only (set per layer; the stack's l2 is 0). Its last layer
     * is a softmax {@code activation}: conv1×1·10 + avgPool 4 leave a 1×1×10 map whose 10 values are the class
     * scores, so the softmax over them is the output (a cross-entropy loss layer, no parameters) and no dense layer
     * is appended — see {@link StackPlan}. On data with another number of classes it is refused.
     */
    static LayerStack cifarCnn() {
        return new LayerStack(List.of(
                conv3(32), conv3(64), new MaxPool(2),
                conv1(32), conv3(64), conv3(128), new MaxPool(2),
                conv1(32), conv3(128), conv3(256), new MaxPool(2),
                conv1(10), new AvgPool(4),
                new LayerSpec.Activation(SOFTMAX)), null, 0);
    }

    private static Conv2d conv3(int filters) {
        return new Conv2d(filters, 3, SAME, RELU).withL2(CIFAR_L2);
    }

    private static Conv2d conv1(int filters) {
        return new Conv2d(filters, 1, SAME, RELU);
    }

    /**
     * The {@code cnn} model as {@code Networks} builds it: conv5×5·8, maxPool 2, conv5×5·16, maxPool 2, dense 64,
     * all ReLU. Its pools pad ({@code same}) as its convolutions do: Networks sets the mode network-wide, so an
     * odd map rounds up (7 -> 4), where Keras' default pool would round down.
     */
    static LayerStack cnn() {
        return new LayerStack(List.of(
                new Conv2d(8, 5, SAME, RELU), new MaxPool(2, 2, SAME),
                new Conv2d(16, 5, SAME, RELU), new MaxPool(2, 2, SAME),
                new Dense(64, RELU)), null, 0);
    }
}
