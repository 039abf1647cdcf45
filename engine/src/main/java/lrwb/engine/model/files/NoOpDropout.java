package lrwb.engine.model.files;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;

import java.util.List;

/**
 * DL4J's Keras import gives every layer a dropout that keeps every value (p = 1.0). It changes nothing but costs a
 * mask per update, and in 1.0.0-M2.1 its backward pass breaks a channels_last (NHWC) first convolution: the mask
 * has the input's NHWC shape, the gradient DL4J multiplies it with is NCHW. Such dropouts are removed.
 */
final class NoOpDropout {
    private NoOpDropout() {
    }

    static void remove(List<NeuralNetConfiguration> layers) {
        for (NeuralNetConfiguration conf : layers) {
            if (conf.getLayer().getIDropout() instanceof Dropout dropout && dropout.getP() == 1.0 && dropout.getPSchedule() == null) {
                conf.getLayer().setIDropout(null);
            }
        }
    }
}
