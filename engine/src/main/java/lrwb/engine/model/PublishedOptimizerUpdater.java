package lrwb.engine.model;

import lrwb.engine.model.lean.ValuesUpdater;
import lrwb.engine.runtime.HostCopy;
import org.nd4j.linalg.api.buffer.DataType;

import lrwb.engine.model.PublishedOptimizer.Rule;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arithmetic of {@link PublishedOptimizer} for one block of parameters, as torch.optim's "Algorithm" sections
 * write it, with step t = iteration + 1 (DL4J's Adam counts the same way, so a resumed run continues the bias
 * corrections). DL4J subtracts what we leave in the gradient array:
 * <pre>
 * adam     m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²;  step = lr/(1−β1^t) · m / (√v/√(1−β2^t) + ε)
 * adamax   m as adam;  u = max(β2·u, |g| + ε);  step = lr/(1−β1^t) · m / u
 * amsgrad  as adam with v replaced by v_max = max(v_max, v)
 * nadam    μ_t = β1·(1 − ½·0.96^(t·ψ)), Π_t = μ_1⋯μ_t;  moments as adam;
 *          step = lr · (μ_{t+1}·m/(1 − Π_t·μ_{t+1}) + (1−μ_t)·g/(1 − Π_t)) / (√(v/(1−β2^t)) + ε)
 * adagrad  s = s + g²  (s starts at the initial accumulator);  step = lr·g / (√s + ε)
 * rmsprop  v = ρ·v + (1−ρ)·g²;  step = lr·g / (√v + ε)
 * adadelta v = ρ·v + (1−ρ)·g²;  d = √(u + ε)/√(v + ε)·g;  u = ρ·u + (1−ρ)·d²;  step = lr·d
 * </pre>
 * A cycled β1 ({@link PublishedOptimizer#beta1At}) is this update's β1 everywhere β1 appears, the bias correction
 * 1 − β1^t included, as torch's Adam reads {@code group['betas']} afresh at every step when OneCycleLR or CyclicLR
 * sets them; nadam's Π_t multiplies each step's μ with that step's β1, as torch keeps {@code mu_product}.
 */
public final class PublishedOptimizerUpdater implements GradientUpdater<PublishedOptimizer>, ValuesUpdater {
    private final PublishedOptimizer config;
    /** Views into DL4J's updater state array, never copies: snapshots of that array must capture them. */
    private INDArray[] state;
    /**
     * The Java copies of the gradient ({@link #applyUpdater}) and of the state ({@link #updateInJava}), kept from update to update (a
     * small network's every update would otherwise allocate them anew: garbage collections, see ProductBuffers).
     */
    private float[] gradientValues;
    private float[][] stateValues = new float[0][];
    // Nadam's Π_t is a product over all steps so far; kept for the last t so each update costs one pow, not t.
    private long productStep;
    private double product = 1;

    public PublishedOptimizerUpdater(PublishedOptimizer config) {
        this.config = config;
    }

    @Override
    public PublishedOptimizer getConfig() {
        return config;
    }

    @Override
    public void setStateViewArray(INDArray viewArray, long[] gradientShape, char gradientOrder, boolean initialize) {
        if (!viewArray.isRowVectorOrScalar()) {
            throw new IllegalArgumentException("expected a row vector as updater state view, got shape "
                    + Arrays.toString(viewArray.shape()));
        }
        int parts = config.getRule().stateNames().size();
        long n = viewArray.length() / parts;
        state = new INDArray[parts];
        for (int i = 0; i < parts; i++) {
            INDArray slice = viewArray.rank() == 1 ? viewArray.get(NDArrayIndex.interval(i * n, (i + 1) * n))
                    : viewArray.get(NDArrayIndex.all(), NDArrayIndex.interval(i * n, (i + 1) * n));
            state[i] = Shape.newShapeNoCopy(slice, gradientShape, gradientOrder == 'f');
            if (state[i] == null) {
                throw new IllegalStateException("could not reshape the updater state view without copying it");
            }
        }
        if (initialize) {
            initialize();
        }
    }

    @Override
    public void setState(Map<String, INDArray> given, boolean initialize) {
        List<String> names = config.getRule().stateNames();
        if (!given.keySet().equals(new java.util.HashSet<>(names))) {
            throw new IllegalArgumentException("expected exactly the state keys " + names + ", got " + given.keySet());
        }
        state = names.stream().map(given::get).toArray(INDArray[]::new);
        if (initialize) {
            initialize();
        }
    }

    private void initialize() {
        for (INDArray s : state) {
            s.assign(0);
        }
        if (config.getRule() == Rule.ADAGRAD) {
            state[0].assign(config.getInitialAccumulator());
        }
    }

    @Override
    public Map<String, INDArray> getState() {
        Map<String, INDArray> map = new LinkedHashMap<>();
        List<String> names = config.getRule().stateNames();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), state[i]);
        }
        return map;
    }

    @Override
    public void applyUpdater(INDArray g, int iteration, int epoch) {
        requireState();
        double lr = config.getLearningRate(iteration, epoch);
        double eps = config.getEpsilon();
        double beta1 = config.beta1At(iteration, epoch);
        long t = iteration + 1L;
        if (inJava(g)) {
            float[] values = gradientValues = values(g, gradientValues);
            updateInJava(values, lr, eps, beta1, t);
            write(values, g);
            return;
        }
        INDArray step = switch (config.getRule()) {
            case ADAM, AMSGRAD -> {
                INDArray v = moments(g, beta1);
                if (config.getRule() == Rule.AMSGRAD) {
                    Transforms.max(state[2], v, false);
                    v = state[2];
                }
                double bc1 = 1 - Math.pow(beta1, t);
                double bc2 = 1 - Math.pow(config.getBeta2(), t);
                INDArray denominator = Transforms.sqrt(v, true).divi(Math.sqrt(bc2)).addi(eps);
                yield state[0].mul(lr / bc1).divi(denominator);
            }
            case ADAMAX -> {
                state[0].muli(beta1).addi(g.mul(1 - beta1));
                Transforms.max(state[1].muli(config.getBeta2()), Transforms.abs(g, true).addi(eps), false);
                yield state[0].mul(lr / (1 - Math.pow(beta1, t))).divi(state[1]);
            }
            case NADAM -> {
                double mu = mu(beta1, t);
                double muNext = mu(beta1, t + 1);
                double productT = product(beta1, t);
                INDArray v = moments(g, beta1);
                INDArray denominator = Transforms.sqrt(v.div(1 - Math.pow(config.getBeta2(), t)), false).addi(eps);
                yield state[0].mul(lr * muNext / (1 - productT * muNext))
                        .addi(g.mul(lr * (1 - mu) / (1 - productT))).divi(denominator);
            }
            case ADAGRAD -> {
                state[0].addi(g.mul(g));
                yield g.mul(lr).divi(Transforms.sqrt(state[0], true).addi(eps));
            }
            case RMSPROP -> {
                double rho = config.getRho();
                state[0].muli(rho).addi(g.mul(g).muli(1 - rho));
                yield g.mul(lr).divi(Transforms.sqrt(state[0], true).addi(eps));
            }
            case ADADELTA -> {
                double rho = config.getRho();
                state[0].muli(rho).addi(g.mul(g).muli(1 - rho));
                INDArray d = Transforms.sqrt(state[1].add(eps), false).divi(Transforms.sqrt(state[0].add(eps), false)).muli(g);
                state[1].muli(rho).addi(d.mul(d).muli(1 - rho));
                yield d.muli(lr);
            }
        };
        g.assign(step);
    }

    /**
     * Parameter blocks of up to this many values are updated in Java: the ND4J path is some ten native operations,
     * each making its temporaries. For an iris network's 115 values that more than doubled the update (220 against
     * 95 µs with Adam); for a 784-128-10 network's 101,770 it cost about 1 ms of a 1.8 ms update (Adam 1,777 µs per
     * update against Nesterov's 939 through the ND4J path; 703 against 633 in Java, same JVM). Float arithmetic in the
     * same order; results within float rounding. The bound keeps the Java copies of a block and its state (three
     * arrays of its size, kept from update to update) to tens of megabytes.
     */
    static final long JAVA_LIMIT = 1 << 22;

    private boolean inJava(INDArray g) {
        return g.dataType() == DataType.FLOAT && g.rank() <= 2 && g.length() <= JAVA_LIMIT && stateInJava(false);
    }

    /** Flat values: the state must list its values in the flat gradient's order, so vectors only. */
    @Override
    public boolean updatesValues(long length) {
        if (length > JAVA_LIMIT || !stateInJava(true)) {
            return false;
        }
        for (INDArray s : state) {
            if (s.length() != length) {
                return false;
            }
        }
        return true;
    }

    private boolean stateInJava(boolean vectorsOnly) {
        if (state == null) {
            return false;
        }
        for (INDArray s : state) {
            if (s.dataType() != DataType.FLOAT || s.rank() > 2 || vectorsOnly && !s.isVector()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void updateValues(float[] g, int iteration, int epoch) {
        requireState();
        updateInJava(g, config.getLearningRate(iteration, epoch), config.getEpsilon(), config.beta1At(iteration, epoch),
                iteration + 1L);
    }

    private void requireState() {
        if (state == null) {
            throw new IllegalStateException("updater has no state yet: call setStateViewArray first");
        }
    }

    /** The step on the gradient values {@code g} (which become the update), the state read and written back. */
    private void updateInJava(float[] g, double lr, double eps, double beta1, long t) {
        if (stateValues.length != state.length) {
            stateValues = new float[state.length][];
        }
        float[][] s = stateValues;
        for (int i = 0; i < state.length; i++) {
            s[i] = values(state[i], s[i]);
        }
        float e = (float) eps;
        switch (config.getRule()) {
            case ADAM, AMSGRAD -> {
                float b1 = (float) beta1;
                float b2 = (float) config.getBeta2();
                boolean ams = config.getRule() == Rule.AMSGRAD;
                float scale = (float) (lr / (1 - Math.pow(beta1, t)));
                float root2 = (float) Math.sqrt(1 - Math.pow(config.getBeta2(), t));
                for (int k = 0; k < g.length; k++) {
                    s[0][k] = s[0][k] * b1 + g[k] * (1 - b1);
                    s[1][k] = s[1][k] * b2 + g[k] * g[k] * (1 - b2);
                    float v = s[1][k];
                    if (ams) {
                        s[2][k] = Math.max(s[2][k], v);
                        v = s[2][k];
                    }
                    g[k] = s[0][k] * scale / ((float) Math.sqrt(v) / root2 + e);
                }
            }
            case ADAMAX -> {
                float b1 = (float) beta1;
                float b2 = (float) config.getBeta2();
                float scale = (float) (lr / (1 - Math.pow(beta1, t)));
                for (int k = 0; k < g.length; k++) {
                    s[0][k] = s[0][k] * b1 + g[k] * (1 - b1);
                    s[1][k] = Math.max(s[1][k] * b2, Math.abs(g[k]) + e);
                    g[k] = s[0][k] * scale / s[1][k];
                }
            }
            case NADAM -> {
                float b1 = (float) beta1;
                float b2 = (float) config.getBeta2();
                double mu = mu(beta1, t);
                double muNext = mu(beta1, t + 1);
                double productT = product(beta1, t);
                float momentumScale = (float) (lr * muNext / (1 - productT * muNext));
                float gradientScale = (float) (lr * (1 - mu) / (1 - productT));
                float bc2 = (float) (1 - Math.pow(config.getBeta2(), t));
                for (int k = 0; k < g.length; k++) {
                    s[0][k] = s[0][k] * b1 + g[k] * (1 - b1);
                    s[1][k] = s[1][k] * b2 + g[k] * g[k] * (1 - b2);
                    float denominator = (float) Math.sqrt(s[1][k] / bc2) + e;
                    g[k] = (s[0][k] * momentumScale + g[k] * gradientScale) / denominator;
                }
            }
            case ADAGRAD -> {
                for (int k = 0; k < g.length; k++) {
                    s[0][k] += g[k] * g[k];
                    g[k] = g[k] * (float) lr / ((float) Math.sqrt(s[0][k]) + e);
                }
            }
            case RMSPROP -> {
                float rho = (float) config.getRho();
                for (int k = 0; k < g.length; k++) {
                    s[0][k] = s[0][k] * rho + g[k] * g[k] * (1 - rho);
                    g[k] = g[k] * (float) lr / ((float) Math.sqrt(s[0][k]) + e);
                }
            }
            case ADADELTA -> {
                float rho = (float) config.getRho();
                for (int k = 0; k < g.length; k++) {
                    s[0][k] = s[0][k] * rho + g[k] * g[k] * (1 - rho);
                    float d = (float) Math.sqrt(s[1][k] + e) / (float) Math.sqrt(s[0][k] + e) * g[k];
                    s[1][k] = s[1][k] * rho + d * d * (1 - rho);
                    g[k] = d * (float) lr;
                }
            }
        }
        for (int i = 0; i < state.length; i++) {
            write(s[i], state[i]);
        }
    }

    /** {@code a}'s values, in {@code reuse} when it has their number (a vector's; a matrix's come row-major, new). */
    private static float[] values(INDArray a, float[] reuse) {
        if (a.rank() == 2 && a.size(0) != 1 && a.size(1) != 1) {
            return HostCopy.rowMajor(a);
        }
        return HostCopy.values(a, reuse != null && reuse.length == a.length() ? reuse : new float[(int) a.length()]);
    }

    private static void write(float[] values, INDArray into) {
        HostCopy.write(values, into.rank() <= 2 ? into : into.reshape(1, into.length()));
    }

    /** Updates Adam's first and second moments in place; returns the second. */
    private INDArray moments(INDArray g, double beta1) {
        double beta2 = config.getBeta2();
        state[0].muli(beta1).addi(g.mul(1 - beta1));
        state[1].muli(beta2).addi(g.mul(g).muli(1 - beta2));
        return state[1];
    }

    private static double mu(double beta1, long t) {
        return beta1 * (1 - 0.5 * Math.pow(0.96, t * PublishedOptimizer.MOMENTUM_DECAY));
    }

    private double product(double beta1, long t) {
        if (t != productStep + 1) { // a restored or repeated step: recompute from the start
            productStep = 0;
            product = 1;
            while (productStep < t - 1) {
                productStep++;
                product *= mu(beta1, productStep);
            }
        }
        productStep = t;
        product *= mu(beta1, t);
        return product;
    }
}
