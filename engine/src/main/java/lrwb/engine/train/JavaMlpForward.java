package lrwb.engine.train;

import lrwb.engine.runtime.HostCopy;
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
 * takes a few microseconds. Same arithmetic in float as DL4J's, so the same probabilities up to rounding.
 */
final class JavaMlpForward {
    /** One layer: {@code weights[in * outputs + out]} (row-major {@code [inputs, outputs]}), {@code bias[out]}. */
    private record Dense(int inputs, int outputs, float[] weights, float[] bias) {
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
            float[] weights = HostCopy.rowMajor(layer.getParam(DefaultParamInitializer.WEIGHT_KEY));
            float[] bias = HostCopy.values(layer.getParam(DefaultParamInitializer.BIAS_KEY));
            layers.add(new Dense(bias.length == 0 ? 0 : weights.length / bias.length, bias.length, weights, bias));
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
        float[] activations = features;
        for (int l = 0; l < layers.size(); l++) {
            Dense d = layers.get(l);
            float[] out = new float[rows * d.outputs()];
            for (int r = 0; r < rows; r++) {
                int in = r * d.inputs();
                int o = r * d.outputs();
                System.arraycopy(d.bias(), 0, out, o, d.outputs()); // rows accumulate onto the bias
                for (int k = 0; k < d.inputs(); k++) {
                    float x = activations[in + k];
                    if (x == 0) {
                        continue; // ReLU zeros are common and add nothing
                    }
                    int w = k * d.outputs();
                    for (int j = 0; j < d.outputs(); j++) {
                        out[o + j] += x * d.weights()[w + j];
                    }
                }
                if (l < layers.size() - 1) {
                    for (int j = o; j < o + d.outputs(); j++) {
                        out[j] = Math.max(out[j], 0f);
                    }
                } else {
                    RowSoftmax.inPlace(out, o, d.outputs());
                }
            }
            activations = out;
        }
        return activations;
    }
}
