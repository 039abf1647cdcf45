package lrwb.engine.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;

/** What the lean layer configurations share. */
final class LeanLayers {
    private LeanLayers() {
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
    static Layer wire(org.deeplearning4j.nn.layers.BaseLayer<?> layer, NeuralNetConfiguration conf,
                      Collection<TrainingListener> listeners, int index, INDArray paramsView, Map<String, INDArray> params) {
        layer.setListeners(listeners);
        layer.setIndex(index);
        layer.setParamsViewArray(paramsView);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }
}
