package lrwb.engine.model.files;

import lrwb.engine.model.PublishedOptimizer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;

import java.util.List;
import java.util.Objects;

/**
 * Puts the run's optimizer into every trainable layer of a file's network: the file's own optimizer and LR are never
 * used. Every layer gets the very same {@link IUpdater} object, for weights and biases alike, and so the one LR
 * schedule inside it: DL4J's configuration builder would clone it per layer, and a clone of a schedule that is not
 * our steerable one would no longer follow the run's LR.
 */
final class RunOptimizer {
    private RunOptimizer() {
    }

    /** Layers whose updater is {@link NoOp} are frozen in the file and stay so. */
    static void install(List<NeuralNetConfiguration> layers, IUpdater updater) {
        Objects.requireNonNull(updater, "updater");
        for (NeuralNetConfiguration conf : layers) {
            if (conf.getLayer() instanceof BaseLayer layer && !(layer.getIUpdater() instanceof NoOp)) {
                layer.setIUpdater(updater);
                layer.setBiasUpdater(updater);
            }
        }
    }

    /**
     * Whether the file's updater state can continue with {@code updater}: every trainable layer had an updater of
     * the same class (an Adam state means nothing to SGD with momentum). The state's length is checked after the
     * network is rebuilt.
     */
    static boolean sameKind(List<NeuralNetConfiguration> layers, IUpdater updater) {
        for (NeuralNetConfiguration conf : layers) {
            if (conf.getLayer() instanceof BaseLayer layer && !(layer.getIUpdater() instanceof NoOp)) {
                Class<?> kind = family(updater);
                if (layer.getIUpdater() == null || family(layer.getIUpdater()) != kind
                        || (layer.getBiasUpdater() != null && family(layer.getBiasUpdater()) != kind)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Our published-rule optimizers are saved as DL4J's updater of the same name, whose state has the same layout. */
    private static Class<?> family(IUpdater updater) {
        return updater instanceof PublishedOptimizer published ? published.stockClass() : updater.getClass();
    }
}
