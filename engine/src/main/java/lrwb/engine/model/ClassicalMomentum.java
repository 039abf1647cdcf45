package lrwb.engine.model;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.GradientUpdater;
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
public final class ClassicalMomentum extends SteeredUpdater {
    private static final long serialVersionUID = 1L;

    public static final double DEFAULT_MOMENTUM = 0.9;

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
        super(learningRate, learningRateSchedule);
        if (!(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1) (got " + momentum + ")");
        }
        this.momentum = momentum;
    }

    /** The fixed momentum; {@link #momentumAt(int, int)} is what an update uses. */
    public double getMomentum() {
        return momentum;
    }

    /** The momentum of this update: the cycled one when a momentum schedule is set, else the fixed one. */
    public double momentumAt(int iteration, int epoch) {
        return momentumAt(iteration, epoch, momentum);
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

    @Override
    public ClassicalMomentum clone() {
        return withClonedMomentum(new ClassicalMomentum(fixedLearningRate(), clonedSchedule(), momentum));
    }

    // DL4J merges neighbouring layers with equal updater configurations into one updater block.
    @Override
    public boolean equals(Object o) {
        return o instanceof ClassicalMomentum other && sameLearningRate(other)
                && Double.compare(momentum, other.momentum) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fixedLearningRate(), momentum, getLearningRateSchedule());
    }

    @Override
    public String toString() {
        return "ClassicalMomentum(momentum=" + momentum
                + (getMomentumSchedule() == null ? "" : ", momentumSchedule=" + getMomentumSchedule()) + ", learningRateSchedule=" + getLearningRateSchedule()
                + (getLearningRateSchedule() == null ? ", learningRate=" + fixedLearningRate() : "") + ")";
    }
}
