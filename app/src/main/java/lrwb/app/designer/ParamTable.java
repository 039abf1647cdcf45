package lrwb.app.designer;

import lrwb.engine.schedule.ScheduleJson;

import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static lrwb.app.designer.ParamInfo.bool;
import static lrwb.app.designer.ParamInfo.choice;
import static lrwb.app.designer.ParamInfo.count;
import static lrwb.app.designer.ParamInfo.factor;
import static lrwb.app.designer.ParamInfo.integers;
import static lrwb.app.designer.ParamInfo.linear;
import static lrwb.app.designer.ParamInfo.log;
import static lrwb.app.designer.ParamInfo.lr;
import static lrwb.app.designer.ParamInfo.numbers;
import static lrwb.app.designer.ParamInfo.optionalLr;
import static lrwb.app.designer.ParamInfo.steps;

/**
 * The form of every schedule type of specs/schedules.md, in one table: which parameters it has, in reading
 * order, and the control each gets. Names are exactly the JSON field names, so a field of the form and an
 * {@code InvalidSpecException.field()} meet on the same string. {@code sequential.schedules} is not listed:
 * the form shows each part as a nested section.
 */
public final class ParamTable {
    /** Every type ends with its unit. */
    static final ParamInfo UNIT = choice("unit", List.of("iteration", "epoch"), "iteration",
            "What t counts: optimizer updates, or whole epochs (iteration ÷ steps per epoch)");

    /** Every type but plateau takes a warmup in front ("warmup": {"steps", "startFactor"}). */
    static final List<ParamInfo> WARMUP = List.of(
            ParamInfo.optionalCount("warmup.steps", "Linear warmup in front of the schedule, which then starts this many steps"
                    + " late (0 or empty = none)"),
            ParamInfo.optionalFactor("warmup.startFactor", "0", "The warmup starts at this fraction of the schedule's first"
                    + " LR (the default is 0)"));

    /** A momentum (or beta1): where they usually are; the spec takes [0, 1). */
    private static ParamInfo momentum(String name, String help) {
        return linear(name, 0.5, 0.99, help);
    }

    private static final ParamInfo GAMMA_STEP = factor("gamma", "Multiplier applied at each step");

    private static final Map<String, List<ParamInfo>> TABLE = Map.ofEntries(
            entry("constant", List.of(lr("lr", "The learning rate, at every step"))),
            entry("step", List.of(lr("lr", "Starting learning rate"),
                    steps("stepSize", "Steps between two drops"), GAMMA_STEP)),
            entry("multiStep", List.of(lr("lr", "Starting learning rate"),
                    integers("milestones", "Steps at which the LR is multiplied by gamma, e.g. 50, 80"), GAMMA_STEP)),
            entry("piecewise", List.of(
                    integers("boundaries", "Ascending steps where the value changes, e.g. 100, 200"),
                    numbers("values", "One more value than boundaries: the LR before, between and after them"))),
            entry("exponential", List.of(lr("lr", "Starting learning rate"),
                    factor("decayRate", "Multiplier per decaySteps (0.96 = 4% lower every decaySteps)"),
                    steps("decaySteps", "Steps over which the LR is multiplied by decayRate once"),
                    bool("staircase", "Drop in whole steps instead of smoothly"))),
            entry("naturalExp", List.of(lr("lr", "Starting learning rate"),
                    log("k", 1e-6, 1, "Decay constant: lr·e^(−k·t)"))),
            entry("inverseTime", List.of(lr("lr", "Starting learning rate"),
                    log("decayRate", 1e-5, 10, "k in lr / (1 + k·t/decaySteps)"),
                    steps("decaySteps", "Steps per unit of decay"),
                    bool("staircase", "Drop in whole steps instead of smoothly"))),
            entry("polynomial", List.of(lr("lr", "Starting learning rate"),
                    steps("decaySteps", "Steps to go from lr down to endLr"),
                    lr("endLr", "Final learning rate (may be 0)"),
                    linear("power", 0.1, 5, "1 = straight line; above 1 drops fast then flattens"),
                    bool("cycle", "Restart the decay after decaySteps, each time over a longer span"))),
            entry("cosine", List.of(lr("lr", "Peak learning rate (start of the warmup, if any)"),
                    steps("decaySteps", "Steps of the half cosine from the peak down to alpha·peak"),
                    factor("alpha", "Floor as a fraction of the peak"),
                    count("warmupSteps", ParamInfo.HORIZON, "Linear warmup steps before the decay (0 = none)"),
                    optionalLr("warmupTarget", "Peak reached at the end of the warmup; empty when there is no warmup"))),
            entry("cosineRestarts", List.of(lr("lr", "Peak learning rate of the first period"),
                    steps("firstDecaySteps", "Length of the first period"),
                    linear("tMul", 1, 4, "Each period is this many times longer than the one before"),
                    factor("mMul", "Each restart peaks at this fraction of the previous peak"),
                    factor("alpha", "Floor as a fraction of the peak"))),
            entry("linear", List.of(lr("lr", "Learning rate the factors multiply"),
                    factor("startFactor", "Factor at step 0"),
                    factor("endFactor", "Factor from totalSteps on"),
                    steps("totalSteps", "Steps from startFactor to endFactor"))),
            entry("cyclic", List.of(lr("baseLr", "Bottom of each cycle"), lr("maxLr", "Top of each cycle"),
                    steps("stepSizeUp", "Steps from bottom to top"),
                    steps("stepSizeDown", "Steps from top back to bottom"),
                    choice("mode", List.of("triangular", "triangular2", "expRange"),
                            "triangular: same height; triangular2: halve each cycle; expRange: scale by gamma^t"),
                    linear("gamma", 0.99, 1, "Amplitude factor per step, for expRange"),
                    bool("cycleMomentum", "Cycle the optimizer's momentum (Adam's beta1) against the LR, as PyTorch's CyclicLR"),
                    momentum("baseMomentum", "Momentum where the LR is at maxLr (PyTorch's default 0.8)"),
                    momentum("maxMomentum", "Momentum where the LR is at baseLr, and at step 0 (PyTorch's default 0.9)"))),
            entry("oneCycle", List.of(lr("maxLr", "Peak learning rate"),
                    steps("totalSteps", "Length of the whole cycle"),
                    factor("pctStart", "Fraction of the cycle spent warming up"),
                    choice("anneal", List.of("cos", "linear"), "Shape of each phase"),
                    log("divFactor", 1, 1000, "Start at maxLr / divFactor"),
                    log("finalDivFactor", 1, 1e6, "End at start / finalDivFactor"),
                    bool("threePhase", "Come back down to the start before the final decay"),
                    bool("cycleMomentum", "Cycle the optimizer's momentum (Adam's beta1) against the LR, as PyTorch's OneCycleLR"),
                    momentum("baseMomentum", "Momentum at the LR's peak (PyTorch's default 0.85)"),
                    momentum("maxMomentum", "Momentum at the start and the end, where the LR is low (PyTorch's default 0.95)"))),
            entry("wsd", List.of(lr("lr", "Peak learning rate, held through the stable phase"),
                    count("warmupSteps", ParamInfo.HORIZON, "Steps rising from lr·minLrRatio to lr (0 = no warmup)"),
                    count("stableSteps", ParamInfo.HORIZON, "Steps held at lr"),
                    steps("decaySteps", "Steps falling from lr to lr·minLrRatio, which then holds"),
                    factor("minLrRatio", "Floor as a fraction of lr, below 1 (0 = decay to 0)"),
                    choice("warmupType", List.of("linear", "cosine", "1-sqrt"), "linear",
                            "Shape of the warmup: straight, half a cosine, or 1 − √(1 − p)"),
                    choice("decayType", List.of("cosine", "linear", "1-sqrt", "square"), "cosine",
                            "Shape of the decay: half a cosine, straight, 1 − √p (fast start) or 1 − p² (slow start)"))),
            entry("inverseSqrt", List.of(lr("lr", "Peak learning rate, reached at the end of the warmup"),
                    count("warmupSteps", ParamInfo.HORIZON, "Linear warmup steps from 0 (0 = none)"),
                    steps("timescale", "lr / √((t − warmupSteps + timescale) / timescale): the LR halves 3·timescale"
                            + " steps after the warmup; empty = warmupSteps, or 10000 without a warmup"))),
            entry("sequential", List.of(
                    integers("milestones", "Steps at which the next part takes over (one fewer than parts)"))),
            entry("plateau", List.of(lr("lr", "Starting learning rate"),
                    choice("monitor", List.of("valLoss", "trainLoss", "valAccuracy"), "Metric watched after each epoch"),
                    choice("mode", List.of("min", "max"), "min: lower is better; max: higher is better"),
                    factor("factor", "Multiplier when the metric stalls"),
                    count("patience", 50, "Epochs without improvement tolerated before a drop"),
                    log("threshold", 1e-6, 1, "Smallest change that counts as an improvement"),
                    choice("thresholdMode", List.of("rel", "abs"), "rel: fraction of the best; abs: absolute amount"),
                    count("cooldown", 50, "Epochs to wait after a drop before counting again"),
                    lr("minLr", "Never go below this (may be 0)"),
                    log("eps", 1e-12, 1e-2, "Drops smaller than this are ignored"))));

    private ParamTable() {
    }

    /** The parameters of a type, then its warmup (all but plateau), unit last. */
    public static List<ParamInfo> of(String type) {
        List<ParamInfo> params = TABLE.get(type);
        if (params == null) {
            throw new IllegalArgumentException("no form for type " + type + "; known: " + ScheduleJson.TYPES);
        }
        List<ParamInfo> all = new java.util.ArrayList<>(params);
        if (!type.equals("plateau")) {
            all.addAll(WARMUP);
        }
        all.add(UNIT);
        return List.copyOf(all);
    }

    public static boolean has(String type) {
        return TABLE.containsKey(type);
    }
}
