package lrwb.engine.export;

import lrwb.engine.schedule.CosineRestartsSchedule;
import lrwb.engine.schedule.CosineSchedule;
import lrwb.engine.schedule.CyclicSchedule;
import lrwb.engine.schedule.ExponentialSchedule;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.InverseSqrtSchedule;
import lrwb.engine.schedule.InverseTimeSchedule;
import lrwb.engine.schedule.LinearSchedule;
import lrwb.engine.schedule.NaturalExpSchedule;
import lrwb.engine.schedule.OneCycleSchedule;
import lrwb.engine.schedule.PolynomialSchedule;
import lrwb.engine.schedule.Unit;
import lrwb.engine.schedule.WsdSchedule;

import static lrwb.engine.export.Literal.decimal;
import static lrwb.engine.export.Literal.javaInteger;

/**
 * The Java {@code valueAt} bodies for schedules DL4J has no exact built-in for: the spec formula with the numbers
 * inlined, in the evaluator's order of operations so that the doubles come out the same. {@code t} is DL4J's
 * {@code iteration} or {@code epoch} argument, per the spec's unit.
 */
final class JavaFormulas {
    /** A formula class: its name, one-line doc, {@code valueAt} body and any helper methods. */
    record Formula(String className, String doc, String body, String methods) {
        Formula(String className, String doc, String body) {
            this(className, doc, body, "");
        }
    }

    private JavaFormulas() {
    }

    static Formula of(FormulaSchedule spec) {
        String t = spec.unit() == Unit.EPOCH ? "epoch" : "iteration";
        if (spec instanceof ExponentialSchedule s) {
            return new Formula("ExponentialDecay", "lr · decayRate^(t / decaySteps); t = " + t + ".",
                    "return " + decimal(s.lr()) + " * Math.pow(" + decimal(s.decayRate()) + ", " + t + " / "
                            + decimal(s.decaySteps()) + ");");
        } else if (spec instanceof NaturalExpSchedule s) {
            return new Formula("NaturalExpDecay", "lr · e^(−k·t); t = " + t + ".",
                    "return " + decimal(s.lr()) + " * Math.exp(" + decimal(-s.k()) + " * " + t + ");");
        } else if (spec instanceof InverseTimeSchedule s) {
            return inverseTime(s, t);
        } else if (spec instanceof PolynomialSchedule s) {
            return polynomial(s, t);
        } else if (spec instanceof CosineSchedule s) {
            return cosine(s, t);
        } else if (spec instanceof CosineRestartsSchedule s) {
            return cosineRestarts(s, t);
        } else if (spec instanceof LinearSchedule s) {
            return new Formula("LinearLr", "Linear warmup or decay: lr · (startFactor → endFactor over totalSteps); t = "
                    + t + " (PyTorch LinearLR).", Template.fill(
                    "return {lr} * ({start} + ({end} - {start}) * Math.min({t}, {total}) / {totalD});",
                    "lr", decimal(s.lr()), "start", decimal(s.startFactor()), "end", decimal(s.endFactor()),
                    "t", t, "total", javaInteger(s.totalSteps()), "totalD", decimal(s.totalSteps())));
        } else if (spec instanceof CyclicSchedule s) {
            return cyclic(s, t);
        } else if (spec instanceof OneCycleSchedule s) {
            return oneCycle(s, t);
        } else if (spec instanceof WsdSchedule s) {
            return wsd(s, t);
        } else if (spec instanceof InverseSqrtSchedule s) {
            return inverseSqrt(s, t);
        }
        throw new IllegalArgumentException("no Java formula for " + spec.type());
    }

    private static Formula inverseTime(InverseTimeSchedule s, String t) {
        String p = s.staircase() ? t + " / " + javaInteger(s.decaySteps()) : t + " / " + decimal(s.decaySteps());
        return new Formula("InverseTimeDecay", "lr / (1 + decayRate · " + (s.staircase() ? "floor(t / decaySteps)" : "t / decaySteps")
                + "); t = " + t + ".",
                (s.staircase() ? "// " + p + " is an integer division: the floor\n" : "")
                        + "return " + decimal(s.lr()) + " / (1 + " + decimal(s.decayRate()) + " * (" + p + "));");
    }

    private static Formula polynomial(PolynomialSchedule s, String t) {
        String template = s.cycle()
                ? """
                  // Each cycle decays over the first multiple of decaySteps that is >= t.
                  double decaySteps = {stepsD} * Math.max(1, Math.ceil({t} / {stepsD}));
                  return ({lr} - {end}) * Math.pow(1 - {t} / decaySteps, {power}) + {end};"""
                : """
                  double done = Math.min({t}, {steps});
                  return ({lr} - {end}) * Math.pow(1 - done / {stepsD}, {power}) + {end};""";
        String body = s.cycle()
                ? Template.fill(template, "stepsD", decimal(s.decaySteps()), "t", t, "lr", decimal(s.lr()),
                        "end", decimal(s.endLr()), "power", decimal(s.power()))
                : Template.fill(template, "t", t, "steps", javaInteger(s.decaySteps()), "lr", decimal(s.lr()),
                        "end", decimal(s.endLr()), "stepsD", decimal(s.decaySteps()), "power", decimal(s.power()));
        return new Formula("PolynomialDecay", "Polynomial decay to endLr over "
                + (s.cycle() ? "the next multiple of decaySteps, restarting" : "decaySteps, then endLr") + "; t = " + t + ".", body);
    }

    private static Formula cosine(CosineSchedule s, String t) {
        String decay = """
                double done = Math.min({t}, {steps});
                return {peak} * ((1 - {alpha}) * (1 + Math.cos(Math.PI * done / {stepsD})) / 2 + {alpha});""";
        String body;
        if (s.warmupTarget() == null) {
            body = Template.fill(decay, "t", t, "steps", javaInteger(s.decaySteps()), "peak", decimal(s.lr()),
                    "alpha", decimal(s.alpha()), "stepsD", decimal(s.decaySteps()));
        } else {
            body = Template.fill("""
                    if ({t} < {warmup}) { // linear warmup from lr to the target
                        return {lr} + ({target} - {lr}) * {t} / {warmupD};
                    }
                    """, "t", t, "warmup", javaInteger(s.warmupSteps()), "lr", decimal(s.lr()),
                    "target", decimal(s.warmupTarget()), "warmupD", decimal(s.warmupSteps()))
                    + Template.fill(decay, "t", t + " - " + javaInteger(s.warmupSteps()), "steps", javaInteger(s.decaySteps()),
                    "peak", decimal(s.warmupTarget()), "alpha", decimal(s.alpha()), "stepsD", decimal(s.decaySteps()));
        }
        return new Formula("CosineDecay", "Cosine decay to alpha · peak over decaySteps"
                + (s.warmupTarget() == null ? "" : ", after a linear warmup") + "; t = " + t + " (Keras CosineDecay).", body);
    }

    private static Formula cosineRestarts(CosineRestartsSchedule s, String t) {
        String period = s.tMul() == 1
                ? Template.fill("""
                  double restarts = Math.floor(f);
                  f -= restarts;
                  double peak = Math.pow({mMul}, restarts);""", "mMul", decimal(s.mMul()))
                : Template.fill("""
                  // Walk to the period holding f (lengths 1, tMul, tMul², ... in units of firstDecaySteps): exact at
                  // every restart, where floor(log(...) / log(tMul)) can land an ulp below the integer.
                  double peak = 1, periodStart = 0, period = 1;
                  while (periodStart + period <= f) {
                      periodStart += period;
                      period *= {tMul};
                      peak *= {mMul};
                  }
                  f = (f - periodStart) / period;""", "tMul", decimal(s.tMul()), "mMul", decimal(s.mMul()));
        String body = "double f = " + t + " / " + decimal(s.firstDecaySteps()) + "; // periods of firstDecaySteps done\n"
                + period + "\n"
                + Template.fill("return {lr} * ((1 - {alpha}) * peak * (1 + Math.cos(Math.PI * f)) / 2 + {alpha});",
                "lr", decimal(s.lr()), "alpha", decimal(s.alpha()));
        return new Formula("CosineRestarts", "SGDR: restarts after firstDecaySteps · tMul^i steps, peaks scaled by mMul^i; t = "
                + t + ".", body);
    }

    private static Formula cyclic(CyclicSchedule s, String t) {
        double total = s.stepSizeUp() + s.stepSizeDown();
        String scale = switch (s.mode()) {
            case TRIANGULAR -> "";
            case TRIANGULAR2 -> " * (1 / Math.pow(2, cycle - 1))"; // amplitude halves every cycle
            case EXP_RANGE -> " * Math.pow(" + decimal(s.gamma()) + ", " + t + ")";
        };
        String body = Template.fill("""
                double cycle = Math.floor(1 + {t} / {total});
                double x = 1 + {t} / {total} - cycle; // position in the cycle, 0..1
                double s = x <= {ratio} ? x / {ratio} : (x - 1) / ({ratio} - 1); // 0 -> 1 -> 0
                return {base} + ({max} - {base}) * s{scale};""",
                "t", t, "total", decimal(total), "ratio", decimal(s.stepSizeUp() / total),
                "base", decimal(s.baseLr()), "max", decimal(s.maxLr()), "scale", scale);
        return new Formula("CyclicLr", "Cyclical LR (" + s.mode().json() + "), up over " + s.stepSizeUp() + " and down over "
                + s.stepSizeDown() + " steps; t = " + t + " (PyTorch CyclicLR).", body);
    }

    private static Formula oneCycle(OneCycleSchedule s, String t) {
        OneCyclePhases phases = new OneCyclePhases(s);
        StringBuilder body = new StringBuilder(Template.fill("""
                double initial = {initial}, peak = {peak}, last = {last};
                if ({t} >= {lastStep}) {
                    return last;
                }
                """, "initial", decimal(s.initialValue()), "peak", decimal(s.maxLr()), "last", decimal(s.minValue()),
                "t", t, "lastStep", javaInteger(s.totalSteps() - 1)));
        for (int i = 0; i < phases.count(); i++) {
            String anneal = "anneal(" + phases.from(i) + ", " + phases.to(i) + ", " + phases.pct(i, t) + ")";
            if (i < phases.count() - 1) {
                body.append("if (").append(t).append(" <= ").append(decimal(phases.end(i))).append(") {\n    return ")
                        .append(anneal).append(";\n}\n");
            } else {
                body.append("return ").append(anneal).append(';');
            }
        }
        String anneal = s.anneal() == OneCycleSchedule.Anneal.COS
                ? "return end + (start - end) * (1 + Math.cos(Math.PI * pct)) / 2; // cosine from start to end"
                : "return start + (end - start) * pct;";
        return new Formula("OneCycleLr", "1cycle (PyTorch OneCycleLR without momentum): up to maxLr, then down"
                + (s.threePhase() ? " via the initial LR" : "") + " (" + s.anneal().json() + "); t = " + t + ".", body.toString(),
                "private static double anneal(double start, double end, double pct) {\n    " + anneal + "\n}");
    }

    private static Formula wsd(WsdSchedule s, String t) {
        long decayStart = s.warmupSteps() + s.stableSteps();
        StringBuilder body = new StringBuilder();
        if (s.warmupSteps() > 0) {
            body.append(Template.fill("""
                    if ({t} < {warmup}) { // warmup ({shape}): the factor rises 0 -> 1
                        double p = {t} / {warmupD};
                        return {lr};
                    }
                    """, "t", t, "warmup", javaInteger(s.warmupSteps()), "shape", s.warmupType().json(),
                    "warmupD", decimal(s.warmupSteps()),
                    "lr", WsdRamps.scaled(s, WsdRamps.warmup(s.warmupType(), WsdRamps.Language.JAVA))));
        }
        if (s.stableSteps() > 0) {
            body.append(Template.fill("""
                    if ({t} < {decayStart}) { // stable
                        return {lr};
                    }
                    """, "t", t, "decayStart", javaInteger(decayStart), "lr", decimal(s.lr())));
        }
        body.append(Template.fill("""
                if ({t} < {end}) { // decay ({shape}): the factor falls 1 -> 0
                    double p = ({t} - {decayStart}) / {decayD};
                    return {lr};
                }
                return {floor}; // lr · minLrRatio from then on""", "t", t, "end", javaInteger(s.totalSteps()),
                "shape", s.decayType().json(), "decayStart", javaInteger(decayStart), "decayD", decimal(s.decaySteps()),
                "lr", WsdRamps.scaled(s, WsdRamps.decay(s.decayType(), WsdRamps.Language.JAVA)),
                "floor", s.minLrRatio() == 0 ? "0.0" : decimal(s.lr()) + " * " + decimal(s.minLrRatio())));
        return new Formula("WarmupStableDecay", "Warmup-stable-decay: up to lr over " + s.warmupSteps() + ", lr for "
                + s.stableSteps() + ", down to lr · minLrRatio over " + s.decaySteps() + " steps; t = " + t
                + " (transformers' get_wsd_schedule).", body.toString());
    }

    private static Formula inverseSqrt(InverseSqrtSchedule s, String t) {
        String warmup = s.warmupSteps() == 0 ? "" : Template.fill("""
                if ({t} < {warmup}) { // linear warmup from 0
                    return {lr} * {t} / {warmupD};
                }
                """, "t", t, "warmup", javaInteger(s.warmupSteps()), "lr", decimal(s.lr()), "warmupD", decimal(s.warmupSteps()));
        String body = warmup + Template.fill("return {lr} / Math.sqrt(({t} - {warmup} + {timescale}) / {timescale});",
                "lr", decimal(s.lr()), "t", t, "warmup", javaInteger(s.warmupSteps()), "timescale", decimal(s.timescale()));
        return new Formula("InverseSqrtDecay", "lr / sqrt((t − warmupSteps + timescale) / timescale) after a linear warmup;"
                + " t = " + t + " (transformers' get_inverse_sqrt_schedule).", body);
    }
}
