package lrwb.engine.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * A schedule's curve multiplied by a factor, and the peak of a curve over a run: what a sweep's {@code lr} axis
 * needs (specs/sweeps.md: the axis value is the schedule's largest LR over the run). Every absolute LR of a spec is
 * multiplied (lr, maxLr, baseLr, endLr, warmupTarget, piecewise values, a plateau's minLr); factors, ratios, steps and
 * units stay, so the curve keeps its shape. The scaled spec is built through its own constructor: a value scaled out
 * of its rules (an LR that overflows to infinity) throws {@link InvalidSpecException} naming the field.
 */
public final class ScheduleScaling {
    private ScheduleScaling() {
    }

    /**
     * The spec whose every LR is {@code factor} times this one's.
     *
     * @param factor a finite number > 0
     */
    public static ScheduleSpec scaled(ScheduleSpec spec, double factor) {
        if (!(Double.isFinite(factor) && factor > 0)) {
            throw new IllegalArgumentException("a schedule's scale factor must be a finite number > 0 (got " + factor + ")");
        }
        if (spec instanceof PlateauSchedule p) {
            return new PlateauSchedule(p.lr() * factor, p.monitor(), p.mode(), p.factor(), p.patience(), p.threshold(),
                    p.thresholdMode(), p.cooldown(), p.minLr() * factor, p.eps(), p.unit());
        }
        return scaledFormula((FormulaSchedule) spec, factor);
    }

    private static FormulaSchedule scaledFormula(FormulaSchedule spec, double f) {
        if (spec instanceof ConstantSchedule s) {
            return new ConstantSchedule(s.lr() * f, s.unit());
        } else if (spec instanceof StepSchedule s) {
            return new StepSchedule(s.lr() * f, s.stepSize(), s.gamma(), s.unit());
        } else if (spec instanceof MultiStepSchedule s) {
            return new MultiStepSchedule(s.lr() * f, s.milestones(), s.gamma(), s.unit());
        } else if (spec instanceof PiecewiseSchedule s) {
            return new PiecewiseSchedule(s.boundaries(), s.values().stream().map(v -> v * f).toList(), s.unit());
        } else if (spec instanceof ExponentialSchedule s) {
            return new ExponentialSchedule(s.lr() * f, s.decayRate(), s.decaySteps(), s.staircase(), s.unit());
        } else if (spec instanceof NaturalExpSchedule s) {
            return new NaturalExpSchedule(s.lr() * f, s.k(), s.unit());
        } else if (spec instanceof InverseTimeSchedule s) {
            return new InverseTimeSchedule(s.lr() * f, s.decayRate(), s.decaySteps(), s.staircase(), s.unit());
        } else if (spec instanceof PolynomialSchedule s) {
            return new PolynomialSchedule(s.lr() * f, s.decaySteps(), s.endLr() * f, s.power(), s.cycle(), s.unit());
        } else if (spec instanceof CosineSchedule s) {
            return new CosineSchedule(s.lr() * f, s.decaySteps(), s.alpha(), s.warmupSteps(),
                    s.warmupTarget() == null ? null : s.warmupTarget() * f, s.unit());
        } else if (spec instanceof CosineRestartsSchedule s) {
            return new CosineRestartsSchedule(s.lr() * f, s.firstDecaySteps(), s.tMul(), s.mMul(), s.alpha(), s.unit());
        } else if (spec instanceof LinearSchedule s) {
            return new LinearSchedule(s.lr() * f, s.startFactor(), s.endFactor(), s.totalSteps(), s.unit());
        } else if (spec instanceof CyclicSchedule s) {
            return new CyclicSchedule(s.baseLr() * f, s.maxLr() * f, s.stepSizeUp(), s.stepSizeDown(), s.mode(), s.gamma(), s.unit());
        } else if (spec instanceof OneCycleSchedule s) {
            return new OneCycleSchedule(s.maxLr() * f, s.totalSteps(), s.pctStart(), s.anneal(), s.divFactor(),
                    s.finalDivFactor(), s.threePhase(), s.unit());
        } else if (spec instanceof SequentialSchedule s) {
            List<FormulaSchedule> parts = new ArrayList<>(s.schedules().size());
            for (int i = 0; i < s.schedules().size(); i++) {
                try {
                    parts.add(scaledFormula(s.schedules().get(i), f));
                } catch (InvalidSpecException e) {
                    throw e.within(SequentialSchedule.TYPE + ".schedules[" + i + "]");
                }
            }
            return new SequentialSchedule(parts, s.milestones(), s.unit());
        } else if (spec instanceof WsdSchedule s) {
            return new WsdSchedule(s.lr() * f, s.warmupSteps(), s.stableSteps(), s.decaySteps(), s.minLrRatio(),
                    s.warmupType(), s.decayType(), s.unit());
        } else if (spec instanceof InverseSqrtSchedule s) {
            return new InverseSqrtSchedule(s.lr() * f, s.warmupSteps(), s.timescale(), s.unit());
        } else if (spec instanceof WarmedUpSchedule s) {
            return new WarmedUpSchedule(scaledFormula(s.schedule(), f), s.warmup());
        }
        throw new IllegalStateException("no scaling for schedule type " + spec.type()); // the sealed list grew
    }

    /**
     * The largest LR of a run of {@code steps} updates: a formula's curve evaluated at every update, a plateau's
     * initial LR (its reductions only lower it).
     */
    public static double peak(ScheduleSpec spec, long steps, int stepsPerEpoch) {
        if (spec instanceof PlateauSchedule p) {
            return p.lr();
        }
        FormulaSchedule f = (FormulaSchedule) spec;
        double peak = 0;
        for (long i = 0; i < Math.max(1, steps); i++) {
            double lr = f.lrAtIteration(i, stepsPerEpoch);
            if (lr > peak) {
                peak = lr;
            }
        }
        return peak;
    }
}
