package lrwb.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The optimizers whose DL4J form (1.0.0-M2.1) is not the published rule, computed here exactly as
 * {@code torch.optim} documents them ({@link PublishedOptimizerUpdater} has the arithmetic):
 * <ul>
 * <li>{@link Rule#NADAM}: DL4J's {@code Nadam} leaves the second moment uncorrected (first steps ~1/√(1−β2) ≈ 30×
 *     too large) and has no momentum warm-up; ours is Dozat's with torch's momentum decay ψ = 0.004.</li>
 * <li>{@link Rule#ADAM}, {@link Rule#AMSGRAD}: DL4J puts ε outside the bias correction (ε·√(1−β2^t) in torch's
 *     terms); identical for ε = 1e-8 in practice, wrong for the larger ε people set for stability.</li>
 * <li>{@link Rule#ADAMAX}: DL4J divides by max(β2·u, |g|) + ε, torch by max(β2·u, |g| + ε).</li>
 * <li>{@link Rule#ADAGRAD}: DL4J starts the accumulator at ε; torch at {@code initial_accumulator_value}, Keras at 0.1.</li>
 * <li>{@link Rule#RMSPROP}: DL4J divides by √(v + ε), torch by √v + ε.</li>
 * <li>{@link Rule#ADADELTA}: DL4J's has no LR at all; torch's {@code lr} (default 1.0) multiplies the step, so an LR
 *     schedule means something.</li>
 * </ul>
 * The state lives in DL4J's updater state view, so snapshotting and restoring that array restores it.
 * DL4J configuration, hence a mutable bean with (shaded) Jackson annotations, like {@link ClassicalMomentum}.
 */
public final class PublishedOptimizer extends SteeredUpdater {
    private static final long serialVersionUID = 1L;

    /** torch.optim.NAdam's {@code momentum_decay} default (Keras uses the same 0.004). */
    public static final double MOMENTUM_DECAY = 0.004;

    public enum Rule {
        ADAM("M", "V"), ADAMAX("M", "U"), AMSGRAD("M", "V", "VMAX"), NADAM("M", "V"), ADAGRAD("SUM"), RMSPROP("V"), ADADELTA("V", "U");

        private final List<String> state;

        Rule(String... state) {
            this.state = List.of(state);
        }

        /** Names of the per-parameter state arrays, in their order in the state view. */
        public List<String> stateNames() {
            return state;
        }
    }

    @JsonProperty("rule")
    private final Rule rule;
    /** β1, β2, ε, ρ, initial accumulator; those the rule does not use are NaN. */
    @JsonProperty("beta1")
    private final double beta1;
    @JsonProperty("beta2")
    private final double beta2;
    @JsonProperty("epsilon")
    private final double epsilon;
    @JsonProperty("rho")
    private final double rho;
    @JsonProperty("initialAccumulator")
    private final double initialAccumulator;

    /** Adam, AdaMax, AMSGrad or Nadam. */
    public static PublishedOptimizer adamFamily(Rule rule, ISchedule lr, double beta1, double beta2, double epsilon) {
        return new PublishedOptimizer(rule, Double.NaN, Objects.requireNonNull(lr, "lr"), beta1, beta2, epsilon,
                Double.NaN, Double.NaN);
    }

    public static PublishedOptimizer adaGrad(ISchedule lr, double epsilon, double initialAccumulator) {
        return new PublishedOptimizer(Rule.ADAGRAD, Double.NaN, Objects.requireNonNull(lr, "lr"), Double.NaN, Double.NaN,
                epsilon, Double.NaN, initialAccumulator);
    }

    /** RMSprop (ρ is torch's {@code alpha}) or AdaDelta. */
    public static PublishedOptimizer decaying(Rule rule, ISchedule lr, double rho, double epsilon) {
        return new PublishedOptimizer(rule, Double.NaN, Objects.requireNonNull(lr, "lr"), Double.NaN, Double.NaN,
                epsilon, rho, Double.NaN);
    }

    @JsonCreator
    private PublishedOptimizer(@JsonProperty("rule") Rule rule, @JsonProperty("learningRate") double learningRate,
                               @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                               @JsonProperty("beta1") double beta1, @JsonProperty("beta2") double beta2,
                               @JsonProperty("epsilon") double epsilon, @JsonProperty("rho") double rho,
                               @JsonProperty("initialAccumulator") double initialAccumulator) {
        super(learningRate, learningRateSchedule);
        this.rule = Objects.requireNonNull(rule, "rule");
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.rho = rho;
        this.initialAccumulator = initialAccumulator;
    }

    public Rule getRule() {
        return rule;
    }

    public double getBeta1() {
        return beta1;
    }

    /** β1 of this update: the cycled one when a momentum schedule is set (Adam family), else the fixed one. */
    public double beta1At(int iteration, int epoch) {
        return momentumAt(iteration, epoch, beta1);
    }

    public double getBeta2() {
        return beta2;
    }

    public double getEpsilon() {
        return epsilon;
    }

    public double getRho() {
        return rho;
    }

    public double getInitialAccumulator() {
        return initialAccumulator;
    }


    /**
     * The DL4J updater of the same name with these settings and a fixed LR, for saved files that any DL4J program
     * reads: its state has the same length and order (moments first), so the saved state stays meaningful and a run
     * of ours continuing from the file picks it up ({@link #stockClass}). AdaDelta's LR multiplier has no DL4J place.
     */
    public IUpdater stockEquivalent(double lr) {
        return switch (rule) {
            case ADAM -> new org.nd4j.linalg.learning.config.Adam(lr, beta1, beta2, epsilon);
            case ADAMAX -> new org.nd4j.linalg.learning.config.AdaMax(lr, beta1, beta2, epsilon);
            case AMSGRAD -> new org.nd4j.linalg.learning.config.AMSGrad(lr, beta1, beta2, epsilon);
            case NADAM -> new org.nd4j.linalg.learning.config.Nadam(lr, beta1, beta2, epsilon);
            case ADAGRAD -> new org.nd4j.linalg.learning.config.AdaGrad(lr, epsilon);
            case RMSPROP -> new org.nd4j.linalg.learning.config.RmsProp(lr, rho, epsilon);
            case ADADELTA -> new org.nd4j.linalg.learning.config.AdaDelta(rho, epsilon);
        };
    }

    /** The class of {@link #stockEquivalent}: a file holding it continues with this optimizer's state. */
    public Class<? extends IUpdater> stockClass() {
        return stockEquivalent(Double.NaN).getClass();
    }

    @Override
    public long stateSize(long numParams) {
        return rule.state.size() * numParams;
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        PublishedOptimizerUpdater updater = new PublishedOptimizerUpdater(this);
        // DL4J's gradients for a block are vectors as long as one part of the state, of the view's rank.
        long n = viewArray.length() / rule.state.size();
        updater.setStateViewArray(viewArray, viewArray.rank() == 1 ? new long[] {n} : new long[] {1, n}, 'c',
                initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
        PublishedOptimizerUpdater updater = new PublishedOptimizerUpdater(this);
        updater.setState(state, initializeStateArrays);
        return updater;
    }

    /** Every layer gets a copy; our steerable schedule clones to itself, so all layers follow the one LR. */
    @Override
    public PublishedOptimizer clone() {
        return withClonedMomentum(new PublishedOptimizer(rule, fixedLearningRate(), clonedSchedule(), beta1, beta2, epsilon, rho,
                initialAccumulator));
    }

    // DL4J merges neighbouring layers with equal updater configurations into one updater block.
    @Override
    public boolean equals(Object o) {
        return o instanceof PublishedOptimizer other && rule == other.rule && sameLearningRate(other)
                && Double.compare(beta1, other.beta1) == 0 && Double.compare(beta2, other.beta2) == 0
                && Double.compare(epsilon, other.epsilon) == 0 && Double.compare(rho, other.rho) == 0
                && Double.compare(initialAccumulator, other.initialAccumulator) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, fixedLearningRate(), getLearningRateSchedule(), beta1, beta2, epsilon, rho, initialAccumulator);
    }

    @Override
    public String toString() {
        return "PublishedOptimizer(" + rule + ", beta1=" + beta1 + ", beta2=" + beta2 + ", epsilon=" + epsilon
                + ", rho=" + rho + ", initialAccumulator=" + initialAccumulator
                + ", learningRateSchedule=" + getLearningRateSchedule() + ")";
    }
}
