package lrwb.engine.model;

import org.nd4j.linalg.learning.config.AMSGrad;
import org.nd4j.linalg.learning.config.AdaDelta;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.AdaMax;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nadam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which optimizer updates the weights, as the user writes it after {@code --optimizer}: a name, and for
 * {@code momentum} and {@code nesterov} an optional momentum ({@code momentum:0.95}). Every other setting
 * is the optimizer's usual default (see {@link #updater}). The learning rate is deliberately not part of
 * this spec: it always comes from the schedule the network is built with.
 *
 * @param momentum the momentum for {@link Kind#MOMENTUM} and {@link Kind#NESTEROV}; NaN for the others
 */
public record OptimizerSpec(Kind kind, double momentum) {

    public enum Kind {
        SGD, MOMENTUM, NESTEROV, ADAM, ADAMAX, NADAM, AMSGRAD, ADAGRAD, RMSPROP, ADADELTA;

        /** The name on the command line and in run records. */
        public String optionName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean takesMomentum() {
            return this == MOMENTUM || this == NESTEROV;
        }
    }

    public static final double DEFAULT_MOMENTUM = 0.9;
    /** RMSprop's decay as Hinton proposed it and Keras uses it (DL4J's own default is 0.95). */
    public static final double RMSPROP_DECAY = 0.9;

    private static final String ALL_NAMES =
            Arrays.stream(Kind.values()).map(Kind::optionName).collect(Collectors.joining(", "));

    public OptimizerSpec {
        Objects.requireNonNull(kind, "kind");
        if (kind.takesMomentum()) {
            if (!isValidMomentum(momentum)) {
                throw new IllegalArgumentException(kind.optionName() + ": momentum must be in [0, 1) (got " + momentum + ")");
            }
        } else if (!Double.isNaN(momentum)) {
            throw new IllegalArgumentException(kind.optionName() + " takes no momentum (got " + momentum + ")");
        }
    }

    /** The optimizer with its usual settings (momentum {@value #DEFAULT_MOMENTUM} where it has one). */
    public static OptimizerSpec of(Kind kind) {
        return new OptimizerSpec(kind, kind.takesMomentum() ? DEFAULT_MOMENTUM : Double.NaN);
    }

    /**
     * Reads {@code sgd}, {@code momentum}, {@code momentum:0.95}, {@code nesterov[:m]}, {@code adam}, ...,
     * ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException with a message naming {@code --optimizer} and the rule that was broken
     */
    public static OptimizerSpec parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        String name = colon < 0 ? lower : lower.substring(0, colon);
        Kind kind = Arrays.stream(Kind.values()).filter(k -> k.optionName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "--optimizer: unknown optimizer '" + trimmed + "' (one of " + ALL_NAMES + ")"));
        if (colon < 0) {
            return of(kind);
        }
        if (!kind.takesMomentum()) {
            throw new IllegalArgumentException("--optimizer " + trimmed + ": " + kind.optionName()
                    + " takes no options (only momentum and nesterov take one, e.g. momentum:0.9)");
        }
        String value = lower.substring(colon + 1).strip();
        // A plain decimal only: Java would also accept "NaN", "0x1p-1" or "0.9d".
        if (!value.matches("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) {
            throw new IllegalArgumentException("--optimizer " + trimmed + ": momentum must be a number in [0, 1)");
        }
        double momentum = Double.parseDouble(value);
        if (!isValidMomentum(momentum)) {
            throw new IllegalArgumentException("--optimizer " + trimmed + ": momentum must be in [0, 1)");
        }
        return new OptimizerSpec(kind, momentum);
    }

    private static boolean isValidMomentum(double m) {
        return m >= 0 && m < 1; // false for NaN too
    }

    /** The canonical text, e.g. {@code adam} or {@code momentum:0.9}; {@link #parse} reads it back to an equal spec. */
    public String describe() {
        if (!kind.takesMomentum()) {
            return kind.optionName();
        }
        // Shortest exact decimal: 0.9 -> "0.9", 0 -> "0", 1e-5 -> "0.00001" (no exponent for users to puzzle over).
        return kind.optionName() + ":" + BigDecimal.valueOf(momentum).stripTrailingZeros().toPlainString();
    }

    /** False for AdaDelta, which adapts its own step sizes: there is no LR to schedule or sweep. */
    public boolean hasLearningRate() {
        return kind != Kind.ADADELTA;
    }

    /** Why the LR range test cannot run with this optimizer, if it cannot. */
    public Optional<String> rangeTestRefusal() {
        if (hasLearningRate()) {
            return Optional.empty();
        }
        return Optional.of(kind.optionName() + " has no learning rate to sweep (it adapts its own step sizes); pick "
                + Arrays.stream(Kind.values()).filter(k -> k != Kind.ADADELTA).map(Kind::optionName)
                        .collect(Collectors.joining(", ")));
    }

    /**
     * A conventional first LR to try (the Keras defaults), for pre-filling forms; NaN where there is no LR.
     * Not used by {@link #updater}: the LR always comes from the schedule.
     */
    public double typicalLearningRate() {
        return switch (kind) {
            case SGD, MOMENTUM, NESTEROV -> 0.01;
            case ADAM, ADAMAX, NADAM, AMSGRAD, ADAGRAD, RMSPROP -> 0.001;
            case ADADELTA -> Double.NaN;
        };
    }

    /**
     * The DL4J updater configuration, reading its LR from {@code lr} at every update. Settings other than
     * the LR and momentum are the usual published defaults: Adam family β1 0.9, β2 0.999, ε 1e-8; AdaGrad
     * ε 1e-6; RMSprop decay {@value #RMSPROP_DECAY}, ε 1e-8; AdaDelta ρ 0.95, ε 1e-6 (Zeiler's values).
     *
     * @param lr the LR source; ignored by AdaDelta, which has none
     */
    public IUpdater updater(ISchedule lr) {
        if (hasLearningRate()) {
            Objects.requireNonNull(lr, "lr schedule");
        }
        return switch (kind) {
            case SGD -> new Sgd(lr);
            case MOMENTUM -> new ClassicalMomentum(lr, momentum);
            // DL4J's Nesterovs is the Nesterov form (cs231n's "Nesterov momentum"), which is what the name promises.
            case NESTEROV -> new Nesterovs(lr, momentum);
            case ADAM -> new Adam(lr);
            case ADAMAX -> new AdaMax(lr);
            case NADAM -> new Nadam(lr);
            case AMSGRAD -> new AMSGrad(lr);
            case ADAGRAD -> new ScheduledAdaGrad(lr, AdaGrad.DEFAULT_ADAGRAD_EPSILON);
            // The builder's fixed LR is set to NaN, as DL4J's own schedule constructors do: only the schedule counts.
            case RMSPROP -> RmsProp.builder().learningRate(Double.NaN).learningRateSchedule(lr)
                    .rmsDecay(RMSPROP_DECAY).build();
            case ADADELTA -> new AdaDelta();
        };
    }

    @Override
    public String toString() {
        return describe();
    }
}
