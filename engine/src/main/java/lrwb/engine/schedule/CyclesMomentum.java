package lrwb.engine.schedule;

/**
 * A schedule that can cycle the optimizer's momentum (or Adam's beta1) against its LR, as PyTorch's
 * OneCycleLR and CyclicLR do by default (specs/schedules.md, "Cyclical momentum"). The three fields are
 * the spec's JSON fields; {@link MomentumCurve} is what training, {@code lrwb schedule} and the Designer read.
 */
public sealed interface CyclesMomentum permits CyclicSchedule, OneCycleSchedule {

    String type();

    /** What {@link #momentum(long)}'s t counts: the schedule's own unit. */
    Unit unit();

    /** Whether the momentum follows {@link #momentum(long)}; false leaves the optimizer's own momentum. */
    boolean cycleMomentum();

    /** The momentum where the LR is highest. */
    double baseMomentum();

    /** The momentum where the LR is lowest, and at step 0. */
    double maxMomentum();

    /** The momentum at the formula's own {@code t} (iterations or epochs, per {@link #unit()}), whether or not it is cycled. */
    double momentum(long t);

    /**
     * The rules shared by both types: each momentum in [0, 1) (1 would make Adam's bias correction
     * 1 − beta1^t zero), and base at most max (equal holds the momentum still).
     */
    static void check(String type, double baseMomentum, double maxMomentum) {
        Check.range(type, "baseMomentum", baseMomentum, 0, true, 1, false);
        Check.range(type, "maxMomentum", maxMomentum, 0, true, 1, false);
        if (maxMomentum < baseMomentum) {
            throw new InvalidSpecException(type + ".maxMomentum", "must be >= baseMomentum (got "
                    + Check.num(maxMomentum) + " < " + Check.num(baseMomentum) + ")");
        }
    }
}
