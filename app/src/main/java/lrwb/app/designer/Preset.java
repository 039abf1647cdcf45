package lrwb.app.designer;

import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;

import java.util.List;

/**
 * A named schedule from common practice, ready to compare. Sized for the default chart of 100 epochs of
 * 100 steps (10,000 iterations).
 *
 * @param name   the curve's name once added (short: it shows in the legend)
 * @param origin where it comes from, for the menu and tooltips
 */
public record Preset(String name, String origin, String json) {
    public ScheduleSpec spec() {
        return ScheduleJson.parse(json);
    }

    public static final List<Preset> ALL = List.of(
            new Preset("Constant 0.1", "Plain SGD with a fixed rate",
                    "{\"type\":\"constant\",\"lr\":0.1}"),
            new Preset("Time-based decay", "lr0 / (1 + k·t), Keras' classic decay argument",
                    "{\"type\":\"inverseTime\",\"lr\":0.1,\"decayRate\":0.001,\"decaySteps\":1}"),
            new Preset("Step: halve every 10 epochs", "Step decay, gamma 0.5 every 10 epochs",
                    "{\"type\":\"step\",\"lr\":0.1,\"stepSize\":10,\"gamma\":0.5,\"unit\":\"epoch\"}"),
            new Preset("Exponential e^(−kt)", "lr0·e^(−k·t)",
                    "{\"type\":\"naturalExp\",\"lr\":0.1,\"k\":0.0003}"),
            new Preset("Keras ExponentialDecay", "ExponentialDecay(0.01, decay_steps=10000, decay_rate=0.96)",
                    "{\"type\":\"exponential\",\"lr\":0.01,\"decayRate\":0.96,\"decaySteps\":10000}"),
            new Preset("×0.1 at epochs 50, 80", "Piecewise drops as in the ResNet/CIFAR recipes",
                    "{\"type\":\"multiStep\",\"lr\":0.1,\"milestones\":[50,80],\"gamma\":0.1,\"unit\":\"epoch\"}"),
            new Preset("Cyclic triangular", "CLR triangular 2e-4…2e-2, step size 2000 (Smith 2017)",
                    "{\"type\":\"cyclic\",\"baseLr\":0.0002,\"maxLr\":0.02,\"stepSizeUp\":2000,\"mode\":\"triangular\"}"),
            new Preset("One-cycle", "1cycle to 0.1 over the whole run (Smith & Topin; fast.ai)",
                    "{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":10000}"),
            new Preset("One-cycle with momentum (fast.ai)", "fit_one_cycle: pct_start 0.25, div_final 1e5, momentum"
                    + " (Adam's beta1) 0.95 → 0.85 → 0.95 against the LR (Smith 2018; fastai)",
                    "{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":10000,\"pctStart\":0.25,\"anneal\":\"cos\","
                            + "\"divFactor\":25,\"finalDivFactor\":100000,\"cycleMomentum\":true,\"baseMomentum\":0.85,"
                            + "\"maxMomentum\":0.95}"),
            new Preset("Cosine + warmup", "Linear warmup over 500 steps, then cosine decay (transformers, ViT)",
                    "{\"type\":\"sequential\",\"schedules\":["
                            + "{\"type\":\"linear\",\"lr\":0.1,\"startFactor\":0.01,\"endFactor\":1,\"totalSteps\":500},"
                            + "{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":9500}],\"milestones\":[500]}"),
            new Preset("SGDR warm restarts", "Cosine restarts, periods 1000, 2000, 4000… (Loshchilov & Hutter)",
                    "{\"type\":\"cosineRestarts\",\"lr\":0.1,\"firstDecaySteps\":1000,\"tMul\":2,\"mMul\":1}"),
            new Preset("Polynomial (power 2)", "PolynomialDecay from 0.1 to 1e-4 over the run",
                    "{\"type\":\"polynomial\",\"lr\":0.1,\"decaySteps\":10000,\"endLr\":0.0001,\"power\":2}"),
            new Preset("WSD (MiniCPM)", "Warmup 500, hold, 1-sqrt cooldown over the last 10% to 0.1·lr (MiniCPM; get_wsd_schedule)",
                    "{\"type\":\"wsd\",\"lr\":0.1,\"warmupSteps\":500,\"stableSteps\":8500,\"decaySteps\":1000,"
                            + "\"minLrRatio\":0.1,\"warmupType\":\"linear\",\"decayType\":\"1-sqrt\"}"),
            new Preset("Inverse sqrt (Transformer)", "Linear warmup over 1000 steps, then lr/√(t/1000) (Vaswani et al.; fairseq)",
                    "{\"type\":\"inverseSqrt\",\"lr\":0.1,\"warmupSteps\":1000,\"timescale\":1000}"));

    public static Preset named(String name) {
        return ALL.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no preset named " + name));
    }
}
