package lrwb.engine.model;

import lrwb.engine.model.PublishedOptimizer.Rule;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.schedule.ISchedule;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import static lrwb.engine.model.OptimizerSetting.BETA1;
import static lrwb.engine.model.OptimizerSetting.BETA2;
import static lrwb.engine.model.OptimizerSetting.EPS;
import static lrwb.engine.model.OptimizerSetting.INITIAL_ACCUMULATOR;
import static lrwb.engine.model.OptimizerSetting.MOMENTUM;
import static lrwb.engine.model.OptimizerSetting.RHO;
import static lrwb.engine.model.OptimizerSetting.WD;

/**
 * Which optimizer updates the weights and with which settings, as the user writes it after {@code --optimizer}:
 * a name, then optionally {@code key=value,...} ({@code adam:beta2=0.98,eps=1e-6}); {@code momentum:0.95} and
 * {@code nesterov:0.95} stay as short forms of {@code momentum=0.95}. A setting not given takes PyTorch's
 * documented default for that optimizer ({@link Kind#defaults()}), except that {@code momentum} and
 * {@code nesterov} default to momentum 0.9, their whole point. Every optimizer takes {@code wd}, torch's
 * {@code weight_decay} ({@link #weightDecay}; specs/optimizers.md). The learning rate is deliberately not part of
 * this spec: it always comes from the schedule the network is built with.
 *
 * @param settings every setting {@code kind} takes, each with its value (defaults included), and no other
 */
public record OptimizerSpec(Kind kind, Map<OptimizerSetting, Double> settings) {

    /**
     * The optimizers. Every one takes {@code wd}, torch's {@code weight_decay} (default 0, no decay): added to the
     * gradient before the rule (coupled, as torch's SGD, Adam, ... do), except for {@link #ADAMW} and {@link #SGDW},
     * which decay the weights beside the rule ({@link #decouplesDecay}).
     */
    public enum Kind {
        SGD(Map.of(WD, 0.0)),
        MOMENTUM(Map.of(OptimizerSetting.MOMENTUM, 0.9, WD, 0.0)),
        NESTEROV(Map.of(OptimizerSetting.MOMENTUM, 0.9, WD, 0.0)),
        // Not in torch.optim: Loshchilov & Hutter's SGDW (torch SGD with heavy-ball momentum, default 0, plus
        // decoupled decay w <- w - lr*wd*w; no Nesterov form, as in the paper's algorithm). wd defaults to 0 like SGD's.
        SGDW(Map.of(OptimizerSetting.MOMENTUM, 0.0, WD, 0.0)),
        ADAM(adamFamily(0)),
        ADAMAX(adamFamily(0)),
        NADAM(adamFamily(0)),
        AMSGRAD(adamFamily(0)),
        // torch.optim.AdamW: Adam's betas and eps, weight_decay 1e-2, decoupled.
        ADAMW(adamFamily(0.01)),
        // torch.optim.Adagrad: eps 1e-10, initial_accumulator_value 0 (Keras starts the accumulator at 0.1).
        ADAGRAD(Map.of(EPS, 1e-10, INITIAL_ACCUMULATOR, 0.0, WD, 0.0)),
        // torch.optim.RMSprop: alpha 0.99, eps 1e-8 (our rho is torch's alpha).
        RMSPROP(Map.of(RHO, 0.99, EPS, 1e-8, WD, 0.0)),
        // torch.optim.Adadelta: rho 0.9, eps 1e-6.
        ADADELTA(Map.of(RHO, 0.9, EPS, 1e-6, WD, 0.0));

        private final Map<OptimizerSetting, Double> defaults;

        Kind(Map<OptimizerSetting, Double> defaults) {
            this.defaults = new EnumMap<>(OptimizerSetting.class);
            this.defaults.putAll(defaults);
        }

        // torch.optim.Adam, Adamax, NAdam, Adam(amsgrad=True) and AdamW: betas (0.9, 0.999), eps 1e-8.
        private static Map<OptimizerSetting, Double> adamFamily(double wd) {
            return Map.of(BETA1, 0.9, BETA2, 0.999, EPS, 1e-8, WD, wd);
        }

        /** The name on the command line and in run records. */
        public String optionName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kinds with the short form {@code momentum:0.9} and the {@code nesterov} key. */
        public boolean takesMomentum() {
            return this == MOMENTUM || this == NESTEROV;
        }

        /** Whether {@code wd} decays the weights beside the rule (w ← w − lr·wd·w) instead of joining the gradient. */
        public boolean decouplesDecay() {
            return this == ADAMW || this == SGDW;
        }

        /** The settings this optimizer takes, in canonical order, with their defaults. */
        public Map<OptimizerSetting, Double> defaults() {
            return Map.copyOf(defaults);
        }

        /**
         * The setting a schedule's cycled momentum drives (specs/schedules.md, "Cyclical momentum"): {@code momentum}
         * where the optimizer has one, {@code beta1} for the Adam family; empty where it has neither.
         */
        public Optional<OptimizerSetting> cycledSetting() {
            return defaults.containsKey(OptimizerSetting.MOMENTUM) ? Optional.of(OptimizerSetting.MOMENTUM)
                    : defaults.containsKey(BETA1) ? Optional.of(BETA1) : Optional.empty();
        }

        /** The optimizer called {@code name} on the command line (any case, blanks around it ignored). */
        public static Optional<Kind> byName(String name) {
            String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(k -> k.optionName().equals(wanted)).findFirst();
        }

        /** The settings this optimizer takes, in canonical order (the order {@link #describe} writes them). */
        public List<OptimizerSetting> settingOrder() {
            return List.copyOf(defaults.keySet());
        }

        /** The keys this optimizer takes, for messages and help: "beta1, beta2, eps". */
        public String keyList() {
            String keys = defaults.keySet().stream().map(OptimizerSetting::key).collect(Collectors.joining(", "));
            return takesMomentum() ? keys + ", " + NESTEROV_KEY : keys;
        }
    }

    public static final double DEFAULT_MOMENTUM = 0.9;
    /** Not a stored setting: {@code momentum:nesterov=true} is {@code nesterov}, {@code nesterov:nesterov=false} {@code momentum}. */
    public static final String NESTEROV_KEY = "nesterov";

    private static final String ALL_NAMES =
            Arrays.stream(Kind.values()).map(Kind::optionName).collect(Collectors.joining(", "));
    // A plain decimal only: Java would also accept "NaN", "0x1p-1" or "0.9d".
    private static final String DECIMAL = "[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?";

    public OptimizerSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(settings, "settings");
        if (!settings.keySet().equals(kind.defaults.keySet())) {
            throw new IllegalArgumentException(kind.optionName() + " takes exactly the settings "
                    + kind.defaults.keySet() + " (got " + settings.keySet() + ")");
        }
        for (Map.Entry<OptimizerSetting, Double> e : settings.entrySet()) {
            if (e.getValue() == null || !e.getKey().isValid(e.getValue())) {
                throw new IllegalArgumentException(kind.optionName() + ": " + e.getKey().key() + " must be "
                        + e.getKey().rule() + " (got " + e.getValue() + ")");
            }
        }
        EnumMap<OptimizerSetting, Double> copy = new EnumMap<>(OptimizerSetting.class);
        copy.putAll(settings);
        settings = java.util.Collections.unmodifiableMap(copy);
    }

    /** {@code momentum} or {@code nesterov} with this momentum; for any other kind, momentum must be NaN. */
    public OptimizerSpec(Kind kind, double momentum) {
        this(kind, momentumSettings(kind, momentum));
    }

    private static Map<OptimizerSetting, Double> momentumSettings(Kind kind, double momentum) {
        Objects.requireNonNull(kind, "kind");
        if (!kind.takesMomentum()) {
            if (!Double.isNaN(momentum)) {
                throw new IllegalArgumentException(kind.optionName() + " takes no momentum (got " + momentum + ")");
            }
            return kind.defaults;
        }
        Map<OptimizerSetting, Double> settings = new EnumMap<>(kind.defaults);
        settings.put(MOMENTUM, momentum);
        return settings;
    }

    /** The optimizer with its default settings. */
    public static OptimizerSpec of(Kind kind) {
        return new OptimizerSpec(kind, kind.defaults);
    }

    /** The momentum of {@code momentum}, {@code nesterov} and {@code sgdw}; NaN for the others. */
    public double momentum() {
        return value(MOMENTUM);
    }

    /**
     * This optimizer with one setting changed, e.g. the weight decay of one range test of several
     * ({@code --wd 0,1e-4,1e-3}).
     *
     * @throws IllegalArgumentException naming the optimizer and the key if it does not take it or the value breaks its rule
     */
    public OptimizerSpec with(OptimizerSetting setting, double value) {
        if (!settings.containsKey(setting)) {
            throw new IllegalArgumentException(kind.optionName() + " takes no " + setting.key() + " (it takes "
                    + kind.keyList() + ")");
        }
        Map<OptimizerSetting, Double> changed = new EnumMap<>(settings);
        changed.put(setting, value);
        return new OptimizerSpec(kind, changed);
    }

    /** The value of a setting; NaN where this optimizer does not take it. */
    public double value(OptimizerSetting setting) {
        return settings.getOrDefault(setting, Double.NaN);
    }

    /**
     * Reads {@code sgd}, {@code momentum:0.95}, {@code nesterov}, {@code adam:beta1=0.95,eps=1e-7}, ..., ignoring the
     * case of names and keys and blanks around the parts.
     *
     * @throws IllegalArgumentException one line naming {@code --optimizer}, the key and the rule that was broken
     */
    public static OptimizerSpec parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        int colon = trimmed.indexOf(':');
        Kind kind = Kind.byName(colon < 0 ? trimmed : trimmed.substring(0, colon))
                .orElseThrow(() -> new IllegalArgumentException(
                        "--optimizer: unknown optimizer '" + trimmed + "' (one of " + ALL_NAMES + ")"));
        if (colon < 0) {
            return of(kind);
        }
        String where = "--optimizer " + trimmed + ": ";
        String options = trimmed.substring(colon + 1).strip();
        if (!options.contains("=")) {
            if (!kind.takesMomentum()) {
                throw new IllegalArgumentException(where + "write settings as key=value (" + kind.optionName()
                        + " takes " + kind.keyList() + ")");
            }
            return new OptimizerSpec(kind, number(where, MOMENTUM, options));
        }
        Map<OptimizerSetting, Double> values = new EnumMap<>(kind.defaults);
        Map<String, String> given = new LinkedHashMap<>();
        Kind result = kind;
        for (String part : options.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(where + "'" + part.strip() + "' is not key=value (" + kind.optionName()
                        + " takes " + kind.keyList() + ")");
            }
            String key = part.substring(0, eq).strip();
            String value = part.substring(eq + 1).strip();
            if (given.put(key.toLowerCase(Locale.ROOT), value) != null) {
                throw new IllegalArgumentException(where + key + " is given twice");
            }
            if (key.equalsIgnoreCase(NESTEROV_KEY) && kind.takesMomentum()) {
                result = switch (value.toLowerCase(Locale.ROOT)) {
                    case "true" -> Kind.NESTEROV;
                    case "false" -> Kind.MOMENTUM;
                    default -> throw new IllegalArgumentException(where + "nesterov must be true or false");
                };
                continue;
            }
            Optional<OptimizerSetting> setting = OptimizerSetting.byKey(key);
            if (setting.isEmpty() && !key.equalsIgnoreCase(NESTEROV_KEY)) {
                throw new IllegalArgumentException(where + "unknown key '" + key + "' (" + kind.optionName()
                        + " takes " + kind.keyList() + ")");
            }
            if (setting.isEmpty() || !kind.defaults.containsKey(setting.get())) {
                throw new IllegalArgumentException(where + kind.optionName() + " takes no " + key.toLowerCase(Locale.ROOT)
                        .replace("initialaccumulator", "initialAccumulator") + " (it takes " + kind.keyList() + ")");
            }
            values.put(setting.get(), number(where, setting.get(), value));
        }
        return new OptimizerSpec(result, values);
    }

    private static double number(String where, OptimizerSetting setting, String value) {
        if (!value.matches(DECIMAL)) {
            throw new IllegalArgumentException(where + setting.key() + " must be " + setting.rule());
        }
        double x = Double.parseDouble(value);
        if (!setting.isValid(x)) {
            throw new IllegalArgumentException(where + setting.key() + " must be " + setting.rule());
        }
        return x;
    }

    /**
     * The canonical text, every setting spelled out: {@code sgd}, {@code momentum:0.9} (the short form, when
     * momentum is the only setting), {@code adam:beta1=0.9,beta2=0.999,eps=1e-8}. {@link #parse} reads it back to
     * an equal spec, so run.json records every setting the run used.
     */
    public String describe() {
        boolean noDecay = value(WD) == 0 && kind.defaults.get(WD) == 0;
        if (kind.takesMomentum() && noDecay) {
            return kind.optionName() + ":" + decimal(momentum());
        }
        // A wd of 0 where 0 is the default is no decay at all: left out, so "sgd" and "momentum:0.9" read as before.
        String spelled = settings.entrySet().stream().filter(e -> !(e.getKey() == WD && noDecay))
                .map(e -> e.getKey().key() + "=" + decimal(e.getValue())).collect(Collectors.joining(","));
        return spelled.isEmpty() ? kind.optionName() : kind.optionName() + ":" + spelled;
    }

    /**
     * For run names, forms and tables: the name and only the settings that differ from the defaults ({@code adam},
     * {@code adam:eps=0.000001}, {@code momentum:0.9}); {@link #parse} reads it back to an equal spec, and
     * {@link #describe}, every setting spelled out, is what records keep.
     */
    public String shortName() {
        if (kind.takesMomentum()) {
            return describe();
        }
        String changed = settings.entrySet().stream().filter(e -> !e.getValue().equals(kind.defaults.get(e.getKey())))
                .map(e -> e.getKey().key() + "=" + decimal(e.getValue())).collect(Collectors.joining(","));
        return changed.isEmpty() ? kind.optionName() : kind.optionName() + ":" + changed;
    }

    /** Shortest exact decimal: 0.9 -> "0.9", 0 -> "0", 1e-5 -> "0.00001", 1e-8 -> "1e-8" (exponent only when tiny). */
    private static String decimal(double x) {
        BigDecimal d = BigDecimal.valueOf(x).stripTrailingZeros();
        String plain = d.toPlainString();
        return plain.length() <= 8 ? plain : d.toString().replace("E", "e");
    }

    /**
     * A conventional first LR to try (the Keras defaults; adadelta's 1.0 is torch's, a multiplier of its own step
     * sizes), for pre-filling forms.
     * Not used by {@link #updater}: the LR always comes from the schedule.
     */
    public double typicalLearningRate() {
        return switch (kind) {
            case SGD, MOMENTUM, NESTEROV, SGDW -> 0.01;
            case ADAM, ADAMAX, NADAM, AMSGRAD, ADAMW, ADAGRAD, RMSPROP -> 0.001;
            case ADADELTA -> 1.0;
        };
    }

    /**
     * The DL4J updater configuration with this spec's settings, reading its LR from {@code lr} at every update
     * (adadelta's LR multiplies its step, as torch's {@code lr} does). The weight decay is not in it: DL4J gives an
     * updater the gradient only, never the weights, so the decay is {@link #weightDecay()}, installed beside it.
     */
    public IUpdater updater(ISchedule lr) {
        Objects.requireNonNull(lr, "lr schedule");
        return switch (kind) {
            case SGD -> new Sgd(lr);
            case SGDW -> momentum() == 0 ? new Sgd(lr) : new ClassicalMomentum(lr, momentum());
            case MOMENTUM -> new ClassicalMomentum(lr, momentum());
            // DL4J's Nesterovs is the Nesterov form (cs231n's "Nesterov momentum"), which is what the name promises.
            case NESTEROV -> new Nesterovs(lr, momentum());
            case ADAM, ADAMW -> PublishedOptimizer.adamFamily(Rule.ADAM, lr, value(BETA1), value(BETA2), value(EPS));
            case ADAMAX -> PublishedOptimizer.adamFamily(Rule.ADAMAX, lr, value(BETA1), value(BETA2), value(EPS));
            case NADAM -> PublishedOptimizer.adamFamily(Rule.NADAM, lr, value(BETA1), value(BETA2), value(EPS));
            case AMSGRAD -> PublishedOptimizer.adamFamily(Rule.AMSGRAD, lr, value(BETA1), value(BETA2), value(EPS));
            case ADAGRAD -> PublishedOptimizer.adaGrad(lr, value(EPS), value(INITIAL_ACCUMULATOR));
            case RMSPROP -> PublishedOptimizer.decaying(Rule.RMSPROP, lr, value(RHO), value(EPS));
            case ADADELTA -> PublishedOptimizer.decaying(Rule.ADADELTA, lr, value(RHO), value(EPS));
        };
    }

    /**
     * As {@link #updater(ISchedule)}, with the momentum ({@code momentum}, {@code nesterov}) or β1 (Adam family) read
     * from {@code momentum} at every update instead of the fixed setting; null, or an optimizer with neither
     * ({@link Kind#cycledSetting()} empty), keeps the fixed setting.
     */
    public IUpdater updater(ISchedule lr, ISchedule momentum) {
        IUpdater updater = updater(lr);
        if (momentum == null || kind.cycledSetting().isEmpty()) {
            return updater;
        }
        if (updater instanceof Sgd) { // sgdw at momentum 0: the cycle sets a momentum, as OneCycleLR sets torch SGD's
            updater = new ClassicalMomentum(lr, 0.0);
        }
        if (updater instanceof SteeredUpdater steered) {
            return steered.followMomentum(momentum);
        }
        if (updater instanceof Nesterovs nesterovs) { // DL4J's reads its momentum schedule at every update, as we do
            nesterovs.setMomentumISchedule(momentum);
            return nesterovs;
        }
        throw new IllegalStateException(kind.optionName() + " has a momentum but no way to cycle it: " + updater);
    }

    /** The weight decay {@code wd} asks for, beside {@link #updater}; empty for no decay (wd 0). */
    public Optional<OptimizerWeightDecay> weightDecay() {
        double wd = value(WD);
        return wd == 0 ? Optional.empty() : Optional.of(new OptimizerWeightDecay(wd, kind.decouplesDecay()));
    }

    @Override
    public String toString() {
        return describe();
    }
}
