package lrwb.engine.schedule;

import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Drives a DL4J updater from one of our specs. DL4J asks for the LR of every update through
 * {@link #valueAt}, which evaluates our formula; we never call {@code setLearningRate} per iteration,
 * and never use DL4J's own PolySchedule, which grows instead of decaying.
 *
 * <p>DL4J saves and clones updater configurations through its (shaded) Jackson, so this object keeps the
 * spec as our JSON text: a saved model reloads with exactly the same schedule.
 */
public final class Dl4jSchedule implements ISchedule {
    private static final long serialVersionUID = 1L;

    @JsonProperty("spec")
    private final String specJson;
    @JsonProperty("stepsPerEpoch")
    private final int stepsPerEpoch;
    @JsonIgnore
    private transient FormulaSchedule spec;

    /**
     * @param stepsPerEpoch batches per epoch of the training set; read only when the spec counts epochs
     */
    public Dl4jSchedule(FormulaSchedule spec, int stepsPerEpoch) {
        this(ScheduleJson.write(spec), stepsPerEpoch);
        this.spec = spec;
    }

    @JsonCreator
    private Dl4jSchedule(@JsonProperty("spec") String specJson, @JsonProperty("stepsPerEpoch") int stepsPerEpoch) {
        if (stepsPerEpoch <= 0) {
            throw new IllegalArgumentException("stepsPerEpoch must be > 0 (got " + stepsPerEpoch + ")");
        }
        this.specJson = specJson;
        this.stepsPerEpoch = stepsPerEpoch;
    }

    /** The spec this schedule evaluates. */
    public FormulaSchedule spec() {
        if (spec == null) {
            spec = (FormulaSchedule) ScheduleJson.parse(specJson);
        }
        return spec;
    }

    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    /** DL4J's iteration counter is 0-based and counts updates, as our {@code t}; epochs follow from it. */
    @Override
    public double valueAt(int iteration, int epoch) {
        return spec().lrAtIteration(iteration, stepsPerEpoch);
    }

    @Override
    public ISchedule clone() {
        return this; // immutable
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dl4jSchedule other && other.specJson.equals(specJson) && other.stepsPerEpoch == stepsPerEpoch;
    }

    @Override
    public int hashCode() {
        return specJson.hashCode() * 31 + stepsPerEpoch;
    }

    @Override
    public String toString() {
        return "Dl4jSchedule(" + spec().type() + ", stepsPerEpoch=" + stepsPerEpoch + ")";
    }
}
