package lrwb.engine.data;

import java.util.Random;

/**
 * Interleaved spiral arms, one class per arm, as in the classic CS231n spiral: along each arm the radius
 * grows from 0 to 1 while the angle turns {@value #SWEEP_RADIANS} radians; the arms start evenly spaced
 * around the circle. Noise is Gaussian jitter of the angle (radians), so arms blur more at their outer ends.
 * No straight line separates the arms, which makes it the set where a too-large learning rate shows first.
 */
public record Spirals(int samples, int arms, double noise) implements SyntheticSet {
    public static final String NAME = "spirals";
    public static final Spirals DEFAULT = new Spirals(300, 3, 0.2);
    static final double SWEEP_RADIANS = 4;

    public Spirals {
        OptionRules.between(NAME, "arms", arms, 2, 12);
        OptionRules.samples(NAME, samples, 2 * arms);
        OptionRules.spread(NAME, "noise", noise);
    }

    static Spirals from(SourceParameters p) {
        return new Spirals(p.integer("samples", DEFAULT.samples), p.integer("arms", DEFAULT.arms),
                p.number("noise", DEFAULT.noise));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int numClasses() {
        return arms;
    }

    @Override
    public String toSource() {
        return NAME + ":samples=" + samples + ",arms=" + arms + ",noise=" + OptionRules.text(noise);
    }

    @Override
    public Examples generate(long seed) {
        Random random = SeededRandom.stream(seed, SeededRandom.GENERATE_STREAM);
        Points2D points = new Points2D(samples);
        for (int arm = 0; arm < arms; arm++) {
            points.startClass("arm " + arm);
            int count = Points2D.share(samples, arms, arm);
            for (int i = 0; i < count; i++) {
                double t = count == 1 ? 0 : i / (count - 1.0);
                double angle = 2 * Math.PI * arm / arms + SWEEP_RADIANS * t + noise * random.nextGaussian();
                points.add(t * Math.sin(angle), t * Math.cos(angle));
            }
        }
        return points.toExamples();
    }
}
