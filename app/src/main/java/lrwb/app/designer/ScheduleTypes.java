package lrwb.app.designer;

import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;

import java.util.List;

/**
 * The palette: every type of specs/schedules.md with a name people know it by, what it is for, and a
 * starting spec that looks like something on the default chart (100 epochs of 100 steps).
 */
public final class ScheduleTypes {
    /** One palette entry. */
    public record Entry(String type, String title, String description, String starterJson) {
        public ScheduleSpec starter() {
            return ScheduleJson.parse(starterJson);
        }
    }

    public static final List<Entry> ALL = List.of(
            new Entry("constant", "Constant", "The same LR at every step",
                    "{\"type\":\"constant\",\"lr\":0.01}"),
            new Entry("step", "Step decay", "Multiply by gamma every stepSize steps (StepLR)",
                    "{\"type\":\"step\",\"lr\":0.1,\"stepSize\":3000,\"gamma\":0.1}"),
            new Entry("multiStep", "Multi-step", "Multiply by gamma at chosen milestones (MultiStepLR)",
                    "{\"type\":\"multiStep\",\"lr\":0.1,\"milestones\":[5000,8000],\"gamma\":0.1}"),
            new Entry("piecewise", "Piecewise constant", "Given values between boundaries (PiecewiseConstantDecay)",
                    "{\"type\":\"piecewise\",\"boundaries\":[3000,6000],\"values\":[0.1,0.03,0.01]}"),
            new Entry("exponential", "Exponential decay", "lr·decayRate^(t/decaySteps) (Keras ExponentialDecay)",
                    "{\"type\":\"exponential\",\"lr\":0.1,\"decayRate\":0.96,\"decaySteps\":250}"),
            new Entry("naturalExp", "Natural exponential", "lr·e^(−k·t)",
                    "{\"type\":\"naturalExp\",\"lr\":0.1,\"k\":0.0003}"),
            new Entry("inverseTime", "Inverse time", "lr / (1 + k·t): classic time-based decay",
                    "{\"type\":\"inverseTime\",\"lr\":0.1,\"decayRate\":0.001}"),
            new Entry("polynomial", "Polynomial decay", "From lr to endLr along (1 − t/D)^power",
                    "{\"type\":\"polynomial\",\"lr\":0.1,\"decaySteps\":10000,\"endLr\":0.0001,\"power\":1}"),
            new Entry("cosine", "Cosine decay", "Half a cosine from the peak to alpha·peak, optional warmup",
                    "{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":10000}"),
            new Entry("cosineRestarts", "Cosine with restarts", "SGDR: cosine periods that restart, growing by tMul",
                    "{\"type\":\"cosineRestarts\",\"lr\":0.1,\"firstDecaySteps\":1000,\"tMul\":2}"),
            new Entry("linear", "Linear", "Linear ramp of a factor of lr (LinearLR), e.g. warmup",
                    "{\"type\":\"linear\",\"lr\":0.1,\"startFactor\":0.1,\"endFactor\":1,\"totalSteps\":1000}"),
            new Entry("cyclic", "Cyclic (CLR)", "Triangles between baseLr and maxLr (CyclicLR)",
                    "{\"type\":\"cyclic\",\"baseLr\":0.001,\"maxLr\":0.01,\"stepSizeUp\":2000}"),
            new Entry("oneCycle", "One-cycle", "Up to maxLr and down far below the start (OneCycleLR)",
                    "{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":10000}"),
            new Entry("sequential", "Sequential", "One schedule after another, e.g. warmup then decay",
                    "{\"type\":\"sequential\",\"schedules\":[{\"type\":\"linear\",\"lr\":0.1,\"startFactor\":0.01,"
                            + "\"totalSteps\":1000},{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":9000}],\"milestones\":[1000]}"),
            new Entry("wsd", "Warmup-stable-decay", "Warm up, hold lr, then a short decay to a floor (WSD, get_wsd_schedule)",
                    "{\"type\":\"wsd\",\"lr\":0.1,\"warmupSteps\":500,\"stableSteps\":7500,\"decaySteps\":2000,"
                            + "\"minLrRatio\":0,\"warmupType\":\"linear\",\"decayType\":\"cosine\"}"),
            new Entry("inverseSqrt", "Inverse square root", "Linear warmup, then lr/√t decay (Transformer, get_inverse_sqrt_schedule)",
                    "{\"type\":\"inverseSqrt\",\"lr\":0.1,\"warmupSteps\":1000,\"timescale\":1000}"),
            new Entry("plateau", "Reduce on plateau", "Cut the LR when a metric stops improving (adaptive)",
                    "{\"type\":\"plateau\",\"lr\":0.1,\"patience\":10}"));

    /**
     * The types a part of a sequential may have: every formula type but sequential itself (a chain inside a
     * chain adds nothing a longer chain does not) and plateau (the spec refuses it: it follows a metric, so
     * it has no fixed curve to chain).
     */
    public static final List<String> PART_TYPES = ALL.stream().map(Entry::type)
            .filter(t -> !t.equals("sequential") && !t.equals("plateau")).toList();

    private ScheduleTypes() {
    }

    public static Entry of(String type) {
        return ALL.stream().filter(e -> e.type().equals(type)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown schedule type " + type));
    }

    /** The name people know a type by, e.g. "Cyclic (CLR)" for {@code cyclic}. */
    public static String title(String type) {
        return ALL.stream().filter(e -> e.type().equals(type)).map(Entry::title).findFirst().orElse(type);
    }
}
