package lrwb.engine.model.lean;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.OutputLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import lrwb.engine.runtime.HostCopy;
import lrwb.engine.runtime.RowSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.lossfunctions.LossUtil;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The runtime side of {@link LeanOutputLayer}. In a DL4J update (1.0.0-M2.1) the output layer's backward pass
 * computes {@code z = a·W + b} and the softmax for the gradient, and then the network asks for the score, which
 * computes {@code z} and the softmax all over again. This layer computes the loss from the softmax of its
 * backward pass and answers the score request that follows with it: the same operations on the same values as
 * {@code LossMCXENT}, so the same score and gradients bit for bit, four array operations fewer per update.
 *
 * <p>A score request for other input or labels, or a layer this does not cover (class weights, masks, dropout,
 * weight noise, another loss or activation), takes DL4J's own path.
 */
final class LeanSoftmaxOutput extends OutputLayer {
    private INDArray scoredInput;
    private INDArray scoredLabels;
    private double lossSum = Double.NaN;
    /** What DL4J's clipping took off {@link #lossSum} ({@link UnclippedCrossEntropy}); NaN when not known. */
    private double clippedAway = Double.NaN;
    /** The last score this layer computed from its own loss, without the clipping; NaN when DL4J's path scored. */
    private double unclippedScore = Double.NaN;
    private ProbabilityListener predictionListener;
    /**
     * Outputs of up to this many values (batch x classes) get their softmax, error and loss in Java
     * ({@link #errorInJava}); 0 sends every output through ND4J (the tests that compare with DL4J bit for bit).
     * From the layer's configuration ({@link LeanOutputLayer}), that is from the engine's tuning.
     */
    private final long javaErrorLimit;
    /** See {@link lrwb.engine.runtime.EngineTuning#javaProductLimit}. */
    private long javaProductLimit;
    private boolean productLimitRaised;
    private boolean gradientsAveraged;
    private final ProductBuffers buffers = new ProductBuffers();
    /** The network's update in Java arrays ({@link LeanStep}), when it has one; set by {@link LeanLayers#finish}. */
    LeanStep step;

    LeanSoftmaxOutput(NeuralNetConfiguration conf, DataType dataType, long javaErrorLimit, long javaProductLimit) {
        super(conf, dataType);
        this.javaErrorLimit = javaErrorLimit;
        this.javaProductLimit = javaProductLimit;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr workspaceMgr) {
        forgetLoss();
        if (!isPlainSoftmaxCrossEntropy()) {
            Pair<Gradient, INDArray> stock = super.backpropGradient(epsilon, workspaceMgr);
            if (gradientsAveraged) { // as this layer promised the updater: averages, here and below
                long batch = input.size(0);
                stock.getFirst().gradientForVariable().values().forEach(g -> g.divi(batch));
                stock.getSecond().divi(batch);
            }
            return stock;
        }
        assertInputSet(true);
        // As BaseOutputLayer.backpropGradient with LossMCXENT's gradient and score inlined, from one softmax.
        INDArray preOutput = preOutput2d(true, workspaceMgr);
        INDArray labels2d = labels.castTo(preOutput.dataType());
        INDArray delta = preOutput.dataType() == DataType.FLOAT && preOutput.length() <= javaErrorLimit
                ? errorInJava(preOutput, labels2d, workspaceMgr)
                : errorByNd4j(preOutput, labels2d, workspaceMgr);
        scoredInput = input;
        scoredLabels = labels;

        DefaultGradient gradient = new DefaultGradient();
        INDArray weightGradient = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
        INDArray weights = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, true, workspaceMgr);
        if (SmallProducts.inJava(input, input.size(0), weights.size(0), weights.size(1), javaProductLimit)
                && delta.dataType() == DataType.FLOAT && hasBias()) {
            INDArray biasGradient = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            float[][] deltaRows = buffers.delta = HostCopy.rows(delta,
                    ProductBuffers.shaped(buffers.delta, (int) delta.size(0), (int) delta.size(1)));
            INDArray inputGradient = SmallProducts.gradients(input, deltaRows, weights, weightGradient, biasGradient, true,
                    buffers, workspaceMgr);
            gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradient);
            gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGradient);
            return new Pair<>(gradient, inputGradient);
        }
        LeanLayers.weightGradient(input, delta, weightGradient, javaProductLimit, buffers);
        gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradient);
        if (hasBias()) {
            INDArray biasGradient = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
            delta.sum(biasGradient, 0);
            gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGradient);
        }

        return new Pair<>(gradient, LeanLayers.inputGradient(delta, weights, workspaceMgr, javaProductLimit, buffers));
    }

    /**
     * Softmax, error and loss with ND4J operations, exactly as DL4J computes them (LossMCXENT); sets the loss.
     * The error is in the activation-gradient workspace, as the layer below reads it.
     */
    private INDArray errorByNd4j(INDArray preOutput, INDArray labels2d, LayerWorkspaceMgr workspaceMgr) {
        IActivation softmax = layerConf().getActivationFn();
        INDArray probabilities = softmax.getActivation(preOutput.dup(), true);
        if (predictionListener != null) {
            predictionListener.onProbabilities(HostCopy.rowMajor(probabilities), (int) probabilities.rows(),
                    (int) probabilities.columns());
        }
        INDArray delta = probabilities.sub(labels2d);
        if (gradientsAveraged) {
            delta.divi(delta.size(0));
        }
        // As LossMCXENT.scoreArray + computeScore, on the softmax above (no longer needed, so changed in place).
        double clip = clipEpsilon();
        if (clip > 0) {
            clippedAway = UnclippedCrossEntropy.correction(HostCopy.rowMajor(preOutput), HostCopy.rowMajor(probabilities),
                    HostCopy.rowMajor(labels2d), (int) preOutput.rows(), (int) preOutput.columns(), clip);
            BooleanIndexing.replaceWhere(probabilities, clip, Conditions.lessThan(clip));
            BooleanIndexing.replaceWhere(probabilities, 1.0 - clip, Conditions.greaterThan(1.0 - clip));
        }
        lossSum = -Transforms.log(probabilities, false).muli(labels2d).sumNumber().doubleValue();
        if (clip <= 0) {
            clippedAway = 0;
        }
        return workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, delta);
    }

    /**
     * The same softmax, error and loss in Java, for an output small enough that ND4J's operations (a softmax of a
     * 16 x 3 batch alone costs some 60 µs) cost more than the arithmetic: nine native operations fewer per update,
     * a third of a small network's update. Float arithmetic as ND4J's; with the platform's own exp the values
     * agree bit for bit here (glibc), and to a few units in the last place wherever exp differs.
     */
    private INDArray errorInJava(INDArray preOutput, INDArray labels2d, LayerWorkspaceMgr workspaceMgr) {
        int rows = (int) preOutput.rows();
        int classes = (int) preOutput.columns();
        float[] p = HostCopy.rowMajor(preOutput);
        float[] z = p.clone(); // the logits, for the unclipped loss of any clipped entry
        float[] y = HostCopy.rowMajor(labels2d);
        float[] error = new float[p.length];
        lossSum = softmaxErrorAndLoss(p, y, error, rows, classes);
        clippedAway = UnclippedCrossEntropy.correction(z, p, y, rows, classes, (float) clipEpsilon());
        tellProbabilities(p, rows, classes);
        INDArray delta = workspaceMgr.createUninitialized(ArrayType.ACTIVATION_GRAD, DataType.FLOAT,
                new long[] {rows, classes}, 'c');
        HostCopy.write(error, delta);
        return delta;
    }

    /**
     * The Java path's arithmetic on row-major {@code [rows][classes]} values: {@code p}'s logits replaced by their
     * softmax, the error {@code (p - y)} (averaged over the rows when this layer averages) into {@code error}; returns
     * the loss summed over the batch, each probability clipped as {@code LossMCXENT} clips it.
     */
    double softmaxErrorAndLoss(float[] p, float[] y, float[] error, int rows, int classes) {
        float clip = (float) clipEpsilon();
        float scale = gradientsAveraged ? rows : 1;
        double loss = 0;
        for (int r = 0; r < rows; r++) {
            int from = r * classes;
            RowSoftmax.inPlace(p, from, classes);
            for (int c = from; c < from + classes; c++) {
                error[c] = (p[c] - y[c]) / scale;
                if (y[c] != 0) {
                    float clipped = clip > 0 ? Math.min(Math.max(p[c], clip), 1f - clip) : p[c];
                    loss -= y[c] * Math.log(clipped);
                }
            }
        }
        return loss;
    }

    double clipEpsilon() {
        return ((LossMCXENT) layerConf().getLossFn()).getSoftmaxClipEps();
    }

    /**
     * Divides the error by the batch size here, on a {@code [batch, classes]} array, instead of having the updater
     * divide every gradient (all the network's parameters) after the backward pass: one pass over the parameters
     * fewer per update. Only for a network whose every layer takes part ({@link LeanDense#averageGradients}). For
     * a batch size that is a power of two the results are the same bit for bit (dividing by it is exact);
     * otherwise they differ in the last bits, as any reordering of float arithmetic does.
     */
    void averageGradients() {
        gradientsAveraged = true;
    }

    /** Takes products up to {@code factor} times its limit in Java ({@link LeanLayers#ALL_LEAN_PRODUCT_FACTOR}); once. */
    void raiseProductLimit(int factor) {
        if (!productLimitRaised) {
            javaProductLimit *= factor;
            productLimitRaised = true;
        }
    }

    @Override
    public boolean updaterDivideByMinibatch(String paramName) {
        return !gradientsAveraged && super.updaterDivideByMinibatch(paramName);
    }

    @Override
    protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop, LayerWorkspaceMgr workspaceMgr) {
        INDArray z = isPlainLinear() ? LeanLayers.preActivation(input, dataType, getParam(DefaultParamInitializer.WEIGHT_KEY),
                getParam(DefaultParamInitializer.BIAS_KEY), workspaceMgr, javaProductLimit, buffers) : null;
        // DL4J's own path otherwise, with its checks and messages
        return z != null ? new Pair<>(z, z) : super.preOutputWithPreNorm(training, forBackprop, workspaceMgr);
    }

    /** No mask, dropout or weight noise, and a bias: a plain {@code x·W + b}. */
    private boolean isPlainLinear() {
        return maskArray == null && hasBias() && layerConf().getIDropout() == null && layerConf().getWeightNoise() == null;
    }

    void setPredictionListener(ProbabilityListener listener) {
        this.predictionListener = listener;
    }

    /** Tells the listener, if any, an update's class probabilities (row-major {@code [rows][classes]}). */
    void tellProbabilities(float[] probabilities, int rows, int classes) {
        if (predictionListener != null) {
            predictionListener.onProbabilities(probabilities, rows, classes);
        }
    }

    /**
     * Whether a batch of {@code rows} gets this layer's error in Java ({@link #softmaxErrorAndLoss}) and its products
     * in Java ({@link SmallProducts}), on a configuration the shortcut covers: what {@link LeanStep} computes for it.
     */
    boolean allInJava(int rows) {
        INDArray weights = getParam(DefaultParamInitializer.WEIGHT_KEY);
        return layerConf().getLossFn() instanceof LossMCXENT loss && loss.getWeights() == null
                && layerConf().getActivationFn() instanceof ActivationSoftmax && hasBias()
                && layerConf().getIDropout() == null && layerConf().getWeightNoise() == null
                && dataType == DataType.FLOAT && weights.dataType() == DataType.FLOAT
                && (long) rows * weights.size(1) <= javaErrorLimit
                && SmallProducts.withinLimit(rows, weights.size(0), weights.size(1), javaProductLimit);
    }

    boolean averagesGradients() {
        return gradientsAveraged;
    }

    @Override
    public double computeScore(double fullNetRegTerm, boolean training, LayerWorkspaceMgr workspaceMgr) {
        if (scoredInput == null || scoredInput != input || scoredLabels != labels) {
            forgetLoss();
            double score = super.computeScore(fullNetRegTerm, training, workspaceMgr);
            // An update's score (training) gets its unclipped twin; an evaluation's is not worth a second pass.
            unclippedScore = training ? unclippedOnDl4jsPath(score, workspaceMgr) : Double.NaN;
            return score;
        }
        double loss = lossSum;
        double clipped = clippedAway;
        forgetLoss();
        return score(loss, clipped, getInputMiniBatchSize(), fullNetRegTerm);
    }

    /**
     * The score of a batch of {@code batchSize} rows whose loss summed to {@code loss}, of which DL4J's clipping took
     * {@code clipped} off, as BaseOutputLayer.computeScore makes it; sets this layer's score and
     * {@link #unclippedScore()}.
     */
    double score(double loss, double clipped, int batchSize, double fullNetRegTerm) {
        double score = loss;
        double unclipped = loss + clipped;
        if (conf().isMiniBatch()) {
            score /= batchSize;
            unclipped /= batchSize;
        }
        score += fullNetRegTerm;
        this.score = score;
        this.unclippedScore = clipped == 0 ? score : unclipped + fullNetRegTerm;
        return score;
    }

    /**
     * {@code score}, which DL4J's own path just computed (class weights, a labels mask, dropout or weight noise on
     * this layer), with the loss of every clipped entry taken from the logits: the same correction as the shortcut's,
     * each label weighted as {@code LossMCXENT} weights it (class weight × mask). Costs this layer's forward pass
     * once more (the same dropped-out input and noisy weights: DL4J applies them once per update).
     */
    private double unclippedOnDl4jsPath(double score, LayerWorkspaceMgr workspaceMgr) {
        if (!(layerConf().getLossFn() instanceof LossMCXENT loss) || !(layerConf().getActivationFn() instanceof ActivationSoftmax)
                || labels == null) {
            return Double.NaN; // not reached: LeanLayers puts this layer only where the loss is a softmax cross-entropy
        }
        if (loss.getSoftmaxClipEps() <= 0) {
            return score;
        }
        INDArray z = preOutput2d(true, workspaceMgr);
        INDArray probabilities = layerConf().getActivationFn().getActivation(z.dup(), true);
        INDArray weighted = labels.castTo(z.dataType()).dup();
        if (loss.getWeights() != null) {
            weighted.muliRowVector(loss.getWeights().castTo(weighted.dataType()));
        }
        if (maskArray != null) {
            LossUtil.applyMask(weighted, maskArray);
        }
        double correction = UnclippedCrossEntropy.correction(HostCopy.rowMajor(z), HostCopy.rowMajor(probabilities),
                HostCopy.rowMajor(weighted), (int) z.rows(), (int) z.columns(), loss.getSoftmaxClipEps());
        if (correction == 0) {
            return score; // nothing clipped: DL4J's score is the true loss, bit for bit
        }
        return score + (conf().isMiniBatch() ? correction / getInputMiniBatchSize() : correction);
    }

    /**
     * The last update's loss as {@link #computeScore} gave it, without DL4J's clipping of the probabilities
     * ({@link UnclippedCrossEntropy}), on the shortcut and on DL4J's own path alike; NaN after a score of other data
     * in inference mode.
     */
    double unclippedScore() {
        return unclippedScore;
    }

    private void forgetLoss() {
        scoredInput = null;
        scoredLabels = null;
        lossSum = Double.NaN;
        clippedAway = Double.NaN;
    }

    private boolean isPlainSoftmaxCrossEntropy() {
        return layerConf().getLossFn() instanceof LossMCXENT loss && loss.getWeights() == null
                && layerConf().getActivationFn() instanceof ActivationSoftmax && maskArray == null
                && layerConf().getIDropout() == null && layerConf().getWeightNoise() == null && labels != null;
    }

    /** This layer's view of the network's gradient array for parameter {@code key} ("W" or "b"). */
    INDArray gradientView(String key) {
        return gradientViews.get(key);
    }

    @Override
    public void clear() {
        super.clear();
        forgetLoss();
    }
}
