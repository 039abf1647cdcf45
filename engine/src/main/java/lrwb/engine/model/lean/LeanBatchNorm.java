package lrwb.engine.model.lean;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.DivOp;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SubOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The runtime side of {@link LeanBatchNormLayer}. DL4J's batch normalisation (1.0.0-M2.1) runs its forward pass as
 * four broadcast operations over the whole activation map and its backward pass as a dozen more, each a pass over
 * memory; ND4J has both as single native operations ({@code batchnorm}, {@code batchnorm_bp}, oneDNN's in the
 * oneDNN build). This layer computes the batch's mean and variance (ND4J's {@code moments}), normalises with {@code batchnorm},
 * takes every gradient from {@code batchnorm_bp} (the input's through the batch statistics too) and updates the
 * running statistics exactly as DL4J does (as "gradients" its updater subtracts). Images only (rank 4, NCHW or
 * NHWC) with learned gamma and beta; dense input, fixed gamma/beta, inference with the running statistics and a
 * backward pass not preceded by this layer's training forward pass take DL4J's own path.
 */
final class LeanBatchNorm extends BatchNormalization {
    /** log10(x) / 2 = ln(x) · this: DL4J's parameterisation of the running standard deviation. */
    private static final double ONE_ON_2LOGE_10 = 1.0 / (2 * Math.log(10.0));

    private INDArray forwardInput;
    private INDArray batchMean;
    private INDArray batchVariance;

    LeanBatchNorm(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray preOutput(INDArray x, TrainingMode training, LayerWorkspaceMgr workspaceMgr) {
        forwardInput = null;
        if (training != TrainingMode.TRAIN || !isNative(x)) {
            return super.preOutput(x, training, workspaceMgr);
        }
        INDArray in = x.castTo(dataType);
        int[] reduce = nchw() ? new int[] {0, 2, 3} : new int[] {0, 1, 2};
        // The batch's mean and biased variance over examples and positions, per channel: the same values as DL4J's
        // mean and var(false) (bit for bit here) from one operation, in a third of their time.
        long channels = in.size(channelAxis());
        INDArray mean = Nd4j.createUninitialized(in.dataType(), channels);
        INDArray variance = Nd4j.createUninitialized(in.dataType(), channels);
        Nd4j.exec(DynamicCustomOp.builder("moments").addInputs(in).addOutputs(mean, variance)
                .addIntegerArguments(reduce).build());
        INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, in.dataType(), in.shape(), 'c');
        Nd4j.exec(DynamicCustomOp.builder("batchnorm")
                .addInputs(in, mean, variance, vector(gammaParam()), vector(betaParam()))
                .addOutputs(out)
                .addIntegerArguments(1, 1, channelAxis())
                .addFloatingPointArguments(layerConf().getEps())
                .build());
        forwardInput = x;
        batchMean = mean.detach();
        batchVariance = variance.detach();
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        if (forwardInput == null || forwardInput != input || !isNative(input)) {
            return super.backpropGradient(epsilon, workspaceMgr);
        }
        assertInputSet(true);
        INDArray in = input.castTo(dataType);
        INDArray gradO = epsilon.castTo(dataType);
        INDArray inputGradient = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, dataType, in.shape(), 'c');
        INDArray gammaGradient = gradientViews.get(BatchNormalizationParamInitializer.GAMMA);
        INDArray betaGradient = gradientViews.get(BatchNormalizationParamInitializer.BETA);
        INDArray meanGradient = Nd4j.createUninitialized(dataType, batchMean.shape());
        INDArray varianceGradient = Nd4j.createUninitialized(dataType, batchVariance.shape());
        Nd4j.exec(DynamicCustomOp.builder("batchnorm_bp")
                .addInputs(in, batchMean, batchVariance, vector(gammaParam()), vector(betaParam()), gradO)
                .addOutputs(inputGradient, meanGradient, varianceGradient, vector(gammaGradient), vector(betaGradient))
                .addIntegerArguments(1, 1, channelAxis())
                .addFloatingPointArguments(layerConf().getEps())
                .build());

        Gradient gradient = new DefaultGradient();
        gradient.setGradientFor(BatchNormalizationParamInitializer.GAMMA, gammaGradient);
        gradient.setGradientFor(BatchNormalizationParamInitializer.BETA, betaGradient);
        runningStatistics(gradient);
        forwardInput = null;
        batchMean = null;
        batchVariance = null;
        return new Pair<>(gradient, inputGradient);
    }

    /**
     * The running mean and variance move towards the batch's as DL4J moves them: as "gradients" the updater (a
     * no-op one for these parameters) subtracts, {@code (1 - decay)·(running - batch)}, in DL4J's
     * log10(std) parameterisation when the layer uses it.
     */
    private void runningStatistics(Gradient gradient) {
        double decay = layerConf().getDecay();
        INDArray globalMean = getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN);
        INDArray meanStep = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_MEAN);
        Nd4j.getExecutioner().exec(new SubOp(globalMean, batchMean.reshape(globalMean.shape()), meanStep));
        meanStep.muli(1 - decay);
        gradient.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_MEAN, meanStep);
        if (layerConf().isUseLogStd()) {
            INDArray log10Std = getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
            INDArray step = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
            INDArray variance = Nd4j.valueArrayOf(log10Std.shape(), 10.0, globalMean.dataType());
            Transforms.pow(variance, log10Std, false);
            variance.muli(variance);
            INDArray next = variance.mul(decay).addi(batchVariance.mul(1 - decay).reshape(variance.shape()));
            Nd4j.getExecutioner().exec(new DivOp(variance, next, step));
            Transforms.log(step, false);
            step.muli(ONE_ON_2LOGE_10);
            gradient.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_LOG_STD, step);
        } else {
            INDArray globalVariance = getParam(BatchNormalizationParamInitializer.GLOBAL_VAR);
            INDArray step = gradientViews.get(BatchNormalizationParamInitializer.GLOBAL_VAR);
            Nd4j.getExecutioner().exec(new SubOp(globalVariance, batchVariance.reshape(globalVariance.shape()), step));
            step.muli(1 - decay);
            gradient.setGradientFor(BatchNormalizationParamInitializer.GLOBAL_VAR, step);
        }
    }

    private boolean isNative(INDArray x) {
        return x != null && x.rank() == 4 && !layerConf().isLockGammaBeta() && getHelper() == null && maskArray == null
                && layerConf().getIDropout() == null;
    }

    private boolean nchw() {
        return layerConf().getCnn2DFormat() == CNN2DFormat.NCHW;
    }

    private int channelAxis() {
        return nchw() ? 1 : 3;
    }

    private INDArray gammaParam() {
        return getParam(BatchNormalizationParamInitializer.GAMMA);
    }

    private INDArray betaParam() {
        return getParam(BatchNormalizationParamInitializer.BETA);
    }

    /** DL4J keeps per-channel values as {@code [1, n]} rows; the operations take {@code [n]}: the same memory. */
    private static INDArray vector(INDArray row) {
        return row.reshape(row.length());
    }

    @Override
    public void clear() {
        super.clear();
        forwardInput = null;
        batchMean = null;
        batchVariance = null;
    }
}
