package lrwb.app.designer;

import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.MomentumCurve;
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.ScheduleSpec;

/**
 * The LR of every iteration on the chart, for any schedule: a formula's curve, or a plateau simulated on its example;
 * and the momentum of a schedule that cycles it.
 */
final class CurveSamples {
    private CurveSamples() {
    }

    /**
     * Fills {@code into} (reused when long enough, so a slider drag does not allocate 800 KB per frame) with the
     * LR of iterations {@code 0 .. steps-1}.
     */
    static double[] lr(ScheduleSpec spec, PlateauExample example, int steps, int stepsPerEpoch, double[] into) {
        double[] out = into != null && into.length >= steps ? into : new double[steps];
        if (spec instanceof FormulaSchedule f) {
            for (int i = 0; i < steps; i++) {
                out[i] = f.lrAtIteration(i, stepsPerEpoch);
            }
        } else if (spec instanceof PlateauSchedule p) {
            double[] perEpoch = p.simulate(example == null ? new double[0] : example.metrics());
            for (int i = 0; i < steps; i++) {
                out[i] = perEpoch[Math.min(i / stepsPerEpoch, perEpoch.length - 1)];
            }
        }
        return out;
    }

    /**
     * Fills {@code into} (reused when long enough) with the momentum (β1) of iterations {@code 0 .. steps-1}, or
     * returns null when the schedule does not cycle momentum ({@link MomentumCurve}).
     */
    static double[] momentum(ScheduleSpec spec, int steps, int stepsPerEpoch, double[] into) {
        MomentumCurve curve = MomentumCurve.of(spec).orElse(null);
        if (curve == null) {
            return null;
        }
        double[] out = into != null && into.length >= steps ? into : new double[steps];
        for (int i = 0; i < steps; i++) {
            out[i] = curve.atIteration(i, stepsPerEpoch);
        }
        return out;
    }
}
