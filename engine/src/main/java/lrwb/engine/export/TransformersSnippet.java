package lrwb.engine.export;

import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.CosineSchedule;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.InverseSqrtSchedule;
import lrwb.engine.schedule.LinearSchedule;
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.PolynomialSchedule;
import lrwb.engine.schedule.WarmedUpSchedule;
import lrwb.engine.schedule.WsdSchedule;

import java.util.Optional;

import static lrwb.engine.export.Literal.decimal;
import static lrwb.engine.export.Literal.integer;

/**
 * Hugging Face transformers: one of its {@code get_*_schedule*} functions (transformers/optimization.py) where its
 * factor is exactly ours at every step, a spec warmup from 0 becoming its {@code num_warmup_steps}; otherwise the
 * PyTorch formula snippet, a LambdaLR as every transformers schedule is. Each function returns a LambdaLR that
 * scales the optimizer's lr, so that lr is the schedule's peak.
 */
final class TransformersSnippet {
    /** A function call, and the optimizer lr it scales (the schedule's lr). */
    private record Fit(PythonCall call, double lr) {
    }

    private TransformersSnippet() {
    }

    /** @param optimizer the optimizer to write (null: AdamW, transformers' usual one) */
    static String generate(FormulaSchedule spec, StepsPerEpoch stepsPerEpoch, OptimizerSpec optimizer) {
        Optional<Fit> function = spec.usesEpochs() ? Optional.empty() : function(spec);
        if (function.isEmpty()) {
            return PyTorchSnippet.formula(spec, stepsPerEpoch, """
                    # No transformers get_*_schedule function gives exactly this curve (they warm up from 0, and their
                    # cosines rise again after num_training_steps); like them, this is a LambdaLR over the formula.
                    """, optimizer);
        }
        String call = function.get().call().render();
        String name = call.substring(0, call.indexOf('('));
        return "import torch\nfrom transformers import " + name + "\n\n"
                + optimizerLine(optimizer, decimal(function.get().lr()))
                + "scheduler = " + call + "\n"
                + "# Call scheduler.step() after every optimizer.step(), i.e. once per batch, not per epoch;\n"
                + "# or hand both to the Trainer: Trainer(..., optimizers=(optimizer, scheduler)).\n";
    }

    static String plateau(PlateauSchedule s, OptimizerSpec optimizer) {
        return PyTorchSnippet.plateau(s, "import torch\nfrom transformers import get_reduce_on_plateau_schedule\n",
                "get_reduce_on_plateau_schedule", optimizer);
    }

    private static String optimizerLine(OptimizerSpec optimizer, String lr) {
        return optimizer == null ? "optimizer = torch.optim.AdamW(model.parameters(), lr=" + lr + ")  # or any torch.optim optimizer\n"
                : TorchOptimizer.line(optimizer, lr);
    }

    /** The call giving {@code spec}'s curve, if one does. */
    private static Optional<Fit> function(FormulaSchedule spec) {
        long warmup = 0;
        FormulaSchedule inner = spec;
        if (spec instanceof WarmedUpSchedule w) {
            if (w.warmup().startFactor() != 0) { // transformers' warmups all start from 0
                return Optional.empty();
            }
            warmup = w.warmup().steps();
            inner = w.schedule();
        }
        String w = integer(warmup);
        if (inner instanceof ConstantSchedule s) {
            return fit(warmup == 0 ? call("get_constant_schedule")
                    : call("get_constant_schedule_with_warmup").arg("num_warmup_steps", w), s.lr());
        }
        if (inner instanceof LinearSchedule s && s.startFactor() == 1 && s.endFactor() == 0) {
            return fit(call("get_linear_schedule_with_warmup").arg("num_warmup_steps", w)
                    .arg("num_training_steps", integer(warmup + s.totalSteps())), s.lr());
        }
        if (inner instanceof PolynomialSchedule s && !s.cycle() && s.endLr() < s.lr()) {
            return fit(call("get_polynomial_decay_schedule_with_warmup").arg("num_warmup_steps", w)
                    .arg("num_training_steps", integer(warmup + s.decaySteps())).arg("lr_end", decimal(s.endLr()))
                    .arg("power", decimal(s.power())), s.lr());
        }
        if (inner instanceof CosineSchedule s && s.warmupTarget() == null && s.alpha() == 0) {
            // get_cosine_schedule_with_warmup is periodic: after num_training_steps it rises again. With hard restarts and
            // one cycle, the factor is 0 from num_training_steps on, as ours.
            return fit(call("get_cosine_with_hard_restarts_schedule_with_warmup").arg("num_warmup_steps", w)
                    .arg("num_training_steps", integer(warmup + s.decaySteps()))
                    .arg("num_cycles", "1", "one cosine, then 0: get_cosine_schedule_with_warmup would rise again"), s.lr());
        }
        if (inner instanceof InverseSqrtSchedule s && (warmup == 0 || s.warmupSteps() == 0)) {
            return fit(call("get_inverse_sqrt_schedule").arg("num_warmup_steps", integer(warmup + s.warmupSteps()))
                    .arg("timescale", integer(s.timescale())), s.lr());
        }
        if (inner instanceof WsdSchedule s && s.decayType() != WsdSchedule.DecayType.SQUARE
                && (warmup == 0 || s.warmupSteps() == 0 && s.minLrRatio() == 0)) {
            // transformers has no "square" decay; its warmup starts at min_lr_ratio, ours from 0
            return fit(call("get_wsd_schedule").arg("num_warmup_steps", integer(warmup + s.warmupSteps()))
                    .arg("num_decay_steps", integer(s.decaySteps())).arg("num_stable_steps", integer(s.stableSteps()))
                    .arg("warmup_type", Literal.pythonString(warmup > 0 ? "linear" : s.warmupType().json()))
                    .arg("decay_type", Literal.pythonString(s.decayType().json()))
                    .arg("min_lr_ratio", decimal(s.minLrRatio())), s.lr());
        }
        return Optional.empty();
    }

    private static Optional<Fit> fit(PythonCall call, double lr) {
        return Optional.of(new Fit(call, lr));
    }

    private static PythonCall call(String function) {
        return new PythonCall(function).arg(null, "optimizer");
    }
}
