package lrwb.engine.export;

import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.MomentumCurve;
import lrwb.engine.schedule.SequentialSchedule;
import lrwb.engine.schedule.Unit;
import lrwb.engine.schedule.WarmedUpSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static lrwb.engine.export.Literal.decimal;
import static lrwb.engine.export.Literal.integer;

/**
 * The schedule as plain Python functions of the 0-based update, {@code lr_at(step)} and {@code momentum_at(step)}, for
 * the snippets that carry the formula (PyTorch's and transformers' LambdaLR, optax's injected LR). Epoch-counting
 * schedules read {@code STEPS_PER_EPOCH}.
 */
final class PythonFunctions {
    private final List<String> functions = new ArrayList<>();
    private final UniqueNames names = new UniqueNames();

    private PythonFunctions() {
        names.claim("lr_at");
        names.claim("momentum_at");
    }

    /**
     * {@code def lr_at(step):} (parts of a sequential and a warmed-up schedule as functions of their own before it),
     * and {@code def momentum_at(step):} when the schedule cycles momentum and {@code withMomentum}; math module only.
     */
    static String of(FormulaSchedule spec, boolean withMomentum) {
        PythonFunctions f = new PythonFunctions();
        f.function(spec, "lr_at", "The learning rate of the given 0-based optimizer update (batch).");
        if (withMomentum) {
            MomentumCurve.of(spec).ifPresent(m -> f.momentumFunction(spec, m));
        }
        return String.join("\n\n\n", f.functions);
    }

    /** {@code def momentum_at(step):} for a schedule that cycles momentum (alone or after a warmup, which holds it). */
    private void momentumFunction(FormulaSchedule spec, MomentumCurve momentum) {
        FormulaSchedule cycle = (FormulaSchedule) momentum.cycle();
        boolean epochs = cycle.unit() == Unit.EPOCH;
        String t = epochs ? "epoch" : "step";
        StringBuilder f = new StringBuilder("def momentum_at(step):\n    \"\"\"The momentum (Adam: beta1) of the given 0-based"
                + " optimizer update (batch).\"\"\"\n");
        if (epochs) {
            f.append("    epoch = step // ").append(StepsPerEpoch.NAME).append("  # this schedule counts epochs\n");
        }
        String body = PythonFormulas.momentum(momentum.cycle(), t);
        if (spec instanceof WarmedUpSchedule w) {
            String steps = integer(w.warmup().steps());
            body = Template.fill("""
                    if {t} < {steps}:  # the warmup holds the cycle's first momentum
                        {t} = 0
                    else:
                        {t} -= {steps}
                    """, "t", t, "steps", steps) + body;
        }
        functions.add(f.append(Template.indent(body, "    ")).toString());
    }

    /** Adds {@code def name(step):} computing {@code spec} (parts of a sequential first). */
    private void function(FormulaSchedule spec, String name, String doc) {
        String t = spec.unit() == Unit.EPOCH ? "epoch" : "step";
        String body = spec instanceof SequentialSchedule s ? sequential(s, name)
                : spec instanceof WarmedUpSchedule w ? warmedUp(w, name) : PythonFormulas.body(spec, t);
        StringBuilder f = new StringBuilder("def ").append(name).append("(step):\n    \"\"\"").append(doc).append("\"\"\"\n");
        if (spec.unit() == Unit.EPOCH && !(spec instanceof SequentialSchedule)) {
            f.append("    epoch = step // ").append(StepsPerEpoch.NAME).append("  # this schedule counts epochs\n");
        }
        f.append(Template.indent(body, "    "));
        functions.add(f.toString());
    }

    private String sequential(SequentialSchedule s, String name) {
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < s.schedules().size(); i++) {
            FormulaSchedule part = s.schedules().get(i);
            String partName = names.claim(functionName(part));
            function(part, partName, "Part " + (i + 1) + " of " + name + ": " + part.type() + ".");
            calls.add(partName);
        }
        StringBuilder b = new StringBuilder("# Parts run one after another, each counting its steps from its own start.\n");
        for (int i = 0; i < calls.size(); i++) {
            String start = i == 0 ? null : milestone(s, i - 1);
            String arg = start == null ? "step" : "step - " + start;
            if (i < calls.size() - 1) {
                b.append("if step < ").append(milestone(s, i)).append(":\n    return ").append(calls.get(i)).append('(').append(arg).append(")\n");
            } else {
                b.append("return ").append(calls.get(i)).append('(').append(arg).append(')');
            }
        }
        return b.toString();
    }

    /** A ramp towards the schedule's first value, then the schedule (a function of its own) started late. */
    private String warmedUp(WarmedUpSchedule w, String name) {
        String after = names.claim(functionName(w.schedule()));
        function(w.schedule(), after, "The schedule that " + name + " warms up: " + w.type() + ", from its own step 0.");
        boolean epochUnit = w.unit() == Unit.EPOCH;
        String steps = integer(w.warmup().steps());
        return Template.fill("""
                if {t} < {steps}:  # linear warmup towards the schedule's first value
                    return {after}(0) * ({s} + (1 - {s}) * {t} / {steps})
                return {after}(step - {shift})""", "t", epochUnit ? "epoch" : "step", "steps", steps, "after", after,
                "s", decimal(w.warmup().startFactor()), "shift", epochUnit ? steps + " * " + StepsPerEpoch.NAME : steps);
    }

    private static String milestone(SequentialSchedule s, int i) {
        long m = s.milestones().get(i);
        return s.unit() == Unit.EPOCH ? m + " * " + StepsPerEpoch.NAME : integer(m);
    }

    private static String functionName(FormulaSchedule spec) {
        return spec.type().replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT) + "_lr";
    }
}
