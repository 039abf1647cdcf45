package lrwb.engine.model;

import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J's AdaGrad, except that it survives being cloned. In 1.0.0-M2.1 {@code AdaGrad.clone()} copies only
 * the fixed LR and epsilon and drops the LR schedule; DL4J clones the updater for every layer, so every
 * layer of a scheduled AdaGrad network would train with LR NaN. The update rule itself is DL4J's.
 */
public final class ScheduledAdaGrad extends AdaGrad {
    private static final long serialVersionUID = 1L;

    @JsonCreator
    public ScheduledAdaGrad(@JsonProperty("learningRateSchedule") ISchedule learningRateSchedule,
                            @JsonProperty("epsilon") double epsilon) {
        super(learningRateSchedule, epsilon);
    }

    /** Keeps the schedule; ours clones to itself, so every layer reads the one steered LR. */
    @Override
    public ScheduledAdaGrad clone() {
        ISchedule schedule = getLearningRateSchedule();
        ScheduledAdaGrad copy = new ScheduledAdaGrad(schedule == null ? null : schedule.clone(), getEpsilon());
        copy.setLearningRate(getLearningRate());
        return copy;
    }
}
