package lrwb.engine.data;

import java.util.Random;

/**
 * A small circle inside a large one, as sklearn's {@code make_circles}: the outer circle (class 0) has
 * radius 1, the inner one (class 1) radius {@code factor}, points evenly spaced around each. Noise is the
 * standard deviation of Gaussian jitter added to both coordinates. A linear model cannot separate them.
 */
public record Circles(int samples, double noise, double factor) implements SyntheticSet {
    public static final String NAME = "circles";
    public static final Circles DEFAULT = new Circles(300, 0.05, 0.5);

    public Circles {
        OptionRules.samples(NAME, samples, 4);
        OptionRules.spread(NAME, "noise", noise);
        OptionRules.inside(NAME, "factor", factor, 0, 1);
    }

    static Circles from(SourceParameters p) {
        return new Circles(p.integer("samples", DEFAULT.samples), p.number("noise", DEFAULT.noise),
                p.number("factor", DEFAULT.factor));
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
        return NAME + ":samples=" + samples + ",noise=" + OptionRules.text(noise) + ",factor=" + OptionRules.text(factor);
    }

    @Override
    public Examples generate(long seed) {
        Random random = SeededRandom.stream(seed, SeededRandom.GENERATE_STREAM);
        Points2D points = new Points2D(samples);
        String[] names = {"outer", "inner"};
        double[] radius = {1, factor};
        for (int c = 0; c < 2; c++) {
            points.startClass(names[c]);
            int count = Points2D.share(samples, 2, c);
            for (int i = 0; i < count; i++) {
                double a = 2 * Math.PI * i / count;
                points.add(radius[c] * Math.cos(a) + noise * random.nextGaussian(),
                        radius[c] * Math.sin(a) + noise * random.nextGaussian());
            }
        }
        return points.toExamples();
    }
}
