package lrwb.engine.model;

import lrwb.engine.schedule.SteerableSchedule;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.schedule.ISchedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A cycled momentum (β1) in the first three updates, against the rules written out by hand with that update's
 * momentum: torch's Adam reads {@code betas} afresh at each step, so bias_correction1 = 1 − β1_t^t uses the current
 * β1, and Nadam multiplies each step's μ into its product with that step's β1. Same 2×2 problem as
 * {@link OptimizerHandCheckTest}: loss ½·Σ(a∘w − b)², g = a∘(a∘w − b).
 */
class CycledMomentumHandCheckTest {
    private static final double LR = 0.1;
    private static final double[] A = {1, 2, 0.5, -1};
    private static final double[] B = {1, -1, 0.2, 0.3};
    private static final double[] W0 = {0.5, -0.3, 0.8, 0.1};
    /** β1 (momentum) of updates 0, 1, 2: a one-cycle's first steps. */
    private static final double[] CYCLE = {0.95, 0.9, 0.85};

    /** Returns CYCLE[iteration]: what a Dl4jMomentumSchedule hands the updater. */
    private static final class Values implements ISchedule {
        @Override
        public double valueAt(int iteration, int epoch) {
            return CYCLE[iteration];
        }

        @Override
        public ISchedule clone() {
            return this;
        }
    }

    private static double[] gradient(double[] w) {
        double[] g = new double[4];
        for (int i = 0; i < 4; i++) {
            g[i] = A[i] * (A[i] * w[i] - B[i]);
        }
        return g;
    }

    /** Three updates of {@code config} (cloned per layer, as DL4J does), in doubles. */
    private static double[] run(IUpdater config) {
        IUpdater copy = config.clone();
        GradientUpdater<?> updater = copy.instantiate(Nd4j.zeros(DataType.DOUBLE, 1, copy.stateSize(4)), true);
        double[] w = W0.clone();
        for (int step = 0; step < 3; step++) {
            INDArray g = Nd4j.create(gradient(w), new long[] {1, 4}, DataType.DOUBLE);
            updater.applyUpdater(g, step, 0);
            double[] update = g.toDoubleVector();
            for (int i = 0; i < 4; i++) {
                w[i] -= update[i];
            }
        }
        return w;
    }

    private static void assertClose(double[] actual, double[] expected) {
        for (int i = 0; i < 4; i++) {
            assertThat(actual[i]).as("w[%d]", i).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void adamUsesEachUpdatesBeta1InTheMomentAndTheBiasCorrection() {
        double b2 = 0.999;
        double eps = 1e-8;
        double[] w = W0.clone();
        double[] m = new double[4];
        double[] v = new double[4];
        for (int t = 1; t <= 3; t++) {
            double b1 = CYCLE[t - 1];
            double[] g = gradient(w);
            for (int i = 0; i < 4; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                w[i] -= LR * (m[i] / (1 - Math.pow(b1, t))) / (Math.sqrt(v[i] / (1 - Math.pow(b2, t))) + eps);
            }
        }
        OptimizerSpec adam = OptimizerSpec.parse("adam");
        double[] cycled = run(adam.updater(SteerableSchedule.constant(LR), new SteerableSchedule(new Values())));
        assertClose(cycled, w);
        // the fixed β1 0.9 gives other weights: the cycle is what made them equal
        assertThat(run(adam.updater(SteerableSchedule.constant(LR)))[0]).isNotCloseTo(w[0], within(1e-6));
    }

    @Test
    void nadamMultipliesEachStepsMuWithThatStepsBeta1() {
        double b2 = 0.999;
        double eps = 1e-8;
        double[] w = W0.clone();
        double[] m = new double[4];
        double[] v = new double[4];
        double product = 1;
        for (int t = 1; t <= 3; t++) {
            double b1 = CYCLE[t - 1];
            double mu = b1 * (1 - 0.5 * Math.pow(0.96, t * 0.004));
            double muNext = b1 * (1 - 0.5 * Math.pow(0.96, (t + 1) * 0.004));
            product *= mu;
            double[] g = gradient(w);
            for (int i = 0; i < 4; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mHat = muNext * m[i] / (1 - product * muNext) + (1 - mu) * g[i] / (1 - product);
                w[i] -= LR * mHat / (Math.sqrt(v[i] / (1 - Math.pow(b2, t))) + eps);
            }
        }
        assertClose(run(OptimizerSpec.parse("nadam").updater(SteerableSchedule.constant(LR),
                new SteerableSchedule(new Values()))), w);
    }

    @Test
    void classicalMomentumUsesEachUpdatesMomentum() {
        double[] w = W0.clone();
        double[] velocity = new double[4];
        for (int t = 1; t <= 3; t++) {
            double[] g = gradient(w);
            for (int i = 0; i < 4; i++) {
                velocity[i] = CYCLE[t - 1] * velocity[i] - LR * g[i]; // Keras' form: v = m·v − lr·g; w += v
                w[i] += velocity[i];
            }
        }
        IUpdater config = OptimizerSpec.parse("momentum:0.5").updater(SteerableSchedule.constant(LR),
                new SteerableSchedule(new Values()));
        assertClose(run(config), w);
        ClassicalMomentum classical = (ClassicalMomentum) config.clone();
        assertThat(classical.momentumAt(1, 0)).isEqualTo(0.9);
        assertThat(classical.getMomentum()).as("the fixed setting stays as given").isEqualTo(0.5);
    }

    @Test
    void nesterovHandsTheScheduleToDl4jsNesterovs() {
        Nesterovs nesterovs = (Nesterovs) OptimizerSpec.parse("nesterov").updater(SteerableSchedule.constant(LR),
                new SteerableSchedule(new Values())).clone();
        assertThat(nesterovs.currentMomentum(0, 0)).isEqualTo(0.95);
        assertThat(nesterovs.currentMomentum(2, 0)).isEqualTo(0.85);
    }

    @Test
    void optimizersWithNeitherKeepTheirUpdaterAsItIs() {
        for (String name : new String[] {"sgd", "adagrad", "rmsprop", "adadelta"}) {
            OptimizerSpec spec = OptimizerSpec.parse(name);
            assertThat(spec.kind().cycledSetting()).as(name).isEmpty();
            SteerableSchedule lr = SteerableSchedule.constant(LR);
            IUpdater updater = spec.updater(lr, new SteerableSchedule(new Values()));
            assertThat(updater).as(name).isEqualTo(spec.updater(lr));
        }
        assertThat(OptimizerSpec.parse("adamax").kind().cycledSetting()).contains(OptimizerSetting.BETA1);
        assertThat(OptimizerSpec.parse("nesterov").kind().cycledSetting()).contains(OptimizerSetting.MOMENTUM);
    }
}
