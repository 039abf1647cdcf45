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
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.PolynomialSchedule;
import lrwb.engine.schedule.SequentialSchedule;
import lrwb.engine.schedule.StepSchedule;
import lrwb.engine.schedule.Unit;
import lrwb.engine.schedule.WarmedUpSchedule;
import lrwb.engine.schedule.WsdSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static lrwb.engine.export.Literal.decimal;
import static lrwb.engine.export.Literal.integer;

/**
 * PyTorch: a pure-Python {@code lr_at(step)} with the formula (math module only) driven by {@code LambdaLR},
 * because no built-in scheduler gives exactly the same LR for every type (they update the LR recursively, and
 * CyclicLR/OneCycleLR also cycle momentum). Plateau maps 1:1 onto {@code ReduceLROnPlateau}.
 */
final class PyTorchSnippet {
    /** The built-in scheduler nearest to a type (null if none), and why the snippet does not use it. */
    private record Closest(String builtIn, String whyNot) {
    }

    private static final Map<String, Closest> CLOSEST = Map.ofEntries(
            Map.entry(StepSchedule.TYPE, new Closest("StepLR", "it multiplies by gamma step by step, which drifts in the last digits")),
            Map.entry(MultiStepSchedule.TYPE, new Closest("MultiStepLR", "it multiplies by gamma step by step, which drifts")),
            Map.entry(PiecewiseSchedule.TYPE, new Closest("MultiStepLR", "it can only multiply by gamma, not set any value")),
            Map.entry(ExponentialSchedule.TYPE, new Closest("ExponentialLR", "it decays every step (no decay_steps or staircase)")),
            Map.entry(NaturalExpSchedule.TYPE, new Closest("ExponentialLR", "gamma=exp(-k) step by step drifts from exp(-k * t)")),
            Map.entry(InverseTimeSchedule.TYPE, new Closest(null, "PyTorch has no built-in inverse-time decay")),
            Map.entry(PolynomialSchedule.TYPE, new Closest("PolynomialLR", "it decays to 0 (no end LR) and cannot cycle")),
            Map.entry(CosineSchedule.TYPE, new Closest("CosineAnnealingLR", "it updates recursively; a warmup needs SequentialLR")),
            Map.entry(CosineRestartsSchedule.TYPE, new Closest("CosineAnnealingWarmRestarts", "it cannot shrink the peaks (mMul)")),
            Map.entry(LinearSchedule.TYPE, new Closest("LinearLR", "it updates recursively, which drifts in the last digits")),
            Map.entry(CyclicSchedule.TYPE, new Closest("CyclicLR", "it also cycles momentum by default")),
            Map.entry(OneCycleSchedule.TYPE, new Closest("OneCycleLR", "it also cycles momentum (or Adam's beta1)")),
            Map.entry(SequentialSchedule.TYPE, new Closest("SequentialLR", "it chains built-ins that update recursively")),
            Map.entry(WsdSchedule.TYPE, new Closest(null, "PyTorch has no built-in warmup-stable-decay; transformers'"
                    + " get_wsd_schedule is a LambdaLR over this same formula")),
            Map.entry(InverseSqrtSchedule.TYPE, new Closest(null, "PyTorch has no built-in inverse square-root decay;"
                    + " transformers' get_inverse_sqrt_schedule is a LambdaLR over this same formula")));

    private final StepsPerEpoch stepsPerEpoch;
    private final List<String> functions = new ArrayList<>();
    private final UniqueNames names = new UniqueNames();

    private PyTorchSnippet(StepsPerEpoch stepsPerEpoch) {
        this.stepsPerEpoch = stepsPerEpoch;
        names.claim("lr_at");
    }

    static String generate(FormulaSchedule spec, StepsPerEpoch stepsPerEpoch) {
        if (spec instanceof ConstantSchedule s) {
            return """
                    import torch

                    # A constant LR needs no scheduler.
                    optimizer = torch.optim.SGD(model.parameters(), lr={lr})  # or Adam, AdamW, ...
                    """.replace("{lr}", decimal(s.lr()));
        }
        PyTorchSnippet snippet = new PyTorchSnippet(stepsPerEpoch);
        snippet.function(spec, "lr_at", "The learning rate of the given 0-based optimizer update (batch).");
        String code = String.join("\n\n\n", snippet.functions);
        StringBuilder out = new StringBuilder();
        if (code.contains("math.")) {
            out.append("import math\n\n");
        }
        out.append("import torch\n\n");
        if (spec.usesEpochs()) {
            out.append(stepsPerEpoch.pythonConstant("len(train_loader)")).append("\n\n");
        }
        out.append('\n').append(code).append("\n\n\n");
        Closest closest = spec instanceof WarmedUpSchedule ? new Closest(null, "A warmup, then the schedule started late: the"
                + " get_*_schedule_with_warmup convention of transformers") : CLOSEST.get(spec.type());
        out.append(closest.builtIn() == null ? "# " + closest.whyNot() + ".\n"
                : "# Closest built-in: torch.optim.lr_scheduler." + closest.builtIn() + "; " + closest.whyNot() + ".\n");
        out.append("# LambdaLR with the formula above gives exactly the LR Workbench value at every step.\n");
        out.append("# LambdaLR sets each LR to (initial lr) * lr_at(step): the optimizer's lr must be 1.0.\n");
        out.append("optimizer = torch.optim.SGD(model.parameters(), lr=1.0)  # or Adam, AdamW, ...: keep lr=1.0\n");
        out.append("scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, lr_lambda=lr_at)\n");
        out.append("# Call scheduler.step() after every optimizer.step(), i.e. once per batch, not per epoch.\n");
        return out.toString();
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

    /** ReduceLROnPlateau has exactly the spec's semantics (the spec was written from it). */
    static String plateau(PlateauSchedule s) {
        String metric = switch (s.monitor()) {
            case VAL_LOSS -> "val_loss";
            case TRAIN_LOSS -> "train_loss";
            case VAL_ACCURACY -> "val_accuracy";
        };
        return Template.fill("""
                import torch

                optimizer = torch.optim.SGD(model.parameters(), lr={lr})  # or Adam, AdamW, ...
                scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
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
                """, "lr", decimal(s.lr()), "mode", s.mode().json(), "factor", decimal(s.factor()),
                "patience", integer(s.patience()), "threshold", decimal(s.threshold()),
                "thresholdMode", s.thresholdMode().json(), "cooldown", integer(s.cooldown()),
                "minLr", decimal(s.minLr()), "eps", decimal(s.eps()), "metric", metric);
    }
}
