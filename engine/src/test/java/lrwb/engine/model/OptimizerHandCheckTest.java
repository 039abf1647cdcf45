package lrwb.engine.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.regularization.Regularization;
import org.nd4j.linalg.schedule.MapSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The first three updates of every optimizer on a 2×2 problem, against the update rules as PyTorch documents them
 * (torch.optim.*, "Algorithm" sections) written out here in plain doubles: nothing below comes from DL4J. The loss is
 * ½·Σ(a∘w − b)², so g = a∘(a∘w − b); each step uses the gradient at the weights the previous step left.
 * The weight decay {@code wd} runs as DL4J runs a layer's regularizations around its updater (before it for the
 * coupled decay, after it for the decoupled one, with the iteration's LR); {@link OptimizerWeightDecayTest} checks
 * that a real network does run it so.
 */
class OptimizerHandCheckTest {
    private static final double[] CONSTANT_LR = {0.1, 0.1, 0.1};
    /** An LR that changes every step, as a schedule's does: the decoupled decay must follow it. */
    private static final double[] SCHEDULED_LR = {0.1, 0.03, 0.2};
    private static final double[] A = {1, 2, 0.5, -1};
    private static final double[] B = {1, -1, 0.2, 0.3};
    private static final double[] W0 = {0.5, -0.3, 0.8, 0.1};

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sgd", "momentum:0.9", "momentum:0.5", "nesterov:0.9", "nesterov:0.7",
            "adam", "adam:beta1=0.8,beta2=0.99,eps=1e-3",
            "adamax", "adamax:beta1=0.7,beta2=0.9,eps=1e-3",
            "amsgrad", "amsgrad:beta1=0.5,beta2=0.9,eps=1e-4",
            "nadam", "nadam:beta1=0.8,beta2=0.99,eps=1e-3",
            "adagrad", "adagrad:initialAccumulator=0.1,eps=1e-7",
            "rmsprop", "rmsprop:rho=0.9,eps=1e-3",
            "adadelta", "adadelta:rho=0.5,eps=1e-3",
            "adamw", "adamw:beta1=0.8,beta2=0.99,eps=1e-3,wd=0.3",
            "sgdw", "sgdw:wd=0.2", "sgdw:momentum=0.9,wd=0.2",
            "sgd:wd=0.2", "momentum:momentum=0.9,wd=0.2", "nesterov:momentum=0.7,wd=0.2",
            "adam:wd=0.2", "adam:beta1=0.8,beta2=0.99,eps=1e-3,wd=0.5", "adamax:wd=0.2", "nadam:wd=0.2",
            "amsgrad:wd=0.2", "rmsprop:wd=0.2", "adagrad:wd=0.2", "adadelta:wd=0.2"})
    void firstThreeUpdatesMatchThePublishedRule(String text) {
        check(text, CONSTANT_LR, DataType.DOUBLE, 1e-6); // ND4J's operations (PublishedOptimizerUpdater's path for any block)
        check(text, CONSTANT_LR, DataType.FLOAT, 2e-5); // a small float block: the Java path, within float rounding
    }

    /**
     * With the LR changing every step. Only rules whose published form reads the LR the same way as ours under a
     * changing LR (the momentum kinds keep lr inside their velocity, as Keras and the SGDW paper do, torch outside).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"sgd", "sgd:wd=0.2", "sgdw:wd=0.2", "adam:wd=0.2", "adamw", "adamw:wd=0.3",
            "nadam:wd=0.2", "rmsprop:wd=0.2", "adagrad:wd=0.2"})
    void firstThreeUpdatesFollowAScheduledLr(String text) {
        check(text, SCHEDULED_LR, DataType.DOUBLE, 1e-6);
        check(text, SCHEDULED_LR, DataType.FLOAT, 2e-5);
    }

    private static void check(String text, double[] lrs, DataType type, double tolerance) {
        OptimizerSpec spec = OptimizerSpec.parse(text);
        double[] expected = W0.clone();
        Reference reference = new Reference(spec);
        double[] actual = W0.clone();
        GradientUpdater<?> updater = instantiate(spec.updater(new MapSchedule(ScheduleType.ITERATION,
                Map.of(0, lrs[0], 1, lrs[1], 2, lrs[2]))), type);
        for (int step = 0; step < 3; step++) {
            reference.step(expected, gradient(expected), step + 1, lrs[step]);
            INDArray g = Nd4j.create(gradient(actual), new long[] {1, 4}, DataType.DOUBLE).castTo(type);
            INDArray w = Nd4j.create(actual, new long[] {1, 4}, DataType.DOUBLE).castTo(type);
            // As DL4J's UpdaterBlock: regularizations before the updater, the updater, those after it (given the
            // updater's LR of this iteration); then w -= result.
            double lr = updater.getConfig().getLearningRate(step, 0);
            int iteration = step;
            Optional<OptimizerWeightDecay> decay = spec.weightDecay();
            decay.filter(d -> d.applyStep() == Regularization.ApplyStep.BEFORE_UPDATER).ifPresent(d -> d.apply(w, g, lr, iteration, 0));
            updater.applyUpdater(g, step, 0);
            decay.filter(d -> d.applyStep() == Regularization.ApplyStep.POST_UPDATER).ifPresent(d -> d.apply(w, g, lr, iteration, 0));
            double[] update = g.toDoubleVector();
            for (int i = 0; i < 4; i++) {
                actual[i] -= update[i];
            }
            for (int i = 0; i < 4; i++) {
                assertThat(actual[i]).as("%s %s step %d w[%d]", text, type, step + 1, i).isCloseTo(expected[i], within(tolerance));
            }
        }
        // The weights did move: a rule that did nothing would pass the comparison above only if the reference did too.
        assertThat(expected).isNotEqualTo(W0);
    }

    private static GradientUpdater<?> instantiate(IUpdater config, DataType type) {
        IUpdater copy = config.clone(); // as DL4J does per layer
        // DL4J hands each updater a row-vector view of its state and row-vector gradients: the 2×2 weights flattened.
        return copy.instantiate(copy.stateSize(4) == 0 ? null : Nd4j.zeros(type, 1, copy.stateSize(4)), true);
    }

    private static double[] gradient(double[] w) {
        double[] g = new double[4];
        for (int i = 0; i < 4; i++) {
            g[i] = A[i] * (A[i] * w[i] - B[i]);
        }
        return g;
    }

    /**
     * PyTorch's documented algorithm for each optimizer (maximize false): weight_decay added to the gradient first,
     * except AdamW's and SGDW's decoupled w ← w − lr·wd·w before the step (torch.optim.AdamW's {@code param.mul_}).
     */
    private static final class Reference {
        private final OptimizerSpec spec;
        private final double[] m = new double[4];
        private final double[] v = new double[4];
        private final double[] u = new double[4];
        private double muProduct = 1;

        Reference(OptimizerSpec spec) {
            this.spec = spec;
            if (spec.kind() == OptimizerSpec.Kind.ADAGRAD) {
                java.util.Arrays.fill(v, spec.value(OptimizerSetting.INITIAL_ACCUMULATOR));
            }
        }

        void step(double[] w, double[] g, int t, double lr) {
            double wd = spec.value(OptimizerSetting.WD);
            for (int i = 0; i < 4; i++) {
                if (spec.kind() == OptimizerSpec.Kind.ADAMW || spec.kind() == OptimizerSpec.Kind.SGDW) {
                    w[i] *= 1 - lr * wd; // the gradient g was taken at the weights before the decay
                } else {
                    g[i] += wd * w[i];
                }
            }
            double mom = spec.momentum();
            double b1 = spec.value(OptimizerSetting.BETA1);
            double b2 = spec.value(OptimizerSetting.BETA2);
            double eps = spec.value(OptimizerSetting.EPS);
            double rho = spec.value(OptimizerSetting.RHO);
            double bc1 = 1 - Math.pow(b1, t);
            double bc2 = 1 - Math.pow(b2, t);
            // torch.optim.NAdam: mu_t = beta1 (1 - 0.5 * 0.96^(t psi)), psi = 0.004
            double mu = b1 * (1 - 0.5 * Math.pow(0.96, t * 0.004));
            double muNext = b1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * 0.004));
            muProduct *= mu;
            for (int i = 0; i < 4; i++) {
                switch (spec.kind()) {
                    case SGD -> w[i] -= lr * g[i];
                    // SGDW (Loshchilov & Hutter): torch SGD's heavy ball b = mu b + g (b = g at t = 1); w -= lr b
                    case SGDW -> {
                        m[i] = t == 1 ? g[i] : mom * m[i] + g[i];
                        w[i] -= lr * m[i];
                    }
                    // torch.optim.SGD(momentum): b = mu b + g (b = g at t = 1); w -= lr b
                    case MOMENTUM -> {
                        m[i] = t == 1 ? g[i] : mom * m[i] + g[i];
                        w[i] -= lr * m[i];
                    }
                    // nesterov=True: w -= lr (g + mu b)
                    case NESTEROV -> {
                        m[i] = t == 1 ? g[i] : mom * m[i] + g[i];
                        w[i] -= lr * (g[i] + mom * m[i]);
                    }
                    case ADAM, ADAMW -> {
                        m[i] = b1 * m[i] + (1 - b1) * g[i];
                        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                        w[i] -= lr * (m[i] / bc1) / (Math.sqrt(v[i] / bc2) + eps);
                    }
                    case AMSGRAD -> {
                        m[i] = b1 * m[i] + (1 - b1) * g[i];
                        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                        u[i] = Math.max(u[i], v[i]);
                        w[i] -= lr * (m[i] / bc1) / (Math.sqrt(u[i] / bc2) + eps);
                    }
                    // torch.optim.Adamax: u = max(beta2 u, |g| + eps); w -= lr / (1 - beta1^t) * m / u
                    case ADAMAX -> {
                        m[i] = b1 * m[i] + (1 - b1) * g[i];
                        u[i] = Math.max(b2 * u[i], Math.abs(g[i]) + eps);
                        w[i] -= lr / bc1 * m[i] / u[i];
                    }
                    case NADAM -> {
                        m[i] = b1 * m[i] + (1 - b1) * g[i];
                        v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                        double mHat = muNext * m[i] / (1 - muProduct * muNext) + (1 - mu) * g[i] / (1 - muProduct);
                        w[i] -= lr * mHat / (Math.sqrt(v[i] / bc2) + eps);
                    }
                    // torch.optim.Adagrad: state_sum += g^2; w -= lr g / (sqrt(state_sum) + eps)
                    case ADAGRAD -> {
                        v[i] += g[i] * g[i];
                        w[i] -= lr * g[i] / (Math.sqrt(v[i]) + eps);
                    }
                    // torch.optim.RMSprop: v = alpha v + (1 - alpha) g^2; w -= lr g / (sqrt(v) + eps)
                    case RMSPROP -> {
                        v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                        w[i] -= lr * g[i] / (Math.sqrt(v[i]) + eps);
                    }
                    // torch.optim.Adadelta: v = rho v + (1-rho) g^2; d = sqrt(u + eps) / sqrt(v + eps) g;
                    // u = rho u + (1-rho) d^2; w -= lr d (lr is a multiplier, 1.0 by default; here the test's LR)
                    case ADADELTA -> {
                        v[i] = rho * v[i] + (1 - rho) * g[i] * g[i];
                        double d = Math.sqrt(u[i] + eps) / Math.sqrt(v[i] + eps) * g[i];
                        u[i] = rho * u[i] + (1 - rho) * d * d;
                        w[i] -= lr * d;
                    }
                }
            }
        }
    }
}
