package lrwb.engine.export;

import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.CosineRestartsSchedule;
import lrwb.engine.schedule.CosineSchedule;
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
import lrwb.engine.schedule.SequentialSchedule;
import lrwb.engine.schedule.StepSchedule;
import lrwb.engine.schedule.Unit;
import lrwb.engine.schedule.WarmedUpSchedule;
import lrwb.engine.schedule.WsdSchedule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static lrwb.engine.export.Literal.decimal;
import static lrwb.engine.export.Literal.integer;
import static lrwb.engine.export.Literal.pythonBool;

/**
 * Keras 3: a {@code keras.optimizers.schedules} built-in where its documented formula is exactly ours, otherwise
 * one of the {@link KerasClasses}. Keras calls a schedule with the number of updates so far, so epoch-counting
 * schedules are wrapped in {@code PerEpoch} and sequential milestones in epochs become updates.
 */
final class KerasSnippet {
    private static final String SCHEDULES = "keras.optimizers.schedules.";

    private final StepsPerEpoch stepsPerEpoch;
    private final Set<String> classes = new LinkedHashSet<>();
    private final Set<String> notes = new LinkedHashSet<>();

    private KerasSnippet(StepsPerEpoch stepsPerEpoch) {
        this.stepsPerEpoch = stepsPerEpoch;
    }

    static String generate(FormulaSchedule spec, StepsPerEpoch stepsPerEpoch) {
        Double constant = constantValue(spec);
        if (constant != null) { // a plain number is what Keras users pass for a constant LR
            return "import keras\n\noptimizer = keras.optimizers.SGD(learning_rate=" + decimal(constant) + ")  # or Adam, AdamW, ...\n";
        }
        KerasSnippet snippet = new KerasSnippet(stepsPerEpoch);
        return snippet.module(snippet.schedule(spec), spec.usesEpochs());
    }

    private String module(String schedule, boolean usesEpochs) {
        List<String> sources = classes.stream().map(KerasClasses::source).toList();
        StringBuilder out = new StringBuilder();
        if (sources.stream().anyMatch(s -> s.contains("math."))) {
            out.append("import math\n\n");
        }
        out.append("import keras\n");
        if (!sources.isEmpty()) {
            out.append("from keras import ops\n");
        }
        out.append('\n');
        if (usesEpochs) {
            out.append(stepsPerEpoch.pythonConstant("steps_per_epoch of model.fit")).append("\n\n");
        }
        if (!sources.isEmpty()) {
            out.append('\n').append(String.join("\n\n\n", sources)).append("\n\n\n");
        }
        notes.forEach(n -> out.append("# ").append(n).append('\n'));
        out.append("lr_schedule = ").append(schedule).append('\n');
        out.append("optimizer = keras.optimizers.SGD(learning_rate=lr_schedule)  # or Adam, AdamW, ...\n");
        out.append("# Keras calls the schedule with the number of updates so far: each batch gets its own LR.\n");
        out.append("# Keras computes in float32, so values agree with LR Workbench to about 7 significant digits.\n");
        return out.toString();
    }

    /** The LR if {@code spec} is the same at every step (so Keras needs no schedule object), else null. */
    private static Double constantValue(FormulaSchedule spec) {
        if (spec instanceof ConstantSchedule s) {
            return s.lr();
        }
        if (spec instanceof MultiStepSchedule s && s.milestones().stream().allMatch(m -> m == 0)) {
            return s.lr() * Math.pow(s.gamma(), s.milestones().size());
        }
        return null;
    }

    /** A Python expression creating the LearningRateSchedule for {@code spec}. */
    private String schedule(FormulaSchedule spec) {
        Double constant = constantValue(spec);
        if (constant != null) {
            return helper(KerasClasses.CONSTANT).arg("learning_rate", decimal(constant)).render();
        }
        if (spec instanceof SequentialSchedule s) {
            return sequential(s);
        }
        if (spec instanceof WarmedUpSchedule w) {
            PythonCall call = helper(KerasClasses.WARMUP).arg("schedule", schedule(w.schedule()))
                    .arg("warmup_steps", integer(w.warmup().steps())).arg("start_factor", decimal(w.warmup().startFactor()));
            if (w.unit() == Unit.EPOCH) {
                call.arg("steps_per_unit", StepsPerEpoch.NAME);
            }
            return call.render();
        }
        String perStep = perStep(spec);
        if (spec.unit() != Unit.EPOCH) {
            return perStep;
        }
        return helper(KerasClasses.PER_EPOCH).arg("schedule", perStep).arg("steps_per_epoch", StepsPerEpoch.NAME).render();
    }

    /** The schedule as a function of its own t (updates, or epochs once wrapped). */
    private String perStep(FormulaSchedule spec) {
        if (spec instanceof StepSchedule s) {
            notes.add("step decay lr * gamma ** floor(t / stepSize) is ExponentialDecay with staircase=True");
            return builtIn("ExponentialDecay").arg("initial_learning_rate", decimal(s.lr()))
                    .arg("decay_steps", integer(s.stepSize())).arg("decay_rate", decimal(s.gamma()))
                    .arg("staircase", "True").render();
        } else if (spec instanceof MultiStepSchedule s) {
            return multiStep(s);
        } else if (spec instanceof PiecewiseSchedule s) {
            return builtIn("PiecewiseConstantDecay").arg("boundaries", ints(s.boundaries()))
                    .arg("values", PythonCall.list(s.values().stream().map(Literal::decimal).toList())).render();
        } else if (spec instanceof ExponentialSchedule s) {
            return builtIn("ExponentialDecay").arg("initial_learning_rate", decimal(s.lr()))
                    .arg("decay_steps", integer(s.decaySteps())).arg("decay_rate", decimal(s.decayRate()))
                    .arg("staircase", pythonBool(s.staircase())).render();
        } else if (spec instanceof NaturalExpSchedule s) {
            return helper(KerasClasses.NATURAL_EXP).arg("initial_learning_rate", decimal(s.lr()))
                    .arg("decay_rate", decimal(s.k())).render();
        } else if (spec instanceof InverseTimeSchedule s) {
            return builtIn("InverseTimeDecay").arg("initial_learning_rate", decimal(s.lr()))
                    .arg("decay_steps", integer(s.decaySteps())).arg("decay_rate", decimal(s.decayRate()))
                    .arg("staircase", pythonBool(s.staircase())).render();
        } else if (spec instanceof PolynomialSchedule s) {
            return builtIn("PolynomialDecay").arg("initial_learning_rate", decimal(s.lr()))
                    .arg("decay_steps", integer(s.decaySteps())).arg("end_learning_rate", decimal(s.endLr()))
                    .arg("power", decimal(s.power())).arg("cycle", pythonBool(s.cycle())).render();
        } else if (spec instanceof CosineSchedule s) {
            PythonCall call = builtIn("CosineDecay").arg("initial_learning_rate", decimal(s.lr()))
                    .arg("decay_steps", integer(s.decaySteps())).arg("alpha", decimal(s.alpha()));
            if (s.warmupTarget() != null) {
                call.arg("warmup_target", decimal(s.warmupTarget())).arg("warmup_steps", integer(s.warmupSteps()));
            }
            return call.render();
        } else if (spec instanceof CosineRestartsSchedule s) {
            return cosineRestarts(s);
        } else if (spec instanceof LinearSchedule s) {
            return helper(KerasClasses.LINEAR).arg("learning_rate", decimal(s.lr()))
                    .arg("start_factor", decimal(s.startFactor())).arg("end_factor", decimal(s.endFactor()))
                    .arg("total_steps", integer(s.totalSteps())).render();
        } else if (spec instanceof CyclicSchedule s) {
            String mode = switch (s.mode()) {
                case TRIANGULAR -> "triangular";
                case TRIANGULAR2 -> "triangular2";
                case EXP_RANGE -> "exp_range";
            };
            return helper(KerasClasses.CYCLIC).arg("base_lr", decimal(s.baseLr())).arg("max_lr", decimal(s.maxLr()))
                    .arg("step_size_up", integer(s.stepSizeUp())).arg("step_size_down", integer(s.stepSizeDown()))
                    .arg("mode", Literal.pythonString(mode)).arg("gamma", decimal(s.gamma())).render();
        } else if (spec instanceof OneCycleSchedule s) {
            return helper(KerasClasses.ONE_CYCLE).arg("max_lr", decimal(s.maxLr()))
                    .arg("total_steps", integer(s.totalSteps())).arg("pct_start", decimal(s.pctStart()))
                    .arg("anneal_strategy", Literal.pythonString(s.anneal().json()))
                    .arg("div_factor", decimal(s.divFactor())).arg("final_div_factor", decimal(s.finalDivFactor()))
                    .arg("three_phase", pythonBool(s.threePhase())).render();
        } else if (spec instanceof WsdSchedule s) {
            return helper(KerasClasses.WSD).arg("learning_rate", decimal(s.lr())).arg("warmup_steps", integer(s.warmupSteps()))
                    .arg("stable_steps", integer(s.stableSteps())).arg("decay_steps", integer(s.decaySteps()))
                    .arg("min_lr_ratio", decimal(s.minLrRatio()))
                    .arg("warmup_type", Literal.pythonString(s.warmupType().json()))
                    .arg("decay_type", Literal.pythonString(s.decayType().json())).render();
        } else if (spec instanceof InverseSqrtSchedule s) {
            return helper(KerasClasses.INVERSE_SQRT).arg("learning_rate", decimal(s.lr()))
                    .arg("warmup_steps", integer(s.warmupSteps())).arg("timescale", integer(s.timescale())).render();
        }
        throw new IllegalArgumentException("no Keras export for " + spec.type());
    }

    private String multiStep(MultiStepSchedule s) {
        // Keras switches to values[i + 1] after boundaries[i]; a milestone m switches at m, so its boundary is m - 1.
        notes.add("multiStep: PiecewiseConstantDecay switches after a boundary, so milestone m is boundary m - 1");
        Set<Long> switches = new TreeSet<>(s.milestones());
        switches.remove(0L);
        List<String> boundaries = new ArrayList<>();
        List<String> values = new ArrayList<>();
        values.add(decayed(s, 0));
        for (long m : switches) {
            boundaries.add(integer(m - 1));
            values.add(decayed(s, m));
        }
        return builtIn("PiecewiseConstantDecay").arg("boundaries", PythonCall.list(boundaries))
                .arg("values", PythonCall.list(values)).render();
    }

    /** {@code lr * gamma ** k} with k the milestones passed at t, as the evaluator computes it. */
    private static String decayed(MultiStepSchedule s, long t) {
        long k = s.milestones().stream().filter(m -> m <= t).count();
        String lr = decimal(s.lr());
        String gamma = decimal(s.gamma());
        return k == 0 ? lr : k == 1 ? lr + " * " + gamma : lr + " * " + gamma + " ** " + k;
    }

    private String cosineRestarts(CosineRestartsSchedule s) {
        PythonCall call;
        if (s.tMul() == 1) { // restart index floor(f): Keras' built-in is exact
            call = builtIn("CosineDecayRestarts");
        } else {
            notes.add("CosineRestarts instead of keras' CosineDecayRestarts: its restart index can be one period off"
                    + " exactly at a restart");
            call = helper(KerasClasses.COSINE_RESTARTS);
        }
        return call.arg("initial_learning_rate", decimal(s.lr())).arg("first_decay_steps", integer(s.firstDecaySteps()))
                .arg("t_mul", decimal(s.tMul())).arg("m_mul", decimal(s.mMul())).arg("alpha", decimal(s.alpha())).render();
    }

    private String sequential(SequentialSchedule s) {
        List<String> parts = s.schedules().stream().map(this::schedule).toList();
        List<String> milestones = s.milestones().stream()
                .map(m -> s.unit() == Unit.EPOCH ? m + " * " + StepsPerEpoch.NAME : integer(m)).toList();
        return helper(KerasClasses.SEQUENTIAL).arg("schedules", PythonCall.list(parts))
                .arg("milestones", PythonCall.list(milestones)).render();
    }

    private static String ints(List<Long> values) {
        return PythonCall.list(values.stream().map(Literal::integer).toList());
    }

    private static PythonCall builtIn(String name) {
        return new PythonCall(SCHEDULES + name);
    }

    private PythonCall helper(String name) {
        classes.add(name);
        return new PythonCall(name);
    }
}
