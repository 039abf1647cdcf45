package lrwb.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Map;
import java.util.Objects;

/**
 * SGD with classical (heavy-ball) momentum, exactly as Keras' {@code SGD(momentum=m)} and PyTorch's
 * {@code SGD(momentum=m)} up to where the LR is applied:
 * <pre>v = m·v − lr·g;   w = w + v</pre>
 * DL4J ships only the Nesterov form ({@code Nesterovs}), whose steps differ; a user comparing an LR found
 * here with one from a Keras notebook needs this form. The arithmetic is in {@link ClassicalMomentumUpdater}.
 *
 * <p>The velocity is the only state and lives in DL4J's updater state view, so snapshotting
 * {@code net.getUpdater().getStateViewArray()} and assigning it back restores it.
 *
 * <p>This is DL4J configuration, so it is a mutable bean with Jackson (shaded) annotations: DL4J clones it
 * per layer and writes it into the network JSON.
 */
public final class ClassicalMomentum implements IUpdater {
    private static final long serialVersionUID = 1L;

    public static final double DEFAULT_MOMENTUM = 0.9;

    /** Used only when {@link #learningRateSchedule} is null, i.e. after DL4J's {@code setLearningRate(double)}. */
    @JsonProperty("learningRate")
    private double learningRate;
    @JsonProperty("learningRateSchedule")
    private ISchedule learningRateSchedule;
    @JsonProperty("momentum")
    private final double momentum;

    /** The form every network we build uses: the LR comes from the schedule at every update. */
    public ClassicalMomentum(ISchedule learningRateSchedule, double momentum) {
        this(Double.NaN, Objects.requireNonNull(learningRateSchedule, "learningRateSchedule"), momentum);
    }

    @JsonCreator
    private ClassicalMomentum(@JsonProperty("learningRate") double learningRate,
                              @JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                              @JsonProperty("momentum") double momentum) {
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1) (got " + momentum + ")");
        }
        this.learningRate = learningRate;
        this.learningRateSchedule = learningRateSchedule;
        this.momentum = momentum;
    }

    public double getMomentum() {
        return momentum;
    }

    public ISchedule getLearningRateSchedule() {
        return learningRateSchedule;
    }

    @Override
    public long stateSize(long numParams) {
        return numParams; // one velocity per parameter
    }

    @Override
    public GradientUpdater instantiate(INDArray viewArray, boolean initializeViewArray) {
        ClassicalMomentumUpdater updater = new ClassicalMomentumUpdater(this);
        updater.setStateViewArray(viewArray, viewArray.shape(), viewArray.ordering(), initializeViewArray);
        return updater;
    }

    @Override
    public GradientUpdater instantiate(Map<String, INDArray> state, boolean initializeStateArrays) {
        ClassicalMomentumUpdater updater = new ClassicalMomentumUpdater(this);
        updater.setState(state, initializeStateArrays);
        return updater;
    }

    /**
     * DL4J gives every layer its own copy of the configuration. The schedule is cloned through its own
     * {@code clone()}, which for our {@code SteerableSchedule} is the same handle, so all layers keep
     * following the one LR the user steers.
     */
    @Override
    public ClassicalMomentum clone() {
        return new ClassicalMomentum(learningRate,
                learningRateSchedule == null ? null : learningRateSchedule.clone(), momentum);
    }

    @Override
    public double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule != null ? learningRateSchedule.valueAt(iteration, epoch) : learningRate;
    }

    @Override
    public boolean hasLearningRate() {
        return true;
    }

    /** DL4J's {@code setLearningRate} route; kept working so this behaves like every other DL4J updater. */
    @Override
    public void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        this.learningRate = lr;
        this.learningRateSchedule = lrSchedule;
    }

    // DL4J merges neighbouring layers with equal updater configurations into one updater block.
    @Override
    public boolean equals(Object o) {
        return o instanceof ClassicalMomentum other
                && Double.compare(learningRate, other.learningRate) == 0
                && Double.compare(momentum, other.momentum) == 0
                && Objects.equals(learningRateSchedule, other.learningRateSchedule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(learningRate, momentum, learningRateSchedule);
    }

    @Override
    public String toString() {
        return "ClassicalMomentum(momentum=" + momentum + ", learningRateSchedule=" + learningRateSchedule
                + (learningRateSchedule == null ? ", learningRate=" + learningRate : "") + ")";
    }
}
