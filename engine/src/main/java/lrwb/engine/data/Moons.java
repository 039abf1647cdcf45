package lrwb.engine.data;

import java.util.Random;

/**
 * Two interleaving half circles, as sklearn's {@code make_moons}: the upper moon (class 0) is the upper
 * half of the unit circle, the lower moon (class 1) the same arc flipped and shifted to (1, 0.5). Noise is
 * the standard deviation of Gaussian jitter added to both coordinates.
 */
public record Moons(int samples, double noise) implements SyntheticSet {
    public static final String NAME = "moons";
    public static final Moons DEFAULT = new Moons(300, 0.1);

    public Moons {
        OptionRules.samples(NAME, samples, 4);
        OptionRules.spread(NAME, "noise", noise);
    }

    static Moons from(SourceParameters p) {
        return new Moons(p.integer("samples", DEFAULT.samples), p.number("noise", DEFAULT.noise));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int numClasses() {
        return 2;
    }

    @Override
    public String toSource() {
        return NAME + ":samples=" + samples + ",noise=" + OptionRules.text(noise);
    }

    @Override
    public Examples generate(long seed) {
        Random random = SeededRandom.stream(seed, SeededRandom.GENERATE_STREAM);
        Points2D points = new Points2D(samples);
        points.startClass("upper");
        int upper = Points2D.share(samples, 2, 0);
        for (int i = 0; i < upper; i++) {
            double a = Math.PI * i / (upper - 1);
            points.add(Math.cos(a) + noise * random.nextGaussian(), Math.sin(a) + noise * random.nextGaussian());
        }
        points.startClass("lower");
        int lower = Points2D.share(samples, 2, 1);
        for (int i = 0; i < lower; i++) {
            double a = Math.PI * i / (lower - 1);
            points.add(1 - Math.cos(a) + noise * random.nextGaussian(), 0.5 - Math.sin(a) + noise * random.nextGaussian());
        }
        return points.toExamples();
    }
}
