package lrwb.engine.schedule;

import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Drives an updater's momentum (β1 for the Adam family) from a schedule that cycles it: DL4J asks for the
 * momentum of every update through {@link #valueAt} with the same (iteration, epoch) as the LR, and gets the
 * spec's {@link MomentumCurve} there. Kept as the spec's JSON, like {@link Dl4jSchedule} ({@link SpecBackedSchedule}),
 * so a configuration that holds it clones and reloads with exactly the same curve.
 */
public final class Dl4jMomentumSchedule extends SpecBackedSchedule {
    private static final long serialVersionUID = 1L;

    @JsonIgnore
    private transient MomentumCurve curve;

    /**
     * @param spec          a schedule that cycles momentum ({@link MomentumCurve#of} is present)
     * @param stepsPerEpoch batches per epoch of the training set; read only when the spec counts epochs
     * @throws IllegalArgumentException if the spec does not cycle momentum
     */
    public Dl4jMomentumSchedule(FormulaSchedule spec, int stepsPerEpoch) {
        super(spec, stepsPerEpoch);
        this.curve = curve();
    }

    @JsonCreator
    private Dl4jMomentumSchedule(@JsonProperty("spec") String specJson, @JsonProperty("stepsPerEpoch") int stepsPerEpoch) {
        super(specJson, stepsPerEpoch);
        this.curve = curve();
    }

    private MomentumCurve curve() {
        if (curve == null) {
            ScheduleSpec spec = scheduleSpec();
            curve = MomentumCurve.of(spec).orElseThrow(() -> new IllegalArgumentException(
                    spec.type() + " does not cycle momentum: no momentum schedule to follow"));
        }
        return curve;
    }

    /** DL4J's iteration counter is 0-based and counts updates, as the LR's {@link Dl4jSchedule#valueAt}. */
    @Override
    public double valueAt(int iteration, int epoch) {
        return curve().atIteration(iteration, stepsPerEpoch());
    }
}
