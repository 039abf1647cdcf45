package lrwb.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static lrwb.engine.data.DataAssertions.assertShape;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SyntheticSetsTest {

    static Stream<SyntheticSet> defaults() {
        return Stream.of(Spirals.DEFAULT, Moons.DEFAULT, Circles.DEFAULT, Blobs.DEFAULT);
    }

    static Stream<SyntheticSet> oddSizes() {
        return Stream.of(new Spirals(301, 2, 0.1), new Spirals(100, 3, 0), new Moons(101, 0.3),
                new Circles(77, 0.1, 0.3), new Blobs(250, 4, 2.0));
    }

    @ParameterizedTest
    @MethodSource({"defaults", "oddSizes"})
    void generatesTheRequestedSizeWithEveryClass(SyntheticSet set) {
        Examples points = set.generate(42);
        assertThat(points.size()).isEqualTo(set.samples());
        assertThat(points.numFeatures()).isEqualTo(2);
        assertThat(points.numClasses()).isEqualTo(set.numClasses());
        int[] counts = points.classCounts();
        for (int c = 0; c < counts.length; c++) {
            assertThat(counts[c]).isEqualTo(Points2D.share(set.samples(), set.numClasses(), c));
        }
    }

    @ParameterizedTest
    @MethodSource("defaults")
    void theSameSeedGivesTheSamePointsAndAnotherSeedOthers(SyntheticSet set) {
        assertThat(coordinates(set.generate(7))).isEqualTo(coordinates(set.generate(7)));
        assertThat(coordinates(set.generate(7))).isNotEqualTo(coordinates(set.generate(8)));
    }

    @ParameterizedTest
    @MethodSource({"defaults", "oddSizes"})
    void itsSourceTextParsesBackToItself(SyntheticSet set) {
        assertThat(SyntheticSet.parse(set.toSource())).contains(set);
    }

    @Test
    void sourcesNameTheSetAndOverrideSomeDefaults() {
        assertThat(SyntheticSet.parse("moons")).contains(Moons.DEFAULT);
        assertThat(SyntheticSet.parse("MOONS")).contains(Moons.DEFAULT);
        assertThat(SyntheticSet.parse("spirals: arms=2 , samples=50")).contains(new Spirals(50, 2, 0.2));
        assertThat(SyntheticSet.parse("blobs:centers=5")).contains(new Blobs(300, 5, 1.0));
        assertThat(SyntheticSet.parse("circles:factor=0.3,noise=0")).contains(new Circles(300, 0, 0.3));
        assertThat(SyntheticSet.parse("iris")).isEmpty();
        assertThat(Moons.DEFAULT.toSource()).isEqualTo("moons:samples=300,noise=0.1");
    }

    @Test
    void circlesWithoutNoiseLieOnTheirRadii() {
        Examples points = new Circles(40, 0, 0.3).generate(1);
        for (int r = 0; r < points.size(); r++) {
            double radius = Math.hypot(points.feature(r, 0), points.feature(r, 1));
            assertThat(radius).isCloseTo(points.label(r) == 0 ? 1 : 0.3, within(1e-6));
        }
    }

    @Test
    void moonsWithoutNoiseFollowSklearnsArcs() {
        Examples points = new Moons(6, 0).generate(1);
        // upper: cos/sin of 0, pi/2, pi; lower: 1 - cos, 0.5 - sin of the same angles
        float[][] expected = {{1, 0}, {0, 1}, {-1, 0}, {0, 0.5f}, {1, -0.5f}, {2, 0.5f}};
        for (int r = 0; r < 6; r++) {
            assertThat(points.feature(r, 0)).isCloseTo(expected[r][0], within(1e-6f));
            assertThat(points.feature(r, 1)).isCloseTo(expected[r][1], within(1e-6f));
        }
        assertThat(points.classNames()).containsExactly("upper", "lower");
    }

    @Test
    void loadingSplitsAndStandardisesLikeAnyTable() {
        LoadedData moons = Datasets.load(DataOptions.of("moons:samples=100"));
        assertThat(moons.name()).isEqualTo("moons");
        assertThat(moons.numFeatures()).isEqualTo(2);
        assertThat(moons.numClasses()).isEqualTo(2);
        assertShape(moons.train(), 80, 2, 2);
        assertShape(moons.validation(), 20, 2, 2);
        DataAssertions.assertStandardised(moons.train());

        LoadedData spirals = Datasets.load(DataOptions.of("spirals").withLimit(60));
        assertThat(spirals.trainSize() + spirals.validationSize()).isEqualTo(60);
        assertThat(spirals.classNames()).containsExactly("arm 0", "arm 1", "arm 2");
    }

    @Test
    void theSeedOfTheOptionsDrivesGeneration() {
        LoadedData a = Datasets.load(DataOptions.of("blobs").withSeed(3));
        LoadedData b = Datasets.load(DataOptions.of("blobs").withSeed(3));
        LoadedData c = Datasets.load(DataOptions.of("blobs").withSeed(4));
        assertThat(b.train()).isEqualTo(a.train());
        assertThat(c.train().getFeatures()).isNotEqualTo(a.train().getFeatures());
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> SyntheticSet.parse("moons:size=5")).isInstanceOf(DataException.class)
                .hasMessage("moons: unknown parameter 'size' (moons takes samples, noise)");
        assertThatThrownBy(() -> SyntheticSet.parse("moons:samples"))
                .hasMessage("moons: 'samples' should be name=value, e.g. samples=300");
        assertThatThrownBy(() -> SyntheticSet.parse("moons:samples=1,samples=2"))
                .hasMessage("moons: samples is given twice");
        assertThatThrownBy(() -> SyntheticSet.parse("moons:samples=many"))
                .hasMessage("moons: samples must be an integer (got 'many')");
        assertThatThrownBy(() -> SyntheticSet.parse("moons:noise=lots"))
                .hasMessage("moons: noise must be a number (got 'lots')");
        assertThatThrownBy(() -> SyntheticSet.parse("moons:samples=3"))
                .hasMessage("moons: samples must be an integer >= 4 (got 3)");
        assertThatThrownBy(() -> SyntheticSet.parse("moons:noise=-0.1"))
                .hasMessage("moons: noise must be a finite number >= 0 (got -0.1)");
        assertThatThrownBy(() -> SyntheticSet.parse("circles:factor=1"))
                .hasMessage("circles: factor must be in (0, 1) (got 1)");
        assertThatThrownBy(() -> SyntheticSet.parse("spirals:arms=1"))
                .hasMessage("spirals: arms must be an integer in [2, 12] (got 1)");
        assertThatThrownBy(() -> SyntheticSet.parse("spirals:arms=4,samples=7"))
                .hasMessage("spirals: samples must be an integer >= 8 (got 7)");
        assertThatThrownBy(() -> SyntheticSet.parse("blobs:centers=21"))
                .hasMessage("blobs: centers must be an integer in [2, 20] (got 21)");
        assertThatThrownBy(() -> Datasets.load(DataOptions.of("blobs:clusterStd=-1")))
                .hasMessage("blobs: clusterStd must be a finite number >= 0 (got -1)");
    }

    @Test
    void builtInNamesListIrisTheSyntheticSetsAndShapes() {
        assertThat(Datasets.builtInNames()).containsExactly("iris", "spirals", "moons", "circles", "blobs", "shapes");
    }

    private static List<Float> coordinates(Examples points) {
        return Stream.iterate(0, i -> i < points.size(), i -> i + 1)
                .flatMap(r -> Stream.of(points.feature(r, 0), points.feature(r, 1)))
                .toList();
    }
}
