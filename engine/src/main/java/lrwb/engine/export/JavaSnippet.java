package lrwb.engine.export;

import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.ExponentialSchedule;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.InverseTimeSchedule;
import lrwb.engine.schedule.MultiStepSchedule;
import lrwb.engine.schedule.PiecewiseSchedule;
import lrwb.engine.schedule.SequentialSchedule;
import lrwb.engine.schedule.StepSchedule;
import lrwb.engine.schedule.Unit;
import lrwb.engine.schedule.WarmedUpSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static lrwb.engine.export.Literal.decimal;
import static lrwb.engine.export.Literal.javaInteger;

/**
 * A DL4J 1.0.0-M2.1 compilation unit whose {@code LearningRate.schedule()} is an {@code ISchedule} giving our
 * evaluator's LR for {@code valueAt(iteration, epoch)}. DL4J's own schedules are used only where they compute
 * exactly our formula (never PolySchedule: it grows); everything else is a small nested {@link JavaFormulas} class.
 */
final class JavaSnippet {
    static final String HOLDER = "LearningRate";

    private static final String FORMULA_CLASS = """
            /** {doc} */
            public static final class {name} extends StatelessSchedule {
            {fields}    @Override
                public double valueAt(int iteration, int epoch) {
            {body}
                }
            {methods}}""";

    /** Shared by the formula classes, so each of them is only its formula. */
    private static final String STATELESS_BASE = """
            /** The formula classes hold no state: an instance can be its own clone, and instances of a class are equal. */
            abstract static class StatelessSchedule implements ISchedule {
                @Override
                public ISchedule clone() {
                    return this;
                }

                // DL4J compares updater configurations with equals() to let layers share an updater block.
                @Override
                public boolean equals(Object o) {
                    return o != null && o.getClass() == getClass();
                }

                @Override
                public int hashCode() {
                    return getClass().hashCode();
                }
            }""";

    private final StepsPerEpoch stepsPerEpoch;
    private final Set<String> imports = new TreeSet<>(Set.of("org.nd4j.linalg.schedule.ISchedule"));
    private final List<String> classes = new ArrayList<>();
    private final UniqueNames names = new UniqueNames();
    private boolean needsStepsPerEpoch;

    private JavaSnippet(StepsPerEpoch stepsPerEpoch) {
        this.stepsPerEpoch = stepsPerEpoch;
        names.claim(HOLDER);
    }

    static String generate(FormulaSchedule spec, StepsPerEpoch stepsPerEpoch) {
        JavaSnippet snippet = new JavaSnippet(stepsPerEpoch);
        String schedule = snippet.schedule(spec);
        return snippet.compilationUnit(schedule);
    }

    private String compilationUnit(String schedule) {
        StringBuilder out = new StringBuilder();
        imports.forEach(i -> out.append("import ").append(i).append(";\n"));
        out.append("\n/** The learning-rate schedule for a DL4J updater: see the end of this file. */\n");
        out.append("public final class ").append(HOLDER).append(" {\n");
        if (needsStepsPerEpoch) {
            out.append("    ").append(stepsPerEpoch.javaConstant()).append("\n\n");
        }
        out.append("    private ").append(HOLDER).append("() {\n    }\n\n");
        out.append("    public static ISchedule schedule() {\n");
        out.append("        return ").append(Template.indentFollowing(schedule, "        ")).append(";\n    }\n");
        if (!classes.isEmpty()) {
            out.append('\n').append(Template.indent(STATELESS_BASE, "    ")).append('\n');
        }
        classes.forEach(c -> out.append('\n').append(Template.indent(c, "    ")).append('\n'));
        out.append("}\n\n");
        out.append("// Use it as the learning rate of any updater (Sgd, Adam, Nesterovs, ...), e.g.\n");
        out.append("//     new NeuralNetConfiguration.Builder().updater(new Sgd(").append(HOLDER).append(".schedule()))\n");
        out.append("// DL4J calls it with its iteration and epoch counts.\n");
        return out.toString();
    }

    /** A Java expression creating the ISchedule for {@code spec}; adds the imports and classes it needs. */
    private String schedule(FormulaSchedule spec) {
        String builtIn = exactBuiltIn(spec);
        if (builtIn != null) {
            return builtIn;
        }
        if (spec instanceof SequentialSchedule s) {
            return sequential(s);
        }
        if (spec instanceof WarmedUpSchedule w) {
            return warmedUp(w);
        }
        JavaFormulas.Formula f = JavaFormulas.of(spec);
        return formulaClass(f.className(), f.doc(), f.body(), "", f.methods());
    }

    /** DL4J's own schedule computing exactly our formula, or null if it has none. */
    private String exactBuiltIn(FormulaSchedule spec) {
        if (spec instanceof ConstantSchedule s) {
            return builtIn("FixedSchedule", "new FixedSchedule(" + decimal(s.lr()) + ")");
        } else if (spec instanceof StepSchedule s) {
            return stepSchedule(s.unit(), s.lr(), s.gamma(), s.stepSize());
        } else if (spec instanceof MultiStepSchedule s) {
            return multiStep(s);
        } else if (spec instanceof PiecewiseSchedule s) {
            return piecewise(s);
        } else if (spec instanceof ExponentialSchedule s && s.decaySteps() == 1) { // lr·rate^t
            return builtIn("ExponentialSchedule", "new ExponentialSchedule(" + scheduleType(s.unit()) + ", "
                    + decimal(s.lr()) + ", " + decimal(s.decayRate()) + ")");
        } else if (spec instanceof ExponentialSchedule s && s.staircase()) { // lr·rate^floor(t/decaySteps): a step decay
            return stepSchedule(s.unit(), s.lr(), s.decayRate(), s.decaySteps());
        } else if (spec instanceof InverseTimeSchedule s && s.decaySteps() == 1) { // lr / (1 + rate·t)^1
            return builtIn("InverseSchedule", "new InverseSchedule(" + scheduleType(s.unit()) + ", "
                    + decimal(s.lr()) + ", " + decimal(s.decayRate()) + ", 1.0)");
        }
        return null;
    }

    private String builtIn(String className, String expression) {
        imports.add("org.nd4j.linalg.schedule." + className);
        return expression;
    }

    private String scheduleType(Unit unit) {
        imports.add("org.nd4j.linalg.schedule.ScheduleType");
        return "ScheduleType." + (unit == Unit.EPOCH ? "EPOCH" : "ITERATION");
    }

    /** DL4J's StepSchedule is exactly {@code lr·gamma^floor(t/step)}. */
    private String stepSchedule(Unit unit, double lr, double gamma, long step) {
        return builtIn("StepSchedule", "new StepSchedule(" + scheduleType(unit) + ", " + decimal(lr) + ", "
                + decimal(gamma) + ", " + javaInteger(step) + ")");
    }

    /** DL4J's MapSchedule holds each value from its step on (step 0 must be present). */
    private String mapSchedule(Unit unit, Map<Long, String> valueFrom, String comment) {
        StringBuilder b = new StringBuilder(builtIn("MapSchedule", "new MapSchedule.Builder(" + scheduleType(unit) + ")"));
        b.append(" // ").append(comment);
        valueFrom.forEach((step, value) -> {
            if (step <= Integer.MAX_VALUE) { // DL4J counts in ints: a later step is never reached
                b.append("\n        .add(").append(step).append(", ").append(value).append(')');
            }
        });
        return b.append("\n        .build()").toString();
    }

    private String multiStep(MultiStepSchedule s) {
        Map<Long, String> valueFrom = new TreeMap<>();
        valueFrom.put(0L, decayed(s, 0));
        for (long m : s.milestones()) {
            valueFrom.put(m, decayed(s, m));
        }
        return mapSchedule(s.unit(), valueFrom, "the LR from each milestone on");
    }

    /** {@code lr·gamma^k}, k the milestones passed at t, written as the evaluator computes it. */
    private static String decayed(MultiStepSchedule s, long t) {
        long k = s.milestones().stream().filter(m -> m <= t).count();
        if (k <= 1) { // lr·gamma^1 is exactly lr·gamma
            return k == 0 ? decimal(s.lr()) : decimal(s.lr()) + " * " + decimal(s.gamma());
        }
        return decimal(s.lr()) + " * Math.pow(" + decimal(s.gamma()) + ", " + k + ")";
    }

    /** values[i] holds for b(i-1) < t <= b(i), so in a MapSchedule it starts at b(i-1) + 1. */
    private String piecewise(PiecewiseSchedule s) {
        Map<Long, String> valueFrom = new TreeMap<>();
        valueFrom.put(0L, decimal(s.values().get(0)));
        for (int i = 0; i < s.boundaries().size(); i++) {
            valueFrom.put(s.boundaries().get(i) + 1, decimal(s.values().get(i + 1)));
        }
        return mapSchedule(s.unit(), valueFrom, "each value holds from the step after its boundary");
    }

    /**
     * Parts in a static array, dispatched on the iteration. When epochs are involved anywhere, each part gets its
     * own iteration and epoch counted from its start, which needs the batches per epoch.
     */
    private String sequential(SequentialSchedule s) {
        List<String> parts = s.schedules().stream().map(this::schedule).toList();
        boolean epochs = s.usesEpochs();
        needsStepsPerEpoch |= epochs;
        List<String> starts = s.milestones().stream()
                .map(m -> s.unit() == Unit.EPOCH ? m + " * " + StepsPerEpoch.NAME : Literal.javaInt(m)).toList();
        String fields = "private static final ISchedule[] PARTS = {\n"
                + parts.stream().map(p -> "        " + Template.indentFollowing(p, "        ") + ",\n").reduce("", String::concat)
                + "};\n"
                + "// The iteration at which each later part starts" + (s.unit() == Unit.EPOCH ? " (milestones in epochs)" : "") + ".\n"
                + "private static final int[] STARTS = {" + String.join(", ", starts) + "};";
        String call = epochs
                ? "int local = iteration - start; // the part counts its own iterations and epochs from its start\n"
                  + "return PARTS[part].valueAt(local, local / " + StepsPerEpoch.NAME + ");"
                : "return PARTS[part].valueAt(iteration - start, epoch);";
        String body = """
                int part = 0;
                while (part < STARTS.length && iteration >= STARTS[part]) {
                    part++;
                }
                int start = part == 0 ? 0 : STARTS[part - 1];
                """ + call;
        return formulaClass("SequentialLr", "Runs its parts one after another, each counting from its own start (PyTorch SequentialLR).",
                body, fields, "");
    }

    /** The schedule in a field of its own, started W units late, after a linear ramp towards its first value. */
    private String warmedUp(WarmedUpSchedule w) {
        String after = schedule(w.schedule());
        boolean epochUnit = w.unit() == Unit.EPOCH;
        needsStepsPerEpoch |= epochUnit || w.usesEpochs();
        String t = epochUnit ? "epoch" : "iteration";
        String steps = Literal.javaInt(w.warmup().steps());
        String call = epochUnit
                ? "return AFTER.valueAt(iteration - " + steps + " * " + StepsPerEpoch.NAME + ", epoch - " + steps + ");"
                : w.usesEpochs()
                ? "int local = iteration - " + steps + "; // the schedule counts its own iterations and epochs from its start\n"
                  + "return AFTER.valueAt(local, local / " + StepsPerEpoch.NAME + ");"
                : "return AFTER.valueAt(iteration - " + steps + ", epoch);";
        String body = Template.fill("""
                if ({t} < {steps}) { // linear warmup towards the schedule's first value
                    return AFTER.valueAt(0, 0) * ({s} + (1 - {s}) * {t} / {stepsD});
                }
                """, "t", t, "steps", steps, "s", decimal(w.warmup().startFactor()), "stepsD", decimal(w.warmup().steps())) + call;
        String fields = "// The schedule after the warmup, started " + w.warmup().steps() + " " + (epochUnit ? "epochs" : "iterations")
                + " late.\nprivate static final ISchedule AFTER = " + Template.indentFollowing(after, "        ") + ";";
        return formulaClass("Warmup", "A linear warmup over " + w.warmup().steps() + " " + (epochUnit ? "epochs" : "iterations")
                + ", then the schedule (the get_*_schedule_with_warmup convention).", body, fields, "");
    }

    private String formulaClass(String baseName, String doc, String body, String fields, String methods) {
        String name = names.claim(baseName);
        classes.add(Template.fill(FORMULA_CLASS, "doc", doc, "name", name,
                "fields", fields.isEmpty() ? "" : Template.indent(fields, "    ") + "\n\n",
                "body", Template.indent(body, "        "),
                "methods", methods.isEmpty() ? "" : "\n" + Template.indent(methods, "    ") + "\n"));
        return "new " + name + "()";
    }
}
