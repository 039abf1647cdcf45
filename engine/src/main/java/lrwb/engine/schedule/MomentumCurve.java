package lrwb.engine.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The momentum (for momentum and nesterov; beta1 for the Adam family) that a schedule sets at each update,
 * when it cycles it (specs/schedules.md, "Cyclical momentum"). Training, {@code lrwb schedule}'s momentum
 * column and the Designer's momentum chart all read this one curve, at the same iteration count as the LR.
 *
 * <p>Momentum cycles only when the whole schedule is a {@code cyclic} or {@code oneCycle} with
 * {@code cycleMomentum} true, with or without a {@code warmup} in front. During such a warmup the momentum
 * holds at the cycle's first value (maxMomentum: the LR is low there, as at the start of the cycle), and
 * the cycle starts with the LR's, W steps late. A cyclic or oneCycle inside a {@code sequential} does not
 * cycle it: the optimizer's own momentum holds for the whole run ({@link #unusedIn} says so, for the run's
 * notes), because the other parts have no momentum of their own to hand over to or from.
 */
public final class MomentumCurve {
    private final CyclesMomentum cycle;
    /** The warmup in front, or null. */
    private final Warmup warmup;

    private MomentumCurve(CyclesMomentum cycle, Warmup warmup) {
        this.cycle = cycle;
        this.warmup = warmup;
    }

    /** The momentum curve of a schedule, or empty when it does not cycle momentum. */
    public static Optional<MomentumCurve> of(ScheduleSpec spec) {
        Warmup warmup = null;
        ScheduleSpec inner = spec;
        if (spec instanceof WarmedUpSchedule w) {
            warmup = w.warmup();
            inner = w.schedule();
        }
        if (inner instanceof CyclesMomentum c && c.cycleMomentum()) {
            return Optional.of(new MomentumCurve(c, warmup));
        }
        return Optional.empty();
    }

    /**
     * A note for the run when parts of a sequential ask to cycle momentum, which they do not do there;
     * empty when nothing is asked in vain.
     */
    public static Optional<String> unusedIn(ScheduleSpec spec) {
        ScheduleSpec inner = spec instanceof WarmedUpSchedule w ? w.schedule() : spec;
        if (!(inner instanceof SequentialSchedule s)) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < s.schedules().size(); i++) {
            FormulaSchedule p = s.schedules().get(i);
            FormulaSchedule part = p instanceof WarmedUpSchedule w ? w.schedule() : p;
            if (part instanceof CyclesMomentum c && c.cycleMomentum()) {
                parts.add("schedules[" + i + "] (" + part.type() + ")");
            }
        }
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("momentum is not cycled: " + String.join(", ", parts) + " of the sequential set"
                + " cycleMomentum, but momentum cycles only when the whole schedule is cyclic or oneCycle;"
                + " the optimizer's own momentum holds");
    }

    /** The schedule whose momentum this is (without the warmup). */
    public CyclesMomentum cycle() {
        return cycle;
    }

    /**
     * The momentum the given 0-based update uses.
     *
     * @param stepsPerEpoch batches per epoch; only read when the unit is epoch
     */
    public double atIteration(long iteration, int stepsPerEpoch) {
        Unit unit = cycle.unit();
        long shifted = iteration;
        if (warmup != null) {
            if (unit.t(iteration, stepsPerEpoch) < warmup.steps()) {
                return cycle.momentum(0);
            }
            shifted = iteration - warmup.steps() * unit.iterations(stepsPerEpoch);
        }
        return cycle.momentum(unit.t(shifted, stepsPerEpoch));
    }

    /** Momentum of updates {@code 0 .. steps-1}, in one pass (as {@link FormulaSchedule#curve}). */
    public double[] curve(int steps, int stepsPerEpoch) {
        double[] out = new double[steps];
        for (int i = 0; i < steps; i++) {
            out[i] = atIteration(i, stepsPerEpoch);
        }
        return out;
    }
}
