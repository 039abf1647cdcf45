package lrwb.engine.export;

import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.CosineRestartsSchedule;
import lrwb.engine.schedule.CosineSchedule;
import lrwb.engine.schedule.CyclesMomentum;
import lrwb.engine.schedule.CyclicSchedule;
import lrwb.engine.schedule.ExponentialSchedule;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.LinearSchedule;
import lrwb.engine.schedule.MultiStepSchedule;
import lrwb.engine.schedule.OneCycleSchedule;
import lrwb.engine.schedule.PolynomialSchedule;
import lrwb.engine.schedule.SequentialSchedule;
import lrwb.engine.schedule.StepSchedule;
import lrwb.engine.schedule.Unit;
import lrwb.engine.schedule.WarmedUpSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static lrwb.engine.export.Literal.decimal;
import static lrwb.engine.export.Literal.integer;
import static lrwb.engine.export.Literal.pythonBool;

/**
 * The {@code torch.optim.lr_scheduler} built-ins that give our curve when stepped once per batch, checked against
 * torch 1.13's code and run with it in the tests: StepLR, MultiStepLR, ExponentialLR, LinearLR, PolynomialLR,
 * CosineAnnealingLR (held at its end by MultiplicativeLR ×1), CosineAnnealingWarmRestarts, CyclicLR and OneCycleLR,
 * chained by SequentialLR for a warmup (LinearLR, or LambdaLR from 0, which LinearLR cannot start at) or a sequential
 * (a constant part: ConstantLR, or LambdaLR at another lr). Most update the LR recursively (lr·gamma, lr·ratio), which
 * agrees with the closed form to rounding (a few ulps per step). Where none computes the same formula, {@link #of} is
 * empty and the snippet carries the formula instead.
 */
final class TorchSchedulers {
    static final String MODULE = "torch.optim.lr_scheduler.";

    /**
     * A scheduler of a chain.
     *
     * @param name  the Python variable it is assigned to when chained
     * @param call  its construction, on {@code optimizer}
     * @param steps the updates it runs before the next scheduler takes over; null: to the end
     * @param note  why it is there, as a comment (or null)
     */
    record Part(String name, PythonCall call, Long steps, String note) {
        Part withSteps(Long newSteps) {
            return new Part(name, call, newSteps, note);
        }
    }

    /**
     * Schedulers that run one after another over an optimizer whose lr is {@code lr}.
     *
     * @param lr    the optimizer's lr: every scheduler scales or replaces it
     * @param parts at least one; all but the last have finite steps
     * @param notes comments for the user (limits of the built-ins used)
     */
    record Chain(double lr, List<Part> parts, List<String> notes) {
    }

    private TorchSchedulers() {
    }

    /** The built-in schedulers giving exactly {@code spec}'s curve, if there are any. */
    static Optional<Chain> of(FormulaSchedule spec) {
        return of(spec, true);
    }

    /**
     * @param momentumReachesOptimizer false when the optimizer takes neither momentum nor beta1, so that a cycle the
     *                                 spec asks for does nothing, as in LR Workbench (torch would add momentum to SGD)
     */
    static Optional<Chain> of(FormulaSchedule spec, boolean momentumReachesOptimizer) {
        List<String> notes = new ArrayList<>();
        if (spec.usesEpochs()) { // per batch, a per-epoch curve is a step curve: only the step-shaped types carry over
            return perEpoch(spec).map(p -> new Chain(baseLr(spec), List.of(p), notes));
        }
        FormulaSchedule inner = spec instanceof WarmedUpSchedule w ? w.schedule() : spec;
        if (inner instanceof CyclicSchedule || inner instanceof OneCycleSchedule) {
            return cycle(spec, inner, notes, momentumReachesOptimizer);
        }
        Optional<List<Part>> parts = parts(spec);
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        if (parts.get().size() > 1) {
            notes.add("SequentialLR starts each scheduler at its milestone with step(0), which warns that passing an epoch"
                    + " is deprecated: harmless.");
        }
        return Optional.of(new Chain(baseLr(spec), parts.get(), notes));
    }

    /**
     * CyclicLR or OneCycleLR, which set the LR (and momentum) themselves from their step count, alone or after a
     * warmup: SequentialLR starts them at step 0, and the momentum they set when built holds during the warmup.
     */
    private static Optional<Chain> cycle(FormulaSchedule spec, FormulaSchedule inner, List<String> notes, boolean momentum) {
        if (!momentum && ((CyclesMomentum) inner).cycleMomentum()) {
            notes.add("This optimizer has neither momentum nor beta1: the schedule's momentum cycle does nothing, so"
                    + " cycle_momentum=False.");
        }
        Part part;
        if (inner instanceof CyclicSchedule s) {
            notes.add("CyclicLR computes each LR from the step count (no recursion): exact.");
            part = cyclic(s, momentum);
        } else {
            OneCycleSchedule s = (OneCycleSchedule) inner;
            notes.add("OneCycleLR raises if stepped more than total_steps times: train exactly " + s.totalSteps() + " batches"
                    + (spec instanceof WarmedUpSchedule ? " after the warmup." : "."));
            part = oneCycle(s, momentum);
        }
        List<Part> parts = new ArrayList<>();
        if (spec instanceof WarmedUpSchedule w) {
            Optional<Part> warmup = warmup(w.warmup().startFactor(), w.warmup().steps());
            if (warmup.isEmpty()) {
                return Optional.empty();
            }
            parts.add(warmup.get());
            notes.add("The warmup scheduler comes first: the cycle's scheduler, built second, sets the momentum it starts"
                    + " with, which holds during the warmup.");
        }
        parts.add(part);
        return Optional.of(new Chain(baseLr(inner), parts, notes));
    }

    /** The optimizer lr a chain for {@code spec} scales: the schedule's own lr (a cosine's warmup target). */
    private static double baseLr(FormulaSchedule spec) {
        if (spec instanceof OneCycleSchedule s) {
            return s.initialValue(); // what OneCycleLR sets as initial_lr
        }
        if (spec instanceof WarmedUpSchedule w) {
            return baseLr(w.schedule());
        }
        if (spec instanceof SequentialSchedule s) {
            return baseLr(s.schedules().get(0));
        }
        if (spec instanceof CosineSchedule s) {
            return s.warmupTarget() != null ? s.warmupTarget() : s.lr();
        }
        if (spec instanceof LinearSchedule s) {
            return s.lr(); // LinearLR scales it, from start_factor on
        }
        if (spec instanceof MultiStepSchedule s) {
            return s.lr(); // a milestone 0 decays it at once
        }
        if (spec instanceof CosineRestartsSchedule s) {
            return s.lr();
        }
        return spec.initialLr(); // step, exponential, polynomial, constant: lr itself
    }

    private static Optional<Part> perEpoch(FormulaSchedule spec) {
        String epochs = " * " + StepsPerEpoch.NAME;
        if (spec instanceof StepSchedule s && s.unit() == Unit.EPOCH) {
            return Optional.of(part("decay", "StepLR").arg("step_size", integer(s.stepSize()) + epochs)
                    .arg("gamma", decimal(s.gamma())).done());
        }
        if (spec instanceof MultiStepSchedule s && s.unit() == Unit.EPOCH) {
            List<String> milestones = s.milestones().stream().sorted().map(m -> m + epochs).toList();
            return Optional.of(part("decay", "MultiStepLR").arg("milestones", PythonCall.list(milestones))
                    .arg("gamma", decimal(s.gamma())).done());
        }
        if (spec instanceof ExponentialSchedule s && s.unit() == Unit.EPOCH && (s.staircase() || s.decaySteps() == 1)) {
            String size = s.decaySteps() == 1 ? StepsPerEpoch.NAME : integer(s.decaySteps()) + epochs;
            return Optional.of(part("decay", "StepLR").arg("step_size", size).arg("gamma", decimal(s.decayRate())).done());
        }
        return Optional.empty();
    }

    /** The chain of an iteration-counting schedule, every part scaling the same optimizer lr; empty if one has no built-in. */
    private static Optional<List<Part>> parts(FormulaSchedule spec) {
        if (spec instanceof WarmedUpSchedule w) {
            // The warmup ramps to the schedule's first LR, our SequentialLR warmup to the optimizer lr: they must agree
            // (not for a linear or Keras warmup that starts off it), to rounding (oneCycle's first LR is computed).
            double first = w.schedule().initialLr();
            double base = baseLr(w.schedule());
            if (Math.abs(first - base) > 1e-12 * base) {
                return Optional.empty();
            }
            Optional<List<Part>> after = parts(w.schedule());
            Optional<Part> warmup = warmup(w.warmup().startFactor(), w.warmup().steps());
            if (after.isEmpty() || warmup.isEmpty()) {
                return Optional.empty();
            }
            List<Part> all = new ArrayList<>(List.of(warmup.get()));
            all.addAll(after.get());
            return Optional.of(all);
        }
        if (spec instanceof SequentialSchedule s) {
            return sequential(s);
        }
        if (spec instanceof ConstantSchedule) {
            return one(part("constant", "ConstantLR").arg("factor", "1.0").arg("total_iters", "0").done());
        }
        if (spec instanceof StepSchedule s) {
            return one(part("decay", "StepLR").arg("step_size", integer(s.stepSize())).arg("gamma", decimal(s.gamma())).done());
        }
        if (spec instanceof MultiStepSchedule s) {
            List<String> milestones = s.milestones().stream().sorted().map(Literal::integer).toList();
            return one(part("decay", "MultiStepLR").arg("milestones", PythonCall.list(milestones))
                    .arg("gamma", decimal(s.gamma())).done());
        }
        if (spec instanceof ExponentialSchedule s) {
            if (s.staircase()) { // decayRate^floor(t/decaySteps) is a step decay
                return one(part("decay", "StepLR").arg("step_size", integer(s.decaySteps())).arg("gamma", decimal(s.decayRate())).done());
            }
            // decayRate^(t/decaySteps) as ExponentialLR(gamma=decayRate^(1/decaySteps)) would drift by t roundings of gamma
            return s.decaySteps() == 1 ? one(part("decay", "ExponentialLR").arg("gamma", decimal(s.decayRate())).done())
                    : Optional.empty();
        }
        if (spec instanceof PolynomialSchedule s) {
            // PolynomialLR decays to 0 and holds; it has no end LR and no cycle
            return s.endLr() == 0 && !s.cycle() ? one(part("decay", "PolynomialLR").arg("total_iters", integer(s.decaySteps()))
                    .arg("power", decimal(s.power())).done()) : Optional.empty();
        }
        if (spec instanceof LinearSchedule s) {
            return one(part("linear", "LinearLR").arg("start_factor", decimal(s.startFactor()))
                    .arg("end_factor", decimal(s.endFactor())).arg("total_iters", integer(s.totalSteps())).done());
        }
        if (spec instanceof CosineSchedule s) {
            return cosine(s);
        }
        if (spec instanceof CosineRestartsSchedule s) {
            // SGDR without shrinking peaks, with whole-number period growth: torch counts the periods in integers
            if (s.mMul() != 1 || s.tMul() != Math.rint(s.tMul()) || s.tMul() > Integer.MAX_VALUE) {
                return Optional.empty();
            }
            return one(part("restarts", "CosineAnnealingWarmRestarts").arg("T_0", integer(s.firstDecaySteps()))
                    .arg("T_mult", integer((long) s.tMul())).arg("eta_min", decimal(s.lr() * s.alpha())).done());
        }
        return Optional.empty(); // piecewise, naturalExp, inverseTime, wsd, inverseSqrt; cyclic and oneCycle only alone
    }

    private static Optional<List<Part>> one(Part p) {
        return Optional.of(List.of(p));
    }

    /** A linear ramp from {@code startFactor} of the optimizer lr to all of it over {@code steps}. */
    private static Optional<Part> warmup(double startFactor, long steps) {
        if (startFactor == 0) { // LinearLR needs a start factor > 0 (torch 2 checks it; 1.13 divides by it)
            return Optional.of(part("warmup", "LambdaLR").arg("lr_lambda", "lambda step: step / " + integer(steps)).done(steps));
        }
        if (startFactor > 1) {
            return Optional.empty();
        }
        return Optional.of(part("warmup", "LinearLR").arg("start_factor", decimal(startFactor)).arg("end_factor", "1.0")
                .arg("total_iters", integer(steps)).done(steps));
    }

    /**
     * CosineAnnealingLR from the optimizer lr to {@code alpha} of it over {@code decaySteps}, then held there: on its own
     * it would rise again after T_max. Keras' warmup (from lr to the target) goes first.
     */
    private static Optional<List<Part>> cosine(CosineSchedule s) {
        double peak = s.warmupTarget() == null ? s.lr() : s.warmupTarget();
        List<Part> parts = new ArrayList<>();
        if (s.warmupTarget() != null && s.warmupSteps() > 0) {
            Optional<Part> warmup = warmup(s.lr() / peak, s.warmupSteps());
            if (warmup.isEmpty()) {
                return Optional.empty();
            }
            parts.add(warmup.get());
        }
        parts.add(part("cosine", "CosineAnnealingLR").arg("T_max", integer(s.decaySteps()))
                .arg("eta_min", decimal(peak * s.alpha())).done(s.decaySteps() + 1));
        parts.add(new Part("hold", new PythonCall(MODULE + "MultiplicativeLR").arg(null, "optimizer")
                .arg("lr_lambda", "lambda step: 1.0"), null, "keeps the end value: CosineAnnealingLR would rise again after T_max"));
        return Optional.of(parts);
    }

    /** The parts' chains one after another, each cut at its milestone; all must scale the same optimizer lr. */
    private static Optional<List<Part>> sequential(SequentialSchedule s) {
        double lr = baseLr(s);
        List<Part> all = new ArrayList<>();
        for (int i = 0; i < s.schedules().size(); i++) {
            FormulaSchedule schedule = s.schedules().get(i);
            Optional<List<Part>> parts;
            if (schedule instanceof ConstantSchedule c && c.lr() != lr) {
                parts = one(part("constant", "LambdaLR").arg("lr_lambda", "lambda step: " + decimal(c.lr() / lr)).done());
            } else if (baseLr(schedule) != lr) {
                return Optional.empty();
            } else {
                parts = parts(schedule);
            }
            if (parts.isEmpty()) {
                return Optional.empty();
            }
            Long span = i < s.milestones().size() ? s.milestones().get(i) - (i == 0 ? 0 : s.milestones().get(i - 1)) : null;
            all.addAll(cut(parts.get(), span));
        }
        return Optional.of(all);
    }

    /** The parts that run within {@code span} updates (all if null), the last one cut to end there. */
    private static List<Part> cut(List<Part> parts, Long span) {
        if (span == null) {
            return parts;
        }
        List<Part> kept = new ArrayList<>();
        long used = 0;
        for (Part p : parts) {
            if (p.steps() == null || used + p.steps() >= span) {
                kept.add(p.withSteps(span - used));
                return kept;
            }
            kept.add(p);
            used += p.steps();
        }
        throw new AssertionError("the last part of a chain runs to the end");
    }

    private static Part cyclic(CyclicSchedule s, boolean momentum) {
        String mode = switch (s.mode()) {
            case TRIANGULAR -> "triangular";
            case TRIANGULAR2 -> "triangular2";
            case EXP_RANGE -> "exp_range";
        };
        PartBuilder b = part("cyclic", "CyclicLR").arg("base_lr", decimal(s.baseLr())).arg("max_lr", decimal(s.maxLr()))
                .arg("step_size_up", integer(s.stepSizeUp())).arg("step_size_down", integer(s.stepSizeDown()))
                .arg("mode", Literal.pythonString(mode));
        if (s.mode() == CyclicSchedule.Mode.EXP_RANGE) {
            b.arg("gamma", decimal(s.gamma()));
        }
        return momentum(b, s, momentum).done();
    }

    private static Part oneCycle(OneCycleSchedule s, boolean momentum) {
        return momentum(part("one_cycle", "OneCycleLR").arg("max_lr", decimal(s.maxLr())).arg("total_steps", integer(s.totalSteps()))
                .arg("pct_start", decimal(s.pctStart())).arg("anneal_strategy", Literal.pythonString(s.anneal().json()))
                .arg("div_factor", decimal(s.divFactor())).arg("final_div_factor", decimal(s.finalDivFactor()))
                .arg("three_phase", pythonBool(s.threePhase())), s, momentum).done();
    }

    /** cycle_momentum and, when cycled, its two ends (always written: the two schedulers' defaults differ). */
    private static PartBuilder momentum(PartBuilder b, CyclesMomentum s, boolean reachesOptimizer) {
        boolean cycled = s.cycleMomentum() && reachesOptimizer;
        b.arg("cycle_momentum", pythonBool(cycled));
        return cycled ? b.arg("base_momentum", decimal(s.baseMomentum())).arg("max_momentum", decimal(s.maxMomentum())) : b;
    }

    private static PartBuilder part(String name, String scheduler) {
        return new PartBuilder(name, new PythonCall(MODULE + scheduler).arg(null, "optimizer"));
    }

    /** Keyword arguments, then the part. */
    private record PartBuilder(String name, PythonCall call) {
        PartBuilder arg(String key, String value) {
            call.arg(key, value);
            return this;
        }

        Part done() {
            return new Part(name, call, null, null);
        }

        Part done(long steps) {
            return new Part(name, call, steps, null);
        }
    }
}
