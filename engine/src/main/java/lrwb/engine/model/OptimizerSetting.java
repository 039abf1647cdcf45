package lrwb.engine.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * A setting after the optimizer's name ({@code adam:beta1=0.95,eps=1e-7}), named as PyTorch names it where
 * PyTorch has it ({@code rho} is RMSprop's {@code alpha} and Adadelta's {@code rho}). Each knows its range, so
 * a bad value is refused with one line naming the key and the rule.
 */
public enum OptimizerSetting {
    MOMENTUM("momentum", "a number in [0, 1)"),
    BETA1("beta1", "a number in [0, 1)"),
    BETA2("beta2", "a number in [0, 1)"),
    RHO("rho", "a number in [0, 1)"),
    EPS("eps", "a number > 0"),
    INITIAL_ACCUMULATOR("initialAccumulator", "a number >= 0"),
    /** torch's {@code weight_decay}: coupled (added to the gradient) for most kinds, decoupled for adamw and sgdw. */
    WD("wd", "a number >= 0");

    private final String key;
    private final String rule;

    OptimizerSetting(String key, String rule) {
        this.key = key;
        this.rule = rule;
    }

    /** The key as written after the optimizer's name and recorded in run.json. */
    public String key() {
        return key;
    }

    /** What a valid value is, for messages: "a number in [0, 1)". */
    public String rule() {
        return rule;
    }

    public boolean isValid(double value) {
        return switch (this) {
            case MOMENTUM, BETA1, BETA2, RHO -> value >= 0 && value < 1; // false for NaN too
            case EPS -> value > 0 && Double.isFinite(value);
            case INITIAL_ACCUMULATOR, WD -> value >= 0 && Double.isFinite(value);
        };
    }

    /** The setting with this key, ignoring case as the optimizer's name does. */
    public static Optional<OptimizerSetting> byKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key.equalsIgnoreCase(key)).findFirst();
    }
}
