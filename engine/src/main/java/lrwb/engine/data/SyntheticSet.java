package lrwb.engine.data;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A seeded synthetic 2-D classification set for teaching, in the manner of sklearn's {@code make_moons},
 * {@code make_circles}, {@code make_blobs} and the classic spirals: small enough to train in seconds,
 * hard enough that the learning rate visibly matters. The same seed always gives the same points.
 *
 * <p>As a {@link DataOptions#source()} a set is its name, optionally followed by parameters:
 * {@code moons}, {@code moons:samples=500,noise=0.2}, {@code spirals:arms=2}; parameters left out keep
 * their defaults. {@link #toSource()} writes that form back.
 */
public sealed interface SyntheticSet permits Spirals, Moons, Circles, Blobs {

    /** {@code spirals}, {@code moons}, {@code circles} or {@code blobs}. */
    String name();

    /** Rows generated in total, spread over the classes as evenly as possible. */
    int samples();

    int numClasses();

    /** This set as a {@link DataOptions#source()}, e.g. {@code moons:samples=300,noise=0.1}. */
    String toSource();

    /** The points: 2 features (x, y), labels 0..numClasses-1, in class order. */
    Examples generate(long seed);

    static List<String> names() {
        return List.of(Spirals.NAME, Moons.NAME, Circles.NAME, Blobs.NAME);
    }

    /**
     * The set a source names, or empty when the source names no synthetic set.
     *
     * @throws DataException when the name is right but a parameter is unknown or out of range
     */
    static Optional<SyntheticSet> parse(String source) {
        int colon = source.indexOf(':');
        String name = (colon < 0 ? source : source.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        if (!names().contains(name)) {
            return Optional.empty();
        }
        SourceParameters parameters = SourceParameters.parse(name, colon < 0 ? "" : source.substring(colon + 1));
        SyntheticSet set = switch (name) {
            case Spirals.NAME -> Spirals.from(parameters);
            case Moons.NAME -> Moons.from(parameters);
            case Circles.NAME -> Circles.from(parameters);
            default -> Blobs.from(parameters);
        };
        parameters.rejectUnknown();
        return Optional.of(set);
    }
}
