package lrwb.engine.export;

import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.CosineSchedule;
import lrwb.engine.schedule.ExponentialSchedule;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.LinearSchedule;
import lrwb.engine.schedule.MomentumCurve;
import lrwb.engine.schedule.MultiStepSchedule;
import lrwb.engine.schedule.PiecewiseSchedule;
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.PolynomialSchedule;
import lrwb.engine.schedule.SequentialSchedule;
import lrwb.engine.schedule.StepSchedule;
import lrwb.engine.schedule.WarmedUpSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import static lrwb.engine.export.Literal.decimal;
import static lrwb.engine.export.Literal.integer;
import static lrwb.engine.export.Literal.pythonBool;

/**
 * optax: a schedule built from optax's own (optax/schedules: exponential_decay, piecewise_constant_schedule,
 * polynomial_schedule, linear_schedule, cosine_decay_schedule, joined by join_schedules for a warmup or a sequential)
 * where they compute our formula; otherwise {@code lr_at(step)} in plain Python, fed to the optimizer from the
 * training loop through {@code inject_hyperparams}, because optax calls a schedule inside jit where Python control
 * flow cannot run. Plateau: the rule as a small class, fed the same way.
 */
final class OptaxSnippet {
    private static final String FLOAT32 = "# JAX computes in float32 unless jax_enable_x64 is set, so values agree with LR Workbench to"
            + " about 7 digits.\n";

    private OptaxSnippet() {
    }

    static String generate(FormulaSchedule spec, StepsPerEpoch stepsPerEpoch) {
        Optional<String> schedule = spec.usesEpochs() || MomentumCurve.of(spec).isPresent() ? Optional.empty() : schedule(spec);
        if (schedule.isPresent()) {
            return "import optax\n\n"
                    + "schedule = " + schedule.get() + "\n"
                    + "optimizer = optax.sgd(learning_rate=schedule)  # or optax.adam, optax.adamw, ...\n"
                    + "# optax calls the schedule with the number of updates so far: each batch gets its own LR.\n"
                    + FLOAT32;
        }
        return formula(spec, stepsPerEpoch);
    }

    /** An optax expression for {@code spec}'s curve, if its schedules compute it. */
    private static Optional<String> schedule(FormulaSchedule spec) {
        if (spec instanceof WarmedUpSchedule w) {
            double f0 = w.schedule().initialLr();
            return schedule(w.schedule()).map(after -> join(List.of(linear(f0 * w.warmup().startFactor(), f0, w.warmup().steps()),
                    after), List.of(w.warmup().steps())));
        }
        if (spec instanceof SequentialSchedule s) {
            List<String> parts = new ArrayList<>();
            for (FormulaSchedule part : s.schedules()) {
                Optional<String> p = schedule(part);
                if (p.isEmpty()) {
                    return Optional.empty();
                }
                parts.add(p.get());
            }
            return Optional.of(join(parts, s.milestones())); // join_schedules hands each part step − boundary, as ours
        }
        if (spec instanceof ConstantSchedule s) {
            return Optional.of("optax.constant_schedule(" + decimal(s.lr()) + ")");
        }
        if (spec instanceof StepSchedule s) {
            return Optional.of(exponential(s.lr(), s.stepSize(), s.gamma(), true));
        }
        if (spec instanceof ExponentialSchedule s) {
            return Optional.of(exponential(s.lr(), s.decaySteps(), s.decayRate(), s.staircase()));
        }
        if (spec instanceof MultiStepSchedule s) {
            TreeMap<Long, Integer> counts = new TreeMap<>(); // optax takes each boundary once: a repeated milestone scales twice
            s.milestones().forEach(m -> counts.merge(m, 1, Integer::sum));
            List<String> scales = new ArrayList<>();
            String gamma = decimal(s.gamma());
            counts.forEach((m, n) -> scales.add(integer(m) + ": " + (n == 1 ? gamma : gamma + " ** " + n)));
            return Optional.of(piecewise(s.lr(), scales));
        }
        if (spec instanceof PiecewiseSchedule s) {
            if (s.values().stream().anyMatch(v -> v <= 0)) {
                return Optional.empty(); // optax gets each value as a scale of the one before
            }
            // values[i+1] from step boundaries[i] + 1 on, where optax's scale applies from its boundary on
            List<String> scales = new ArrayList<>();
            for (int i = 0; i < s.boundaries().size(); i++) {
                scales.add(integer(s.boundaries().get(i) + 1) + ": " + decimal(s.values().get(i + 1)) + " / "
                        + decimal(s.values().get(i)));
            }
            return Optional.of(piecewise(s.values().get(0), scales));
        }
        if (spec instanceof PolynomialSchedule s && !s.cycle()) {
            return Optional.of(new PythonCall("optax.polynomial_schedule").arg("init_value", decimal(s.lr()))
                    .arg("end_value", decimal(s.endLr())).arg("power", decimal(s.power()))
                    .arg("transition_steps", integer(s.decaySteps())).render());
        }
        if (spec instanceof LinearSchedule s) {
            return Optional.of(linear(s.lr() * s.startFactor(), s.lr() * s.endFactor(), s.totalSteps()));
        }
        if (spec instanceof CosineSchedule s) {
            double peak = s.warmupTarget() == null ? s.lr() : s.warmupTarget();
            String cosine = new PythonCall("optax.cosine_decay_schedule").arg("init_value", decimal(peak))
                    .arg("decay_steps", integer(s.decaySteps())).arg("alpha", decimal(s.alpha())).render();
            if (s.warmupTarget() == null || s.warmupSteps() == 0) {
                return Optional.of(cosine);
            }
            return Optional.of(join(List.of(linear(s.lr(), peak, s.warmupSteps()), cosine), List.of(s.warmupSteps())));
        }
        return Optional.empty(); // naturalExp, inverseTime, cosineRestarts, cyclic, oneCycle, wsd, inverseSqrt
    }

    private static String exponential(double lr, long steps, double rate, boolean staircase) {
        PythonCall call = new PythonCall("optax.exponential_decay").arg("init_value", decimal(lr))
                .arg("transition_steps", integer(steps)).arg("decay_rate", decimal(rate));
        return (staircase ? call.arg("staircase", pythonBool(true)) : call).render();
    }

    private static String piecewise(double lr, List<String> boundariesAndScales) {
        return new PythonCall("optax.piecewise_constant_schedule").arg("init_value", decimal(lr))
                .arg("boundaries_and_scales", "{" + String.join(", ", boundariesAndScales) + "}").render();
    }

    private static String linear(double from, double to, long steps) {
        return new PythonCall("optax.linear_schedule").arg("init_value", decimal(from)).arg("end_value", decimal(to))
                .arg("transition_steps", integer(steps)).render();
    }

    private static String join(List<String> schedules, List<Long> boundaries) {
        return new PythonCall("optax.join_schedules").arg("schedules", PythonCall.list(schedules))
                .arg("boundaries", PythonCall.list(boundaries.stream().map(Literal::integer).toList())).render();
    }

    /** The formula in Python, set as the LR (and momentum) before each update through inject_hyperparams. */
    private static String formula(FormulaSchedule spec, StepsPerEpoch stepsPerEpoch) {
        String code = PythonFunctions.of(spec, true);
        boolean momentum = MomentumCurve.of(spec).isPresent();
        StringBuilder out = new StringBuilder();
        if (code.contains("math.")) {
            out.append("import math\n\n");
        }
        out.append("import optax\n\n");
        if (spec.usesEpochs()) {
            out.append(stepsPerEpoch.pythonConstant("len(train_batches)")).append("\n\n");
        }
        out.append('\n').append(code).append("\n\n\n");
        out.append(momentum ? "# No optax schedule cycles the momentum with the LR" : "# No optax schedule gives exactly this curve");
        out.append(", and optax calls a schedule inside jit,\n"
                + "# where this Python cannot run: set the LR from Python through inject_hyperparams instead.\n");
        out.append(momentum
                ? "optimizer = optax.inject_hyperparams(optax.sgd)(learning_rate=lr_at(0), momentum=momentum_at(0))\n"
                : "optimizer = optax.inject_hyperparams(optax.sgd)(learning_rate=lr_at(0))  # or optax.adam, optax.adamw, ...\n");
        out.append("# opt_state = optimizer.init(params); then before each update, with step the 0-based update count:\n");
        out.append("#     opt_state.hyperparams[\"learning_rate\"] = lr_at(step)\n");
        if (momentum) {
            out.append("#     opt_state.hyperparams[\"momentum\"] = momentum_at(step)  # optax.adam: \"b1\"\n");
        }
        return out.toString();
    }

    /** torch's ReduceLROnPlateau rule: optax.contrib.reduce_on_plateau reduces after patience bad epochs, not more, and has no eps. */
    static String plateau(PlateauSchedule s) {
        String metric = switch (s.monitor()) {
            case VAL_LOSS -> "val_loss";
            case TRAIN_LOSS -> "train_loss";
            case VAL_ACCURACY -> "val_accuracy";
        };
        String better = switch (s.mode()) {
            case MIN -> s.thresholdMode() == PlateauSchedule.ThresholdMode.REL ? "metric < self.best * (1 - {threshold})"
                    : "metric < self.best - {threshold}";
            case MAX -> s.thresholdMode() == PlateauSchedule.ThresholdMode.REL ? "metric > self.best * ({threshold} + 1)"
                    : "metric > self.best + {threshold}";
        };
        return Template.fill("""
                import math

                import optax


                class ReduceLROnPlateau:
                    \"""torch.optim.lr_scheduler.ReduceLROnPlateau's rule; step(metric) once per epoch gives the next LR.\"""

                    def __init__(self):
                        self.lr = {lr}
                        self.best = {worst}
                        self.bad_epochs = 0
                        self.cooldown = 0

                    def step(self, metric):
                        if {better}:
                            self.best = metric
                            self.bad_epochs = 0
                        else:
                            self.bad_epochs += 1
                        if self.cooldown > 0:
                            self.cooldown -= 1
                            self.bad_epochs = 0
                        if self.bad_epochs > {patience}:
                            new_lr = max(self.lr * {factor}, {minLr})
                            if self.lr - new_lr > {eps}:
                                self.lr = new_lr
                            self.cooldown = {cooldown}
                            self.bad_epochs = 0
                        return self.lr


                # optax.contrib.reduce_on_plateau reduces after patience bad epochs (here: more than patience) and
                # has no eps: this class keeps torch's rule, and inject_hyperparams takes its LR.
                plateau = ReduceLROnPlateau()
                optimizer = optax.inject_hyperparams(optax.sgd)(learning_rate=plateau.lr)  # or optax.adam, ...
                # Once per epoch, after computing {metric}:
                #     opt_state.hyperparams["learning_rate"] = plateau.step({metric})
                """, "lr", decimal(s.lr()), "worst", s.mode() == PlateauSchedule.Mode.MIN ? "math.inf" : "-math.inf",
                "better", better.replace("{threshold}", decimal(s.threshold())), "patience", integer(s.patience()),
                "factor", decimal(s.factor()), "minLr", decimal(s.minLr()), "eps", decimal(s.eps()),
                "cooldown", integer(s.cooldown()), "metric", metric);
    }
}
