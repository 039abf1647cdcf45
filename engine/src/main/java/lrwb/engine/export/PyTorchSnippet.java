package lrwb.engine.export;

import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.CosineRestartsSchedule;
import lrwb.engine.schedule.CosineSchedule;
import lrwb.engine.schedule.CyclicSchedule;
import lrwb.engine.schedule.ExponentialSchedule;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.InverseSqrtSchedule;
import lrwb.engine.schedule.InverseTimeSchedule;
import lrwb.engine.schedule.MomentumCurve;
import lrwb.engine.schedule.NaturalExpSchedule;
import lrwb.engine.schedule.PiecewiseSchedule;
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.PolynomialSchedule;
import lrwb.engine.schedule.SequentialSchedule;
import lrwb.engine.schedule.Unit;
import lrwb.engine.schedule.WarmedUpSchedule;
import lrwb.engine.schedule.WsdSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static lrwb.engine.export.Literal.decimal;
import static lrwb.engine.export.Literal.integer;

/**
 * PyTorch: the {@code torch.optim.lr_scheduler} built-ins where they give exactly our curve stepped once per batch
 * ({@link TorchSchedulers}); otherwise a pure-Python {@code lr_at(step)} with the formula (math module only) driven by
 * {@code LambdaLR}, with a comment saying why no built-in fits. Plateau maps 1:1 onto {@code ReduceLROnPlateau}.
 */
final class PyTorchSnippet {
    private PyTorchSnippet() {
    }

    /** Why no built-in (or chain of them) gives a type's curve, for the types that can end up as a formula. */
    private static final Map<String, String> NO_BUILT_IN = Map.ofEntries(
            Map.entry(PiecewiseSchedule.TYPE, "MultiStepLR can only multiply by gamma, not set any value"),
            Map.entry(ExponentialSchedule.TYPE, "ExponentialLR decays every step; with gamma = decayRate ** (1 / decaySteps)"
                    + " it would drift from decayRate ** (t / decaySteps)"),
            Map.entry(NaturalExpSchedule.TYPE, "ExponentialLR(gamma=exp(-k)) multiplies a rounded gamma t times, which drifts"
                    + " from exp(-k * t)"),
            Map.entry(InverseTimeSchedule.TYPE, "PyTorch has no built-in inverse-time decay"),
            Map.entry(PolynomialSchedule.TYPE, "PolynomialLR decays to 0 (no end LR) and cannot cycle"),
            Map.entry(CosineSchedule.TYPE, "LinearLR cannot ramp this warmup (it starts above its target)"),
            Map.entry(CosineRestartsSchedule.TYPE, "CosineAnnealingWarmRestarts cannot shrink the peaks (mMul) and grows"
                    + " periods by whole numbers only"),
            Map.entry(WsdSchedule.TYPE, "PyTorch has no built-in warmup-stable-decay; transformers'"
                    + " get_wsd_schedule is a LambdaLR over this same formula"),
            Map.entry(InverseSqrtSchedule.TYPE, "PyTorch has no built-in inverse square-root decay;"
                    + " transformers' get_inverse_sqrt_schedule is a LambdaLR over this same formula"));

    /** @param optimizer the optimizer to write (null: SGD, with a comment naming the others) */
    static String generate(FormulaSchedule spec, StepsPerEpoch stepsPerEpoch, OptimizerSpec optimizer) {
        if (spec instanceof ConstantSchedule s) {
            return "import torch\n\n# A constant LR needs no scheduler.\n"
                    + optimizerLine(optimizer, decimal(s.lr()), "  # or Adam, AdamW, ...");
        }
        boolean momentumReaches = optimizer == null || TorchOptimizer.takesCycledMomentum(optimizer);
        Optional<TorchSchedulers.Chain> chain = TorchSchedulers.of(spec, momentumReaches);
        if (chain.isPresent()) {
            return builtIn(spec, chain.get(), stepsPerEpoch, optimizer);
        }
        return formula(spec, stepsPerEpoch, "# No built-in scheduler gives exactly this curve:\n# " + whyNoBuiltIn(spec) + ".\n",
                optimizer);
    }

    /** The given optimizer's line, or SGD with {@code comment}. */
    static String optimizerLine(OptimizerSpec optimizer, String lr, String comment) {
        return optimizer == null ? "optimizer = torch.optim.SGD(model.parameters(), lr=" + lr + ")" + comment + "\n"
                : TorchOptimizer.line(optimizer, lr);
    }

    /**
     * {@code lr_at(step)} (and {@code momentum_at(step)} when the schedule cycles momentum) driven by LambdaLR.
     *
     * @param why comment lines saying why the formula is used
     */
    static String formula(FormulaSchedule spec, StepsPerEpoch stepsPerEpoch, String why, OptimizerSpec optimizer) {
        Optional<MomentumCurve> momentum = MomentumCurve.of(spec)
                .filter(m -> optimizer == null || TorchOptimizer.takesCycledMomentum(optimizer));
        String code = PythonFunctions.of(spec, momentum.isPresent());
        StringBuilder out = new StringBuilder();
        if (code.contains("math.")) {
            out.append("import math\n\n");
        }
        out.append("import torch\n\n");
        if (spec.usesEpochs()) {
            out.append(stepsPerEpoch.pythonConstant("len(train_loader)")).append("\n\n");
        }
        out.append('\n').append(code).append("\n\n\n");
        out.append(why);
        out.append("# LambdaLR with the formula above gives exactly the LR Workbench value at every step.\n");
        out.append("# LambdaLR sets each LR to (initial lr) * lr_at(step): the optimizer's lr must be 1.0.\n");
        out.append(optimizerLine(optimizer, "1.0", "  # or Adam, AdamW, ...: keep lr=1.0"));
        out.append("scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)\n");
        out.append(STEP_ONCE_PER_BATCH);
        if (momentum.isPresent()) {
            out.append("""
                    # LambdaLR sets only the LR. Set the cycled momentum yourself before each optimizer.step(), with step the
                    # 0-based update:  for group in optimizer.param_groups: group["momentum"] = momentum_at(step)
                    # (Adam, AdamW, NAdam: group["betas"] = (momentum_at(step), group["betas"][1]))
                    """);
        }
        return out.toString();
    }

    private static final String STEP_ONCE_PER_BATCH =
            "# Call scheduler.step() after every optimizer.step(), i.e. once per batch, not per epoch.\n";

    private static String whyNoBuiltIn(FormulaSchedule spec) {
        if (spec.usesEpochs()) {
            return "per batch, an epoch-counting schedule is a staircase, and only StepLR and MultiStepLR step that way";
        }
        if (spec instanceof WarmedUpSchedule || spec instanceof SequentialSchedule) {
            return "SequentialLR chains built-ins over one optimizer lr, and a part here has no exact built-in, sets its own"
                    + " LR (CyclicLR, OneCycleLR) or starts from another lr";
        }
        return NO_BUILT_IN.get(spec.type());
    }

    /** The built-in scheduler, or several chained by SequentialLR, over an optimizer at the chain's lr. */
    private static String builtIn(FormulaSchedule spec, TorchSchedulers.Chain chain, StepsPerEpoch stepsPerEpoch,
                                  OptimizerSpec optimizer) {
        StringBuilder out = new StringBuilder("import torch\n\n");
        if (spec.usesEpochs()) {
            out.append(stepsPerEpoch.pythonConstant("len(train_loader)")).append("\n\n");
        }
        Optional<MomentumCurve> momentum = MomentumCurve.of(spec)
                .filter(m -> optimizer == null || TorchOptimizer.takesCycledMomentum(optimizer));
        if (momentum.isPresent()) {
            out.append("# The scheduler cycles the optimizer's momentum (Adam, AdamW, NAdam: beta1).\n");
            if (momentum.get().cycle() instanceof CyclicSchedule) {
                out.append("# torch 1.13's CyclicLR needs an optimizer with momentum (SGD); newer versions also cycle Adam's beta1.\n");
            }
        }
        if (optimizer == null && momentum.isPresent()) {
            out.append("optimizer = torch.optim.SGD(model.parameters(), lr=").append(decimal(chain.lr()))
                    .append(", momentum=").append(decimal(momentum.get().cycle().maxMomentum())).append(")\n");
        } else {
            out.append(optimizerLine(optimizer, decimal(chain.lr()), "  # or Adam, AdamW, ..."));
        }
        List<TorchSchedulers.Part> parts = chain.parts();
        if (parts.size() == 1) {
            appendNote(out, parts.get(0).note());
            out.append("scheduler = ").append(parts.get(0).call().render()).append('\n');
        } else {
            UniqueNames names = new UniqueNames();
            List<String> assigned = new ArrayList<>();
            List<String> milestones = new ArrayList<>();
            long at = 0;
            for (TorchSchedulers.Part p : parts) {
                String name = names.claim(p.name());
                assigned.add(name);
                appendNote(out, p.note());
                out.append(name).append(" = ").append(p.call().render()).append('\n');
                if (p.steps() != null) {
                    at += p.steps();
                    milestones.add(integer(at));
                }
            }
            out.append("scheduler = ").append(new PythonCall(TorchSchedulers.MODULE + "SequentialLR").arg(null, "optimizer")
                    .arg("schedulers", PythonCall.list(assigned)).arg("milestones", PythonCall.list(milestones)).render())
                    .append('\n');
        }
        chain.notes().forEach(n -> appendNote(out, n));
        out.append(STEP_ONCE_PER_BATCH);
        return out.toString();
    }

    private static void appendNote(StringBuilder out, String note) {
        if (note != null) {
            out.append("# ").append(note.substring(0, 1).toUpperCase(Locale.ROOT)).append(note.substring(1))
                    .append(note.endsWith(".") ? "" : ".").append('\n');
        }
    }

    /** ReduceLROnPlateau has exactly the spec's semantics (the spec was written from it). */
    static String plateau(PlateauSchedule s, OptimizerSpec optimizer) {
        return plateau(s, "import torch\n", "torch.optim.lr_scheduler.ReduceLROnPlateau", optimizer);
    }

    /** The plateau snippet with another spelling of ReduceLROnPlateau (transformers' get_reduce_on_plateau_schedule). */
    static String plateau(PlateauSchedule s, String imports, String constructor, OptimizerSpec optimizer) {
        String metric = switch (s.monitor()) {
            case VAL_LOSS -> "val_loss";
            case TRAIN_LOSS -> "train_loss";
            case VAL_ACCURACY -> "val_accuracy";
        };
        return imports + "\n" + optimizerLine(optimizer, decimal(s.lr()), "  # or Adam, AdamW, ...") + Template.fill("""
                scheduler = {constructor}(
                    optimizer,
                    mode="{mode}",
                    factor={factor},
                    patience={patience},
                    threshold={threshold},
                    threshold_mode="{thresholdMode}",
                    cooldown={cooldown},
                    min_lr={minLr},
                    eps={eps},
                )
                # Once per epoch, after computing {metric}: scheduler.step({metric})
                """, "constructor", constructor, "mode", s.mode().json(), "factor", decimal(s.factor()),
                "patience", integer(s.patience()), "threshold", decimal(s.threshold()),
                "thresholdMode", s.thresholdMode().json(), "cooldown", integer(s.cooldown()),
                "minLr", decimal(s.minLr()), "eps", decimal(s.eps()), "metric", metric);
    }
}
