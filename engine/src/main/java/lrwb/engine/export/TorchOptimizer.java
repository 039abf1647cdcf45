package lrwb.engine.export;

import lrwb.engine.model.OptimizerSetting;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.model.OptimizerSpec.Kind;

import static lrwb.engine.export.Literal.decimal;

/**
 * The {@code torch.optim} line for an optimizer spec (the PyTorch and transformers snippets), with the settings that
 * differ from torch's defaults, which are ours ({@link Kind#defaults()}): {@code wd} is torch's {@code weight_decay},
 * {@code rho} RMSprop's {@code alpha}. With no optimizer given, the snippet's own default line is used instead.
 */
final class TorchOptimizer {
    private TorchOptimizer() {
    }

    /**
     * Whether a cycled momentum reaches this optimizer (specs/schedules.md): its momentum where it has one (momentum,
     * nesterov, sgdw), beta1 in the Adam family; training's rule (branch cyclemom's Kind.cycledSetting()).
     */
    static boolean takesCycledMomentum(OptimizerSpec o) {
        return o.kind().cycledSetting().isPresent(); // the one rule training follows too
    }

    /** {@code optimizer = torch.optim.X(model.parameters(), lr=..., ...)} with a newline, and a comment where torch differs. */
    static String line(OptimizerSpec o, String lr) {
        PythonCall call = new PythonCall("torch.optim." + className(o.kind())).arg(null, "model.parameters()").arg("lr", lr);
        String note = null;
        switch (o.kind()) {
            case MOMENTUM, NESTEROV, SGDW -> call.arg("momentum", decimal(o.momentum()));
            default -> {
            }
        }
        if (o.kind() == Kind.NESTEROV) {
            call.arg("nesterov", "True");
        }
        if (o.kind() == Kind.AMSGRAD) {
            call.arg("amsgrad", "True");
        }
        changed(call, o, OptimizerSetting.BETA1, OptimizerSetting.BETA2);
        changed(call, o, OptimizerSetting.RHO, o.kind() == Kind.RMSPROP ? "alpha" : "rho");
        changed(call, o, OptimizerSetting.EPS, "eps");
        changed(call, o, OptimizerSetting.INITIAL_ACCUMULATOR, "initial_accumulator_value");
        if (o.kind() == Kind.SGDW) {
            note = "# SGDW: torch.optim has no decoupled-decay SGD. After each optimizer.step() (before scheduler.step()),\n"
                    + "# decay the weights with the LR of that step:  lr = optimizer.param_groups[0][\"lr\"]\n"
                    + "#     with torch.no_grad(): for p in model.parameters(): p.mul_(1 - lr * "
                    + decimal(o.value(OptimizerSetting.WD)) + ")\n";
        } else {
            changed(call, o, OptimizerSetting.WD, "weight_decay");
        }
        return (note == null ? "" : note) + "optimizer = " + call.render() + "\n";
    }

    private static String className(Kind kind) {
        return switch (kind) {
            case SGD, MOMENTUM, NESTEROV, SGDW -> "SGD";
            case ADAM, AMSGRAD -> "Adam";
            case ADAMW -> "AdamW";
            case ADAMAX -> "Adamax";
            case NADAM -> "NAdam";
            case ADAGRAD -> "Adagrad";
            case RMSPROP -> "RMSprop";
            case ADADELTA -> "Adadelta";
        };
    }

    /** The setting as a keyword argument when it is not torch's default. */
    private static void changed(PythonCall call, OptimizerSpec o, OptimizerSetting setting, String name) {
        Double fallback = o.kind().defaults().get(setting);
        double value = o.value(setting);
        if (fallback != null && value != fallback) {
            call.arg(name, decimal(value));
        }
    }

    /** torch's {@code betas=(beta1, beta2)}, when either differs from (0.9, 0.999). */
    private static void changed(PythonCall call, OptimizerSpec o, OptimizerSetting beta1, OptimizerSetting beta2) {
        if (!o.kind().defaults().containsKey(beta1)) {
            return;
        }
        if (o.value(beta1) != o.kind().defaults().get(beta1) || o.value(beta2) != o.kind().defaults().get(beta2)) {
            call.arg("betas", "(" + decimal(o.value(beta1)) + ", " + decimal(o.value(beta2)) + ")");
        }
    }
}
