package lrwb.engine.schedule;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * The one LR source every network we build is configured with: a handle that can be re-pointed while the
 * network lives, without touching DL4J's configuration or calling {@code setLearningRate} per iteration.
 * The range test points it at its LR sweep and back; training uses it for the manual LR override and for
 * plateau reductions. A schedule that cycles momentum gets a second handle of this kind for the momentum, so
 * that a continued run can shift both curves alike ({@code ShiftedSchedule}).
 *
 * <p>{@link #clone()} returns this same handle on purpose: DL4J copies updater configurations per layer,
 * and every layer must keep reading the one LR that the user steers.
 */
public final class SteerableSchedule implements ISchedule {
    private static final long serialVersionUID = 1L;

    @JsonProperty("base")
    private volatile ISchedule base;
    /** NaN when no override is in force. */
    @JsonProperty("override")
    private volatile double override = Double.NaN;

    @JsonCreator
    public SteerableSchedule(@JsonProperty("base") ISchedule base) {
        this.base = base;
    }

    /** A handle that starts at a constant LR. */
    public static SteerableSchedule constant(double lr) {
        return new SteerableSchedule(new Dl4jSchedule(new ConstantSchedule(lr), 1));
    }

    public ISchedule base() {
        return base;
    }

    /** Follows another schedule from the next update on. */
    public void setBase(ISchedule base) {
        this.base = base;
    }

    /** From the next update on, every update uses {@code lr}, whatever the base says, until {@link #clearOverride()}. */
    public void override(double lr) {
        if (!(Double.isFinite(lr) && lr > 0)) {
            throw new IllegalArgumentException("override LR must be a finite number > 0 (got " + lr + ")");
        }
        this.override = lr;
    }

    public void clearOverride() {
        this.override = Double.NaN;
    }

    /** The override in force, or NaN when none. */
    public double overrideLr() {
        return override;
    }

    public boolean isOverridden() {
        return !Double.isNaN(override);
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        double o = override;
        return Double.isNaN(o) ? base.valueAt(iteration, epoch) : o;
    }

    @Override
    public ISchedule clone() {
        return this;
    }
}
