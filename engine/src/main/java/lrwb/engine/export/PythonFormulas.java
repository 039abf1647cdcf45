package lrwb.engine.export;

import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.CosineRestartsSchedule;
import lrwb.engine.schedule.CosineSchedule;
import lrwb.engine.schedule.CyclesMomentum;
import lrwb.engine.schedule.CyclicSchedule;
import lrwb.engine.schedule.ExponentialSchedule;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.InverseSqrtSchedule;
import lrwb.engine.schedule.InverseTimeSchedule;
import lrwb.engine.schedule.LinearSchedule;
import lrwb.engine.schedule.MultiStepSchedule;
import lrwb.engine.schedule.NaturalExpSchedule;
import lrwb.engine.schedule.OneCycleSchedule;
import lrwb.engine.schedule.PiecewiseSchedule;
import lrwb.engine.schedule.PolynomialSchedule;
import lrwb.engine.schedule.StepSchedule;
import lrwb.engine.schedule.WsdSchedule;

import java.util.List;
import java.util.stream.Collectors;

import static lrwb.engine.export.Literal.decimal;
import static lrwb.engine.export.Literal.integer;

/**
 * Pure-Python bodies (math module only) of a function of the step for each formula type: the spec formula with the
 * numbers inlined, in the evaluator's order of operations. {@code t} is {@code step} or {@code epoch}, per the unit.
 */
final class PythonFormulas {
    private PythonFormulas() {
    }

    /** The body of a leaf function, in terms of {@code t} ({@code step} or {@code epoch}). */
    static String body(FormulaSchedule spec, String t) {
        if (spec instanceof ConstantSchedule s) {
            return "return " + decimal(s.lr());
        } else if (spec instanceof StepSchedule s) {
            return "return " + decimal(s.lr()) + " * " + decimal(s.gamma()) + " ** (" + t + " // " + integer(s.stepSize()) + ")";
        } else if (spec instanceof MultiStepSchedule s) {
            return "milestones = " + ints(s.milestones()) + "\n"
                    + "return " + decimal(s.lr()) + " * " + decimal(s.gamma()) + " ** sum(" + t + " >= m for m in milestones)";
        } else if (spec instanceof PiecewiseSchedule s) {
            return "boundaries = " + ints(s.boundaries()) + "\n"
                    + "values = [" + s.values().stream().map(Literal::decimal).collect(Collectors.joining(", ")) + "]\n"
                    + "return values[sum(" + t + " > b for b in boundaries)]  # values[i] for boundaries[i-1] < " + t + " <= boundaries[i]";
        } else if (spec instanceof ExponentialSchedule s) {
            return "return " + decimal(s.lr()) + " * " + decimal(s.decayRate()) + " ** " + ratio(t, s.decaySteps(), s.staircase());
        } else if (spec instanceof NaturalExpSchedule s) {
            return "return " + decimal(s.lr()) + " * math.exp(" + decimal(-s.k()) + " * " + t + ")";
        } else if (spec instanceof InverseTimeSchedule s) {
            return "return " + decimal(s.lr()) + " / (1 + " + decimal(s.decayRate()) + " * " + ratio(t, s.decaySteps(), s.staircase()) + ")";
        } else if (spec instanceof PolynomialSchedule s) {
            return polynomial(s, t);
        } else if (spec instanceof CosineSchedule s) {
            return cosine(s, t);
        } else if (spec instanceof CosineRestartsSchedule s) {
            return cosineRestarts(s, t);
        } else if (spec instanceof LinearSchedule s) {
            return Template.fill("return {lr} * ({start} + ({end} - {start}) * min({t}, {total}) / {total})",
                    "lr", decimal(s.lr()), "start", decimal(s.startFactor()), "end", decimal(s.endFactor()), "t", t,
                    "total", integer(s.totalSteps()));
        } else if (spec instanceof CyclicSchedule s) {
            return cyclic(s, t, decimal(s.baseLr()), decimal(s.maxLr()));
        } else if (spec instanceof OneCycleSchedule s) {
            return oneCycle(s, t, decimal(s.initialValue()), decimal(s.maxLr()), decimal(s.minValue()));
        } else if (spec instanceof WsdSchedule s) {
            return wsd(s, t);
        } else if (spec instanceof InverseSqrtSchedule s) {
            return inverseSqrt(s, t);
        }
        throw new IllegalArgumentException("no Python formula for " + spec.type());
    }

    private static String ints(List<Long> values) {
        return values.stream().map(Literal::integer).collect(Collectors.joining(", ", "[", "]"));
    }

    /** {@code t / steps} (floored when staircase), parenthesised for use as an exponent or factor. */
    private static String ratio(String t, long steps, boolean staircase) {
        if (steps == 1) {
            return t;
        }
        return "(" + t + (staircase ? " // " : " / ") + integer(steps) + ")";
    }

    private static String polynomial(PolynomialSchedule s, String t) {
        String template = s.cycle()
                ? """
                  decay_steps = {steps} * max(1, math.ceil({t} / {steps}))  # the first multiple of {steps} that is >= {t}
                  return ({lr} - {end}) * (1 - {t} / decay_steps) ** {power} + {end}"""
                : """
                  done = min({t}, {steps})
                  return ({lr} - {end}) * (1 - done / {steps}) ** {power} + {end}""";
        return Template.fill(template, "steps", integer(s.decaySteps()), "t", t, "lr", decimal(s.lr()),
                "end", decimal(s.endLr()), "power", decimal(s.power()));
    }

    private static String cosine(CosineSchedule s, String t) {
        String decay = """
                done = min({t}, {steps})
                return {peak} * ((1 - {alpha}) * (1 + math.cos(math.pi * done / {steps})) / 2 + {alpha})""";
        if (s.warmupTarget() == null) {
            return Template.fill(decay, "t", t, "steps", integer(s.decaySteps()), "peak", decimal(s.lr()), "alpha", decimal(s.alpha()));
        }
        return Template.fill("""
                if {t} < {warmup}:  # linear warmup from lr to the target
                    return {lr} + ({target} - {lr}) * {t} / {warmup}
                """, "t", t, "warmup", integer(s.warmupSteps()), "lr", decimal(s.lr()), "target", decimal(s.warmupTarget()))
                + Template.fill(decay, "t", t + " - " + integer(s.warmupSteps()), "steps", integer(s.decaySteps()),
                "peak", decimal(s.warmupTarget()), "alpha", decimal(s.alpha()));
    }

    private static String cosineRestarts(CosineRestartsSchedule s, String t) {
        String period = s.tMul() == 1
                ? Template.fill("""
                  restarts = math.floor(f)
                  f -= restarts
                  peak = {mMul} ** restarts""", "mMul", decimal(s.mMul()))
                : Template.fill("""
                  # Walk to the period holding f (lengths 1, t_mul, t_mul**2, ... in units of first_decay_steps):
                  # exact at every restart, where floor(log(...) / log(t_mul)) can land an ulp below the integer.
                  peak, period_start, period = 1.0, 0.0, 1.0
                  while period_start + period <= f:
                      period_start += period
                      period *= {tMul}
                      peak *= {mMul}
                  f = (f - period_start) / period""", "tMul", decimal(s.tMul()), "mMul", decimal(s.mMul()));
        return "f = " + t + " / " + integer(s.firstDecaySteps()) + "  # periods of first_decay_steps done\n" + period + "\n"
                + Template.fill("return {lr} * ((1 - {alpha}) * peak * (1 + math.cos(math.pi * f)) / 2 + {alpha})",
                "lr", decimal(s.lr()), "alpha", decimal(s.alpha()));
    }

    /**
     * The body of {@code momentum_at}: the LR's formula run between the momentum's ends, which mirror the LR's
     * (maxMomentum where the LR is lowest).
     */
    static String momentum(CyclesMomentum spec, String t) {
        String max = decimal(spec.maxMomentum());
        String base = decimal(spec.baseMomentum());
        if (spec instanceof CyclicSchedule s) {
            return cyclic(s, t, max, base);
        }
        return oneCycle((OneCycleSchedule) spec, t, max, base, max);
    }

    /** From {@code low} (at the bottom of a cycle) towards {@code high} (at its top). */
    private static String cyclic(CyclicSchedule s, String t, String low, String high) {
        double total = s.stepSizeUp() + s.stepSizeDown();
        String scale = switch (s.mode()) {
            case TRIANGULAR -> "";
            case TRIANGULAR2 -> " * (1 / 2 ** (cycle - 1))";  // amplitude halves every cycle
            case EXP_RANGE -> " * " + decimal(s.gamma()) + " ** " + t;
        };
        return Template.fill("""
                cycle = math.floor(1 + {t} / {total})
                x = 1 + {t} / {total} - cycle  # position in the cycle, 0..1
                s = x / {ratio} if x <= {ratio} else (x - 1) / ({ratio} - 1)  # 0 -> 1 -> 0
                return {base} + ({max} - {base}) * s{scale}""",
                "t", t, "total", decimal(total), "ratio", decimal(s.stepSizeUp() / total),
                "base", low, "max", high, "scale", scale);
    }

    /** Through the phases' named points: initial → peak → last (three-phase: initial → peak → initial → last). */
    private static String oneCycle(OneCycleSchedule s, String t, String initial, String peak, String last) {
        OneCyclePhases phases = new OneCyclePhases(s);
        String anneal = s.anneal() == OneCycleSchedule.Anneal.COS
                ? "return end + (start - end) * (1 + math.cos(math.pi * pct)) / 2  # cosine from start to end"
                : "return start + (end - start) * pct";
        StringBuilder b = new StringBuilder(Template.fill("""
                def anneal(start, end, pct):
                    {anneal}

                initial, peak, last = {initial}, {peak}, {last}
                if {t} >= {lastStep}:
                    return last
                """, "anneal", anneal, "initial", initial, "peak", peak, "last", last, "t", t, "lastStep", integer(s.totalSteps() - 1)));
        for (int i = 0; i < phases.count(); i++) {
            String call = "anneal(" + phases.from(i) + ", " + phases.to(i) + ", " + phases.pct(i, t) + ")";
            if (i < phases.count() - 1) {
                b.append("if ").append(t).append(" <= ").append(decimal(phases.end(i))).append(":\n    return ").append(call).append('\n');
            } else {
                b.append("return ").append(call);
            }
        }
        return b.toString();
    }

    /** As transformers' get_wsd_schedule computes its factor, times lr. */
    private static String wsd(WsdSchedule s, String t) {
        long decayStart = s.warmupSteps() + s.stableSteps();
        StringBuilder b = new StringBuilder();
        if (s.warmupSteps() > 0) {
            b.append(Template.fill("""
                    if {t} < {warmup}:  # warmup ({shape}): the factor rises 0 -> 1
                        p = {t} / {warmup}
                        return {lr}
                    """, "t", t, "warmup", integer(s.warmupSteps()), "shape", s.warmupType().json(),
                    "lr", WsdRamps.scaled(s, WsdRamps.warmup(s.warmupType(), WsdRamps.Language.PYTHON))));
        }
        if (s.stableSteps() > 0) {
            b.append(Template.fill("""
                    if {t} < {decayStart}:  # stable
                        return {lr}
                    """, "t", t, "decayStart", integer(decayStart), "lr", decimal(s.lr())));
        }
        b.append(Template.fill("""
                if {t} < {end}:  # decay ({shape}): the factor falls 1 -> 0
                    p = ({t} - {decayStart}) / {decay}
                    return {lr}
                return {floor}  # lr * min_lr_ratio from then on""", "t", t, "end", integer(s.totalSteps()),
                "shape", s.decayType().json(), "decayStart", integer(decayStart), "decay", integer(s.decaySteps()),
                "lr", WsdRamps.scaled(s, WsdRamps.decay(s.decayType(), WsdRamps.Language.PYTHON)),
                "floor", s.minLrRatio() == 0 ? "0.0" : decimal(s.lr()) + " * " + decimal(s.minLrRatio())));
        return b.toString();
    }

    /** As transformers' get_inverse_sqrt_schedule computes its factor, times lr. */
    private static String inverseSqrt(InverseSqrtSchedule s, String t) {
        String warmup = s.warmupSteps() == 0 ? "" : Template.fill("""
                if {t} < {warmup}:  # linear warmup from 0
                    return {lr} * {t} / {warmup}
                """, "t", t, "warmup", integer(s.warmupSteps()), "lr", decimal(s.lr()));
        return warmup + Template.fill("return {lr} / math.sqrt(({t} - {warmup} + {timescale}) / {timescale})",
                "lr", decimal(s.lr()), "t", t, "warmup", integer(s.warmupSteps()), "timescale", integer(s.timescale()));
    }
}
