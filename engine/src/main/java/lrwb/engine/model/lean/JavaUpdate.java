package lrwb.engine.model.lean;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.updater.UpdaterBlock;
import lrwb.engine.runtime.HostCopy;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.NesterovsUpdater;
import org.nd4j.linalg.learning.SgdUpdater;
import org.nd4j.linalg.learning.regularization.Regularization;

import java.util.List;

/**
 * A {@link LeanStep}'s network's updater, in Java: what DL4J's {@code BaseMultiLayerUpdater.update} does with the
 * gradient of an all-lean network (whose layers have already averaged it over the batch) — hand each block of
 * parameters to its optimizer — on the gradient in a Java array, with the same float operations in the same order, so
 * the update and the updater's state are bit for bit DL4J's (LeanStepTest). It covers the configurations whose every
 * part has such a form: no gradient normalisation, no regularisation (l1, l2, weight decay), no division by the batch
 * left to DL4J, and each block's optimizer DL4J's plain {@code Sgd} or {@code Nesterovs}, or one of ours that is a
 * {@link ValuesUpdater} (momentum, the Adam family, Adagrad, RMSprop, Adadelta). Anything else stays with DL4J's
 * updater.
 *
 * <p>Why: for a small network DL4J's update is bookkeeping around little arithmetic — the gradient regrouped by layer
 * into hash maps keyed by substrings, an optimizer operation per block with its native context, and two reshapes per
 * block, each a new native shape buffer. Every one is registered with ND4J's deallocator, whose thread and the
 * collector free them again on the other core — the core a sweep's second cell runs on.
 */
final class JavaUpdate {
    private static final String[] PARAMS = {DefaultParamInitializer.WEIGHT_KEY, DefaultParamInitializer.BIAS_KEY};
    private final MultiLayerNetwork net;
    private final Layer[] layers;
    /** Each block's gradient values while its optimizer works on them, kept from update to update. */
    private float[][] blockValues = new float[0][];

    JavaUpdate(MultiLayerNetwork net) {
        this.net = net;
        this.layers = net.getLayers();
    }

    /**
     * Whether {@link #apply} can make this update as DL4J's updater would. Asked before every update: a network's
     * configuration can change between updates (a test sets clipping after building).
     */
    boolean covers() {
        if (!(net.getUpdater() instanceof FlatGradientUpdater updater)) {
            return false;
        }
        int dividing = 0;
        for (Layer layer : layers) {
            BaseLayer conf = (BaseLayer) layer.conf().getLayer();
            GradientNormalization normalization = conf.getGradientNormalization();
            if (normalization != null && normalization != GradientNormalization.None) {
                return false;
            }
            for (String param : PARAMS) {
                List<Regularization> regularization = conf.getRegularizationByParam(param);
                if (regularization != null && !regularization.isEmpty()) {
                    return false;
                }
                dividing += layer.updaterDivideByMinibatch(param) ? 1 : 0;
            }
        }
        // The lean layers under a LeanStep average their gradients themselves, so DL4J divides none of them.
        if (dividing != 0 && updater.dividesByMinibatch()) {
            return false;
        }
        for (UpdaterBlock block : updater.getUpdaterBlocks()) {
            GradientUpdater<?> optimizer = block.getGradientUpdater();
            long length = block.getParamOffsetEnd() - block.getParamOffsetStart();
            boolean inJava = optimizer instanceof SgdUpdater
                    || optimizer instanceof NesterovsUpdater nesterovs && JavaNesterovsUpdater.IN_JAVA && nesterovs.getV() != null
                    && nesterovs.getV().dataType() == DataType.FLOAT && nesterovs.getV().length() == length
                    || optimizer instanceof ValuesUpdater values && values.updatesValues(length);
            if (block.skipDueToPretrainConfig(false) || !inJava) {
                return false;
            }
        }
        return true;
    }

    /**
     * The update from the network's flat gradient {@code g} (in the order of its flattened
     * gradient array), in place: {@code g} becomes what the step subtracts from the parameters, and each optimizer's
     * state moves on. Only after {@link #covers} said yes.
     */
    void apply(float[] g, int iteration, int epoch) {
        List<UpdaterBlock> blocks = ((FlatGradientUpdater) net.getUpdater()).getUpdaterBlocks();
        if (blockValues.length != blocks.size()) {
            blockValues = new float[blocks.size()][];
        }
        for (int i = 0; i < blocks.size(); i++) {
            UpdaterBlock block = blocks.get(i);
            int from = block.getParamOffsetStart();
            int to = block.getParamOffsetEnd();
            GradientUpdater<?> optimizer = block.getGradientUpdater();
            if (optimizer instanceof SgdUpdater sgd) {
                float lr = (float) sgd.getConfig().getLearningRate(iteration, epoch); // the op's float scalar
                for (int k = from; k < to; k++) {
                    g[k] *= lr;
                }
            } else if (optimizer instanceof NesterovsUpdater nesterovs) {
                nesterovs(nesterovs, g, from, to, i, iteration, epoch);
            } else {
                float[] values = blockValues(i, to - from);
                System.arraycopy(g, from, values, 0, values.length);
                ((ValuesUpdater) optimizer).updateValues(values, iteration, epoch);
                System.arraycopy(values, 0, g, from, values.length);
            }
        }
    }

    /**
     * DL4J's Nesterov momentum as libnd4j's {@code nesterovs_updater} computes it, in float, on the velocity {@code v}
     * (the updater's state, read and written back): {@code p = m·v; v = p − lr·g; update = p + (−m − 1)·v}.
     */
    private void nesterovs(NesterovsUpdater nesterovs, float[] g, int from, int to, int block, int iteration, int epoch) {
        float[] v = blockValues(block, to - from);
        HostCopy.values(nesterovs.getV(), v);
        JavaNesterovsUpdater.step(g, from, v, to - from, (float) nesterovs.getConfig().getLearningRate(iteration, epoch),
                (float) nesterovs.getConfig().currentMomentum(iteration, epoch));
        HostCopy.write(v, nesterovs.getV());
    }

    /** Block {@code block}'s working array of {@code length} values: a block's gradient, or Nesterov's velocity. */
    private float[] blockValues(int block, int length) {
        float[] values = blockValues[block];
        if (values == null || values.length != length) {
            values = blockValues[block] = new float[length];
        }
        return values;
    }
}
