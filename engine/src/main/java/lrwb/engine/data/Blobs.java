package lrwb.engine.data;

import java.util.Random;

/**
 * Gaussian clusters, as sklearn's {@code make_blobs}: {@code centers} centres drawn uniformly from the box
 * [-10, 10]², one class per centre, each point its centre plus Gaussian jitter of standard deviation
 * {@code clusterStd}. Usually separable: the set to show that a sensible learning rate converges fast.
 */
public record Blobs(int samples, int centers, double clusterStd) implements SyntheticSet {
    public static final String NAME = "blobs";
    public static final Blobs DEFAULT = new Blobs(300, 3, 1.0);
    static final double CENTER_BOX = 10;

    public Blobs {
        OptionRules.between(NAME, "centers", centers, 2, 20);
        OptionRules.samples(NAME, samples, 2 * centers);
        OptionRules.spread(NAME, "clusterStd", clusterStd);
    }

    static Blobs from(SourceParameters p) {
        return new Blobs(p.integer("samples", DEFAULT.samples), p.integer("centers", DEFAULT.centers),
                p.number("clusterStd", DEFAULT.clusterStd));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int numClasses() {
        return centers;
    }

    @Override
    public String toSource() {
        return NAME + ":samples=" + samples + ",centers=" + centers + ",clusterStd=" + OptionRules.text(clusterStd);
    }

    @Override
    public Examples generate(long seed) {
        Random random = SeededRandom.stream(seed, SeededRandom.GENERATE_STREAM);
        double[][] centre = new double[centers][2];
        for (double[] c : centre) {
            c[0] = CENTER_BOX * (2 * random.nextDouble() - 1);
            c[1] = CENTER_BOX * (2 * random.nextDouble() - 1);
        }
        Points2D points = new Points2D(samples);
        for (int c = 0; c < centers; c++) {
            points.startClass("blob " + c);
            int count = Points2D.share(samples, centers, c);
            for (int i = 0; i < count; i++) {
                points.add(centre[c][0] + clusterStd * random.nextGaussian(), centre[c][1] + clusterStd * random.nextGaussian());
            }
        }
        return points.toExamples();
    }
}
