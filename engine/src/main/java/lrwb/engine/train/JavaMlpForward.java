package lrwb.engine.train;

import lrwb.engine.runtime.HostCopy;
import lrwb.engine.runtime.RowProducts;
import lrwb.engine.runtime.RowSoftmax;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.layers.BaseOutputLayer;
import org.deeplearning4j.nn.layers.feedforward.dense.DenseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The inference pass of a small MLP (ReLU dense layers, a softmax output) computed in Java from a copy of its
 * parameters. For the networks people teach with, DL4J's {@code output} costs a few hundred microseconds of
 * fixed per-operation overhead for a few thousand multiply-adds; evaluating iris's 30 validation rows this way
 * takes a few microseconds. The products are the lean layers' ({@link RowProducts}): the same arithmetic in float
 * as DL4J's, bias added after the product, so the same probabilities up to rounding.
 */
final class JavaMlpForward {
    /** One layer: {@code weights[in][out]} (rows of {@code [inputs, outputs]}), {@code bias[out]}. */
    private record Dense(float[][] weights, float[] bias) {
    }

    private final List<Dense> layers;

    private JavaMlpForward(List<Dense> layers) {
        this.layers = layers;
    }

    /**
     * A copy of the network's current parameters; empty if it is not a plain ReLU MLP with a softmax output, or
     * if passing one row forward takes more than {@code maxMultiplyAddsPerRow}.
     */
    static Optional<JavaMlpForward> of(MultiLayerNetwork net, long maxMultiplyAddsPerRow) {
        if (net.getLayerWiseConfigurations().getInputPreProcessors().values().stream().anyMatch(p -> p != null)
                || weightCount(net) > maxMultiplyAddsPerRow) {
            return Optional.empty();
        }
        List<Dense> layers = new ArrayList<>();
        Layer[] all = net.getLayers();
        for (int i = 0; i < all.length; i++) {
            Layer layer = all[i];
            boolean last = i == all.length - 1;
            boolean shapeOk = last ? layer instanceof BaseOutputLayer<?> : layer instanceof DenseLayer;
            if (!shapeOk || !(layer.conf().getLayer() instanceof BaseLayer conf) || layer.getMaskArray() != null
                    || conf.getIDropout() != null || conf.getWeightNoise() != null || !plain(conf, last)) {
                return Optional.empty();
            }
            INDArray w = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
            float[][] weights = HostCopy.rows(w, new float[(int) w.size(0)][(int) w.size(1)]);
            float[] bias = HostCopy.values(layer.getParam(DefaultParamInitializer.BIAS_KEY));
            if (bias.length != w.size(1)) {
                return Optional.empty();
            }
            layers.add(new Dense(weights, bias));
        }
        return layers.isEmpty() ? Optional.empty() : Optional.of(new JavaMlpForward(layers));
    }

    /** Weights (not biases) of every layer: an MLP's multiply-adds per row. */
    private static long weightCount(MultiLayerNetwork net) {
        long n = 0;
        for (Layer layer : net.getLayers()) {
            INDArray weights = layer.paramTable().get(DefaultParamInitializer.WEIGHT_KEY);
            n += weights == null ? 0 : weights.length();
        }
        return n;
    }

    private static boolean plain(BaseLayer conf, boolean last) {
        if (conf instanceof org.deeplearning4j.nn.conf.layers.DenseLayer dense && (dense.hasLayerNorm() || !dense.hasBias())) {
            return false;
        }
        return last ? conf.getActivationFn() instanceof ActivationSoftmax : new ActivationReLU().equals(conf.getActivationFn());
    }

    /** Softmax output, row-major {@code [rows, classes]}, for row-major {@code [rows, inputs]} features. */
    float[] probabilities(float[] features, int rows) {
        int inputs = layers.get(0).weights().length;
        float[][] activations = new float[rows][inputs];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(features, r * inputs, activations[r], 0, inputs);
        }
        for (int l = 0; l < layers.size(); l++) {
            Dense d = layers.get(l);
            float[][] out = new float[rows][d.bias().length];
            RowProducts.linear(activations, d.weights(), d.bias(), l < layers.size() - 1, out);
            activations = out;
        }
        int classes = layers.get(layers.size() - 1).bias().length;
        float[] probabilities = new float[rows * classes];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(activations[r], 0, probabilities, r * classes, classes);
            RowSoftmax.inPlace(probabilities, r * classes, classes);
        }
        return probabilities;
    }
}
