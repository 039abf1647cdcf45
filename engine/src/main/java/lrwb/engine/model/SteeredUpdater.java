package lrwb.engine.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.schedule.ISchedule;

/**
 * What our own DL4J updater configurations ({@link ClassicalMomentum}, {@link PublishedOptimizer}) share: the LR,
 * read from a schedule at every update, or a fixed number after DL4J's {@code setLearningRate}; and the momentum
 * (β1 for the Adam family), read from a schedule at every update when the LR schedule cycles it
 * ({@code MomentumCurve}), else the configuration's fixed value. Both schedules get the same (iteration, epoch).
 */
abstract class SteeredUpdater implements IUpdater {
    private static final long serialVersionUID = 1L;

    /** Used only when {@link #learningRateSchedule} is null, i.e. after DL4J's {@code setLearningRate(double)}. */
    @JsonProperty("learningRate")
    private double learningRate;
    @JsonProperty("learningRateSchedule")
    private ISchedule learningRateSchedule;
    /** The momentum or β1 per update; null for the subclass's fixed value. Set after construction, like the LR. */
    @JsonProperty("momentumSchedule")
    private ISchedule momentumSchedule;

    SteeredUpdater(double learningRate, ISchedule learningRateSchedule) {
        this.learningRate = learningRate;
        this.learningRateSchedule = learningRateSchedule;
    }

    @Override
    public abstract SteeredUpdater clone();

    /** The fixed LR ({@link #setLrAndSchedule}); NaN while a schedule sets it. */
    final double fixedLearningRate() {
        return learningRate;
    }

    public final ISchedule getLearningRateSchedule() {
        return learningRateSchedule;
    }

    /**
     * The schedule for a copy: DL4J gives every layer its own copy of the configuration, and our
     * {@code SteerableSchedule} clones to the same handle, so all layers keep following the one LR the user steers.
     */
    final ISchedule clonedSchedule() {
        return learningRateSchedule == null ? null : learningRateSchedule.clone();
    }

    /** The momentum (β1) schedule, or null when the fixed value holds. */
    public final ISchedule getMomentumSchedule() {
        return momentumSchedule;
    }

    /**
     * Makes the momentum (β1 for the Adam family) follow {@code schedule} at every update; null returns to the fixed
     * value. The schedule reads the same (iteration, epoch) as the LR's.
     *
     * @return this, for chaining after construction
     */
    public final SteeredUpdater followMomentum(ISchedule schedule) {
        this.momentumSchedule = schedule;
        return this;
    }

    /** The momentum (β1) of this update: the schedule's, or {@code fixed}. */
    final double momentumAt(int iteration, int epoch, double fixed) {
        ISchedule m = momentumSchedule;
        return m == null ? fixed : m.valueAt(iteration, epoch);
    }

    /** A copy for {@link #clone()}: the momentum schedule clones like the LR's (our handle clones to itself). */
    final <T extends SteeredUpdater> T withClonedMomentum(T copy) {
        copy.followMomentum(momentumSchedule == null ? null : momentumSchedule.clone());
        return copy;
    }

    @Override
    public final double getLearningRate(int iteration, int epoch) {
        return learningRateSchedule != null ? learningRateSchedule.valueAt(iteration, epoch) : learningRate;
    }

    @Override
    public final boolean hasLearningRate() {
        return true;
    }

    /** DL4J's {@code setLearningRate} route; kept working so this behaves like every other DL4J updater. */
    @Override
    public final void setLrAndSchedule(double lr, ISchedule lrSchedule) {
        this.learningRate = lr;
        this.learningRateSchedule = lrSchedule;
    }

    /** Equal LR (and momentum schedule) settings: part of the subclasses' equality (DL4J merges layers with equal updaters into one block). */
    final boolean sameLearningRate(SteeredUpdater other) {
        return Double.compare(learningRate, other.learningRate) == 0
                && java.util.Objects.equals(learningRateSchedule, other.learningRateSchedule)
                && java.util.Objects.equals(momentumSchedule, other.momentumSchedule);
    }
}
