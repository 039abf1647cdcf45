package lrwb.engine.schedule;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A DL4J {@link ISchedule} that evaluates one of our schedule specs at every update: the LR ({@link Dl4jSchedule}) or
 * the momentum it cycles ({@link Dl4jMomentumSchedule}). DL4J saves and clones updater configurations through its
 * (shaded) Jackson, so the spec is kept as our JSON text: a saved model reloads with exactly the same curve.
 * Immutable.
 */
abstract sealed class SpecBackedSchedule implements ISchedule permits Dl4jSchedule, Dl4jMomentumSchedule {
    private static final long serialVersionUID = 1L;

    @JsonProperty("spec")
    private final String specJson;
    @JsonProperty("stepsPerEpoch")
    private final int stepsPerEpoch;
    @JsonIgnore
    private transient ScheduleSpec spec;

    /** @param stepsPerEpoch batches per epoch of the training set; read only when the spec counts epochs */
    SpecBackedSchedule(ScheduleSpec spec, int stepsPerEpoch) {
        this(ScheduleJson.write(spec), stepsPerEpoch);
        this.spec = spec;
    }

    /** From the JSON DL4J saved. */
    SpecBackedSchedule(String specJson, int stepsPerEpoch) {
        if (stepsPerEpoch <= 0) {
            throw new IllegalArgumentException("stepsPerEpoch must be > 0 (got " + stepsPerEpoch + ")");
        }
        this.specJson = specJson;
        this.stepsPerEpoch = stepsPerEpoch;
    }

    /** The spec, parsed from its JSON once. */
    final ScheduleSpec scheduleSpec() {
        if (spec == null) {
            spec = ScheduleJson.parse(specJson);
        }
        return spec;
    }

    public final int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    @Override
    public final ISchedule clone() {
        return this; // immutable
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((SpecBackedSchedule) o).specJson.equals(specJson)
                && ((SpecBackedSchedule) o).stepsPerEpoch == stepsPerEpoch;
    }

    @Override
    public final int hashCode() {
        return specJson.hashCode() * 31 + stepsPerEpoch;
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "(" + scheduleSpec().type() + ", stepsPerEpoch=" + stepsPerEpoch + ")";
    }
}
