package lrwb.engine.data;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * A seeded synthetic image set that ships with the program: small RGB images of a circle, a square, a triangle
 * or a cross (the class), each of a random size, position and colour on a background of another random colour
 * at least {@value #MIN_CONTRAST} brighter or darker, with Gaussian pixel noise. Where a shape sits changes from image to image, so a network that shares its
 * weights across positions (a convolutional one) learns it from fewer examples than a dense one.
 *
 * <p>As a {@link DataOptions#source()}: {@code shapes} or {@code shapes:samples=2000,size=32,noise=0.1,seed=7};
 * parameters left out keep their defaults. Without {@code seed} the run's seed draws the images, so two runs of
 * one seed see the same images; {@code seed} fixes the images while the run's seed varies the split and order.
 * Shapes are drawn by testing each pixel's centre, with no graphics library, so a seed gives the same pixels on
 * every machine.
 *
 * @param samples images in total, spread over the four classes as evenly as possible
 * @param size    the side of the square images in pixels
 * @param noise   the standard deviation of the Gaussian noise added to each channel value in [0, 1]
 * @param seed    the seed that draws the images, or null for the run's seed
 */
public record Shapes(int samples, int size, double noise, Long seed) {
    public static final String NAME = "shapes";
    /** The classes, in label order. */
    public static final List<String> CLASS_NAMES = List.of("circle", "square", "triangle", "cross");
    public static final Shapes DEFAULT = new Shapes(2000, 32, 0.1, null);
    static final int MAX_SAMPLES = 200_000;
    static final int MIN_SIZE = 8;
    static final int MAX_SIZE = 128;
    /**
     * How far apart in brightness (the mean of the channels) a shape and its background are at least: two colours
     * that differ in hue alone leave a small network's first filters next to nothing to see at 16×16, and the set
     * would teach only patience. The colours stay random otherwise, light on dark as often as dark on light.
     */
    static final double MIN_CONTRAST = 0.3;
    /**
     * A shape's half-extent is {@code size * (MIN_RADIUS + RADIUS_SPAN * u)}, u uniform in [0, 1): a quarter to nearly
     * half the image, so even a 16×16 triangle has corners a 3×3 filter can tell from a circle's curve, while the
     * centre still wanders over half the image (what a dense network has to learn at every place separately).
     */
    static final double MIN_RADIUS = 0.25;
    static final double RADIUS_SPAN = 0.2;

    public Shapes {
        OptionRules.between(NAME, "samples", samples, CLASS_NAMES.size(), MAX_SAMPLES);
        OptionRules.between(NAME, "size", size, MIN_SIZE, MAX_SIZE);
        OptionRules.nonNegative(NAME, "noise", noise);
        if (noise > 1) {
            throw new DataException(NAME + ": noise must be in [0, 1] (got " + OptionRules.text(noise) + ")");
        }
    }

    /**
     * The set a source names, or empty when the source names another set.
     *
     * @throws DataException when the name is right but a parameter is unknown or out of range
     */
    static Optional<Shapes> parse(String source) {
        int colon = source.indexOf(':');
        String name = (colon < 0 ? source : source.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        if (!name.equals(NAME)) {
            return Optional.empty();
        }
        SourceParameters p = SourceParameters.parse(NAME, colon < 0 ? "" : source.substring(colon + 1));
        int samples = p.integer("samples", DEFAULT.samples);
        int size = p.integer("size", DEFAULT.size);
        double noise = p.number("noise", DEFAULT.noise);
        Long seed = p.longInteger("seed");
        p.rejectUnknown();
        return Optional.of(new Shapes(samples, size, noise, seed));
    }

    public ImageShape imageShape() {
        return new ImageShape(3, size, size);
    }

    /** This set as a {@link DataOptions#source()}, e.g. {@code shapes:samples=2000,size=32,noise=0.1}. */
    public String toSource() {
        return NAME + ":samples=" + samples + ",size=" + size + ",noise=" + OptionRules.text(noise)
                + (seed == null ? "" : ",seed=" + seed);
    }

    /**
     * The images, class by class: {@code 3 * size * size} features each in (channel, row, column) order, in [0, 1].
     *
     * @param runSeed the run's seed, used when the set names none
     */
    Examples generate(long runSeed) {
        int pixels = imageShape().pixels();
        MemoryCheck.require(NAME + " (" + samples + " images of " + size + "x" + size + ")", 12L * samples * pixels,
                "generate fewer images (samples) or give Java more memory");
        Random random = SeededRandom.stream(seed == null ? runSeed : seed, SeededRandom.GENERATE_STREAM);
        float[] features = new float[samples * pixels];
        int[] labels = new int[samples];
        int row = 0;
        for (int c = 0; c < CLASS_NAMES.size(); c++) {
            int count = Points2D.share(samples, CLASS_NAMES.size(), c);
            for (int i = 0; i < count; i++, row++) {
                labels[row] = c;
                draw(c, random, features, row * pixels);
            }
        }
        return new Examples(features, pixels, labels, CLASS_NAMES);
    }

    private void draw(int shape, Random random, float[] into, int offset) {
        float[] background = colour(random);
        float[] foreground = colour(random);
        while (Math.abs(brightness(foreground) - brightness(background)) < MIN_CONTRAST) {
            foreground = colour(random);
        }
        double radius = size * (MIN_RADIUS + RADIUS_SPAN * random.nextDouble());
        double cx = radius + (size - 2 * radius) * random.nextDouble();
        double cy = radius + (size - 2 * radius) * random.nextDouble();
        int plane = size * size;
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                float[] colour = inside(shape, x + 0.5 - cx, y + 0.5 - cy, radius) ? foreground : background;
                for (int ch = 0; ch < 3; ch++) {
                    double v = colour[ch] + (noise == 0 ? 0 : noise * random.nextGaussian());
                    into[offset + ch * plane + y * size + x] = (float) Math.min(1, Math.max(0, v));
                }
            }
        }
    }

    /** Whether a point at (dx, dy) from the centre lies in the shape of half-extent r (y grows downwards). */
    static boolean inside(int shape, double dx, double dy, double r) {
        double ax = Math.abs(dx);
        double ay = Math.abs(dy);
        return switch (shape) {
            case 0 -> dx * dx + dy * dy <= r * r;
            case 1 -> ax <= 0.8 * r && ay <= 0.8 * r;
            case 2 -> dy >= -r && dy <= r && ax <= (dy + r) / 2;
            default -> (ax <= r / 3 && ay <= r) || (ay <= r / 3 && ax <= r);
        };
    }

    private static float[] colour(Random random) {
        return new float[]{random.nextFloat(), random.nextFloat(), random.nextFloat()};
    }

    private static double brightness(float[] colour) {
        return (colour[0] + colour[1] + colour[2]) / 3.0;
    }
}
