package lrwb.engine.model;

import org.deeplearning4j.nn.conf.layers.BaseLayer;

import java.util.ArrayList;

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
}
