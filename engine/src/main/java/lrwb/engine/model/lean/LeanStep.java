package lrwb.engine.model.lean;

import lrwb.engine.runtime.HostCopy;
import lrwb.engine.runtime.RowProducts;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.updater.BaseMultiLayerUpdater;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.optimize.api.StepFunction;
import org.deeplearning4j.optimize.solvers.StochasticGradientDescent;
import org.deeplearning4j.optimize.stepfunctions.NegativeGradientStepFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One training update of a small network of lean layers — dense ReLU layers under a softmax cross-entropy output,
 * every product within {@code javaProductLimit} — computed in Java arrays from the batch to the gradients, then
 * handed to the network's own updater and step as DL4J's {@code fit} hands them. For such a network DL4J's
 * {@code fit} (1.0.0-M2.1) is almost all bookkeeping: workspaces opened and closed, a workspace manager of hash maps
 * built, an array made for every layer's output and gradient and for several reshapes of the parameters — a dozen
 * native arrays per update, each registered with ND4J's deallocator, which become a young collection every second
 * and, in a sweep, collections and page faults that stop both cells at once. Here the forward and backward passes
 * make no native array: the products, ReLU, softmax and loss are the lean layers' own Java arithmetic
 * ({@link RowProducts}, {@link LeanSoftmaxOutput#softmaxErrorAndLoss}), on the same values in the same order, so
 * scores, gradients, parameters and updater state are bit for bit those of {@code fit} on the same network
 * (LeanStepTest). The updater (learning-rate schedule, regularisation, gradient normalisation, minibatch division) is
 * DL4J's own object, called as its optimizer calls it; so is the step function, but for SGD's plain subtraction, done
 * here in Java.
 *
 * <p>A network or a batch this does not cover (another layer or activation, a preprocessor, masks, dropout, DL4J
 * training listeners, another optimisation algorithm, a product too large) is left to DL4J's {@code fit}:
 * {@link #fit} then returns false having changed nothing.
 */
final class LeanStep {
    private static final LayerWorkspaceMgr NO_WORKSPACES = LayerWorkspaceMgr.noWorkspaces();

    private final MultiLayerNetwork net;
    /** The hidden layers, then the output layer; {@code layers.length == dense.length + 1}. */
    private final Layer[] layers;
    private final LeanDense[] dense;
    private final LeanSoftmaxOutput output;
    private final INDArray[] weights;
    private final INDArray[] biases;
    private final INDArray[] weightGradients;
    private final INDArray[] biasGradients;
    /** The network's parameters as {@code net.params()} gives them (a vector view of its flat parameter array). */
    private final INDArray params;
    /** The network's flat gradient array, and the same as a vector, as DL4J's optimizer hands it to the step. */
    private final INDArray flatGradients;
    private final INDArray gradientVector;
    /** The network's gradient as DL4J's backward pass assembles it: every variable's view, keyed "layer_param". */
    private final DefaultGradient variables = new DefaultGradient();

    // Java arrays kept from update to update: nothing allocated per update.
    private final float[][][] w;
    private final float[][][] wT;
    private final float[][] b;
    private final float[][][] dw;
    private final float[][] db;
    /** The arrays of the batch at hand, and of the other size last seen (a pass's last, smaller batch). */
    private BatchArrays batch;
    private BatchArrays otherBatch;
    /** The update's loss summed over the batch, and what DL4J's clipping of probabilities took off it. */
    private double lossSum;
    private double clippedAway;
    private final float[] parameterValues;
    private final float[] updateValues;
    private final JavaUpdate updateInJava;
    private boolean updatedInJava;

    private LeanStep(MultiLayerNetwork net, LeanDense[] dense, LeanSoftmaxOutput output) {
        this.net = net;
        this.dense = dense;
        this.output = output;
        this.layers = net.getLayers();
        this.params = net.params();
        this.flatGradients = net.getFlattenedGradients();
        this.gradientVector = flatGradients.reshape(flatGradients.length());
        this.parameterValues = new float[(int) params.length()];
        this.updateValues = new float[(int) params.length()];
        this.updateInJava = new JavaUpdate(net);
        int n = layers.length;
        weights = new INDArray[n];
        biases = new INDArray[n];
        weightGradients = new INDArray[n];
        biasGradients = new INDArray[n];
        w = new float[n][0][];
        wT = new float[n][0][];
        b = new float[n][0];
        dw = new float[n][0][];
        db = new float[n][0];
        for (int l = 0; l < n; l++) {
            org.deeplearning4j.nn.layers.BaseLayer<?> layer = (org.deeplearning4j.nn.layers.BaseLayer<?>) layers[l];
            weights[l] = layer.getParam(DefaultParamInitializer.WEIGHT_KEY);
            biases[l] = layer.getParam(DefaultParamInitializer.BIAS_KEY);
            weightGradients[l] = gradientView(layer, DefaultParamInitializer.WEIGHT_KEY);
            biasGradients[l] = gradientView(layer, DefaultParamInitializer.BIAS_KEY);
            int in = (int) weights[l].size(0);
            int out = (int) weights[l].size(1);
            w[l] = new float[in][out];
            wT[l] = new float[out][in];
            b[l] = new float[out];
            dw[l] = new float[in][out];
            db[l] = new float[out];
            // As MultiLayerNetwork.calcBackpropGradients keys them.
            variables.gradientForVariable().put(l + "_" + DefaultParamInitializer.WEIGHT_KEY, weightGradients[l]);
            variables.gradientForVariable().put(l + "_" + DefaultParamInitializer.BIAS_KEY, biasGradients[l]);
        }
    }

    /**
     * The step for {@code net} (initialised, {@link LeanLayers#finish finished}), or null when its configuration is
     * not one this covers: dense lean layers under a lean softmax output, no preprocessors, standard backpropagation.
     * What depends on the batch or may change later (sizes, listeners, the optimizer) {@link #fit} checks each time.
     */
    static LeanStep of(MultiLayerNetwork net) {
        if (!covers(net)) {
            return null;
        }
        Layer[] layers = net.getLayers();
        LeanDense[] dense = new LeanDense[layers.length - 1];
        for (int l = 0; l < dense.length; l++) {
            dense[l] = (LeanDense) layers[l];
        }
        return new LeanStep(net, dense, (LeanSoftmaxOutput) layers[layers.length - 1]);
    }

    /**
     * Whether {@code net}'s configuration is one this step covers, whatever the batch: {@link #of}'s test, and
     * {@link LeanLayers}' for the networks whose products may be larger in Java (every layer in Java for one row).
     */
    static boolean covers(MultiLayerNetwork net) {
        MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
        Layer[] layers = net.getLayers();
        if (layers == null || layers.length < 2 || conf.getBackpropType() != BackpropType.Standard
                || !(layers[layers.length - 1] instanceof LeanSoftmaxOutput output)) {
            return false;
        }
        for (int l = 0; l < layers.length; l++) {
            if (conf.getInputPreProcess(l) != null) {
                return false;
            }
            if (l < layers.length - 1
                    && (!(layers[l] instanceof LeanDense d) || d.averagesGradients() != output.averagesGradients())) {
                return false;
            }
        }
        return true;
    }

    /**
     * One update on {@code features} ({@code [rows, inputs]}) and {@code labels} ({@code [rows, classes]}), as
     * {@code net.fit(features, labels)} would make it; false, and nothing done, when this step does not cover them.
     */
    boolean fit(INDArray features, INDArray labels) {
        if (!covers(features, labels)) {
            return false;
        }
        int rows = (int) features.size(0);
        int iteration = net.getIterationCount();
        int epoch = net.getEpochCount();
        net.setInput(features);
        net.setLabels(labels);
        if (batch == null || batch.rows != rows) {
            BatchArrays swap = otherBatch;
            otherBatch = batch;
            batch = swap != null && swap.rows == rows ? swap : new BatchArrays(rows);
        }
        forward(features);
        outputError(labels);
        backward();
        applyUpdate(iteration, epoch);
        return true;
    }

    /** As the lean layers' activate: relu(x·W + b) for each hidden layer, x·W + b for the output (the logits). */
    private void forward(INDArray features) {
        int n = layers.length;
        float[][][] a = batch.a;
        HostCopy.rows(features, a[0]);
        for (int l = 0; l < n; l++) {
            HostCopy.rows(weights[l], w[l]);
            HostCopy.values(biases[l], b[l]);
        }
        for (int l = 0; l < n - 1; l++) {
            RowProducts.linear(a[l], w[l], b[l], true, a[l + 1]);
        }
        RowProducts.linear(a[n - 1], w[n - 1], b[n - 1], false, batch.logits);
    }

    /**
     * The output layer's softmax, error and loss ({@link #lossSum}, {@link #clippedAway}), as its Java path
     * computes them ({@code LeanSoftmaxOutput.errorInJava}); the probabilities go to its listener.
     */
    private void outputError(INDArray labels) {
        int rows = batch.rows;
        int classes = b[layers.length - 1].length;
        float[] p = batch.p;
        float[] y = batch.y;
        float[][] labelRows = HostCopy.rows(labels, batch.labels);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(batch.logits[r], 0, p, r * classes, classes);
            System.arraycopy(labelRows[r], 0, y, r * classes, classes);
        }
        System.arraycopy(p, 0, batch.z, 0, p.length);
        lossSum = output.softmaxErrorAndLoss(p, y, batch.e, rows, classes);
        clippedAway = UnclippedCrossEntropy.correction(batch.z, p, y, rows, classes, (float) output.clipEpsilon());
        output.tellProbabilities(p, rows, classes);
    }

    /** Layer by layer from the output, as the lean layers' backpropGradient: the gradients into the network's views. */
    private void backward() {
        int rows = batch.rows;
        int classes = b[layers.length - 1].length;
        float[][] delta = batch.error;
        for (int r = 0; r < rows; r++) {
            System.arraycopy(batch.e, r * classes, delta[r], 0, classes);
        }
        float[][][] a = batch.a;
        for (int l = layers.length - 1; l >= 0; l--) {
            RowProducts.weightGradient(a[l], delta, dw[l]);
            RowProducts.biasGradient(delta, db[l]);
            HostCopy.write(dw[l], weightGradients[l]);
            HostCopy.write(db[l], biasGradients[l]);
            if (l == 0) {
                break; // the first layer's input gradient: nobody reads it
            }
            float[][] below = batch.dx[l];
            RowProducts.inputGradient(delta, w[l], wT[l], below);
            float[][] forward = a[l];
            for (int r = 0; r < rows; r++) {
                float[] dr = below[r];
                float[] or = forward[r];
                for (int j = 0; j < dr.length; j++) {
                    if (!(or[j] > 0)) {
                        dr[j] = 0; // ReLU's derivative, read from its output (LeanDense.backpropInJava)
                    }
                }
            }
            delta = below;
        }
    }

    /** The score, the updater and the step, as DL4J's computeGradientAndScore and StochasticGradientDescent.optimize. */
    private void applyUpdate(int iteration, int epoch) {
        int rows = batch.rows;
        StepFunction step = net.getOptimizer().getStepFunction();
        boolean inJava = step instanceof NegativeGradientStepFunction && updateInJava.covers();
        // Covered means no regularisation, whose score DL4J's sum would give as 0.0.
        double score = output.score(lossSum, clippedAway, rows, inJava ? 0.0 : net.calcRegularizationScore(true));
        net.setScore(score);
        BaseMultiLayerUpdater<?> updater = (BaseMultiLayerUpdater<?>) net.getUpdater();
        INDArray flat = updater.getFlattenedGradientsView();
        Gradient gradient = FlatGradientUpdater.onOwnArray(variables, flat);
        net.setGradient(gradient);
        updatedInJava = inJava;
        if (inJava) {
            // The updater's work in Java, then SGD's step; the gradient array is left holding the update, as DL4J's.
            HostCopy.values(gradientVector, updateValues);
            updateInJava.apply(updateValues, iteration, epoch);
            HostCopy.write(updateValues, gradientVector);
            subtractUpdate();
        } else {
            updater.update(net, gradient, iteration, epoch, rows, NO_WORKSPACES);
            if (step instanceof NegativeGradientStepFunction) {
                HostCopy.values(gradientVector, updateValues);
                subtractUpdate();
            } else {
                step.step(params, gradientVector);
            }
        }
        net.setIterationCount(iteration + 1);
        net.applyConstraints(iteration + 1, epoch);
        for (Layer layer : layers) {
            layer.setIterationCount(iteration + 1);
            layer.setEpochCount(epoch);
        }
    }

    /**
     * SGD's step, {@code params.subi(update)}, in Java on {@link #updateValues}: the same float subtraction, without a
     * native operation (and the native context it allocates, which the deallocator thread frees again).
     */
    private void subtractUpdate() {
        HostCopy.values(params, parameterValues);
        for (int k = 0; k < parameterValues.length; k++) {
            parameterValues[k] -= updateValues[k];
        }
        HostCopy.write(parameterValues, params);
    }

    /** Whether the last update's updater ran in Java ({@link JavaUpdate}); for tests. */
    boolean updatedInJava() {
        return updatedInJava;
    }

    /** The Java arrays of one batch size. */
    private final class BatchArrays {
        final int rows;
        /** {@code a[0]} the features, {@code a[l + 1]} the output of hidden layer {@code l}. */
        final float[][][] a;
        /** {@code dx[l]} the gradient of layer {@code l}'s input, for {@code l > 0}. */
        final float[][][] dx;
        final float[][] logits;
        final float[][] labels;
        final float[][] error;
        /** Row-major {@code [rows][classes]}: probabilities, logits, labels, error. */
        final float[] p;
        final float[] z;
        final float[] y;
        final float[] e;

        BatchArrays(int rows) {
            this.rows = rows;
            int n = layers.length;
            int classes = b[n - 1].length;
            a = new float[n][][];
            dx = new float[n][][];
            a[0] = new float[rows][w[0].length];
            for (int l = 0; l < n; l++) {
                if (l < n - 1) {
                    a[l + 1] = new float[rows][b[l].length];
                }
                dx[l] = l == 0 ? null : new float[rows][w[l].length];
            }
            logits = new float[rows][classes];
            labels = new float[rows][classes];
            error = new float[rows][classes];
            p = new float[rows * classes];
            z = new float[rows * classes];
            y = new float[rows * classes];
            e = new float[rows * classes];
        }
    }

    private boolean covers(INDArray features, INDArray labels) {
        if (features == null || labels == null || features.rank() != 2 || labels.rank() != 2
                || features.dataType() != DataType.FLOAT || labels.dataType() != DataType.FLOAT
                || features.size(0) == 0 || features.size(0) != labels.size(0) || features.size(0) > Integer.MAX_VALUE
                || features.size(1) != weights[0].size(0) || labels.size(1) != weights[layers.length - 1].size(1)
                || !net.getListeners().isEmpty()
                || !(net.getUpdater() instanceof BaseMultiLayerUpdater<?> updater)
                || !(net.getOptimizer() instanceof StochasticGradientDescent sgd) || sgd.getGradientsAccumulator() != null
                || net.getFlattenedGradients() != flatGradients || updater.getFlattenedGradientsView() != flatGradients) {
            return false;
        }
        for (int l = 0; l < layers.length; l++) { // the views this step writes are still the network's
            if (layers[l].getParam(DefaultParamInitializer.WEIGHT_KEY) != weights[l]
                    || layers[l].getParam(DefaultParamInitializer.BIAS_KEY) != biases[l]) {
                return false;
            }
        }
        int rows = (int) features.size(0);
        for (LeanDense layer : dense) {
            if (!layer.allInJava(rows)) {
                return false;
            }
        }
        return output.allInJava(rows);
    }

    private static INDArray gradientView(org.deeplearning4j.nn.layers.BaseLayer<?> layer, String key) {
        return layer instanceof LeanDense d ? d.gradientView(key) : ((LeanSoftmaxOutput) layer).gradientView(key);
    }
}
