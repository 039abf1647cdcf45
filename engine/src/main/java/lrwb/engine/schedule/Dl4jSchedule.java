package lrwb.engine.schedule;

import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Drives a DL4J updater from one of our specs. DL4J asks for the LR of every update through
 * {@link #valueAt}, which evaluates our formula; we never call {@code setLearningRate} per iteration,
 * and never use DL4J's own PolySchedule, which grows instead of decaying. Kept as the spec's JSON
 * ({@link SpecBackedSchedule}).
 */
public final class Dl4jSchedule extends SpecBackedSchedule {
    private static final long serialVersionUID = 1L;

    /**
     * @param stepsPerEpoch batches per epoch of the training set; read only when the spec counts epochs
     */
    public Dl4jSchedule(FormulaSchedule spec, int stepsPerEpoch) {
        super(spec, stepsPerEpoch);
    }

    @JsonCreator
    private Dl4jSchedule(@JsonProperty("spec") String specJson, @JsonProperty("stepsPerEpoch") int stepsPerEpoch) {
        super(specJson, stepsPerEpoch);
    }

    /** The spec this schedule evaluates. */
    public FormulaSchedule spec() {
        return (FormulaSchedule) scheduleSpec();
    }

    /** DL4J's iteration counter is 0-based and counts updates, as our {@code t}; epochs follow from it. */
    @Override
    public double valueAt(int iteration, int epoch) {
        return spec().lrAtIteration(iteration, stepsPerEpoch());
    }
}
