package lrwb.engine.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.broadcast.BiasAdd;
import org.nd4j.linalg.factory.Nd4j;

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

    /**
     * {@code x·W + b} as DL4J's BaseLayer computes it, with ND4J's bias-add operation in place of the row-vector
     * broadcast: the same additions (so the same values, bit for bit) at half the fixed cost, some 10 µs per layer
     * and pass. Null when {@code input} is not a {@code [batch, inputs]} matrix.
     */
    static INDArray preActivation(INDArray input, DataType dataType, INDArray weights, INDArray bias,
                                  LayerWorkspaceMgr workspaceMgr) {
        if (input == null || input.rank() != 2 || input.columns() != weights.rows()) {
            return null; // not a batch this layer reads: DL4J's path says what is wrong
        }
        INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, weights.dataType(),
                new long[] {input.size(0), weights.size(1)});
        input.castTo(dataType).castTo(z.dataType()).mmuli(weights, z);
        Nd4j.exec(new BiasAdd(z, bias, z, false));
        return z;
    }
}
