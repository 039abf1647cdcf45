package lrwb.engine.data;

import org.junit.jupiter.api.Test;

import static lrwb.engine.data.DataAssertions.assertShape;
import static lrwb.engine.data.DataAssertions.classCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The synthetic {@code shapes} image set: its options, its determinism and what its images hold. */
class ShapesTest {
    @Test
    void parsesItsOptionsAndWritesThemBack() {
        assertThat(Shapes.parse("shapes")).contains(Shapes.DEFAULT);
        assertThat(Shapes.parse("SHAPES: size=16, samples=40")).contains(new Shapes(40, 16, 0.1, null));
        assertThat(Shapes.parse("shapes:noise=0,seed=-7")).contains(new Shapes(2000, 32, 0, -7L));
        assertThat(Shapes.parse("moons")).isEmpty();
        Shapes set = new Shapes(100, 24, 0.25, 3L);
        assertThat(set.toSource()).isEqualTo("shapes:samples=100,size=24,noise=0.25,seed=3");
        assertThat(Shapes.parse(set.toSource())).contains(set);
        assertThat(Shapes.DEFAULT.toSource()).isEqualTo("shapes:samples=2000,size=32,noise=0.1");
    }

    @Test
    void badOptionsAreRefusedWithTheRule() {
        assertFails("shapes:samples=3", "shapes: samples must be an integer in [4, 200000] (got 3)");
        assertFails("shapes:size=7", "shapes: size must be an integer in [8, 128] (got 7)");
        assertFails("shapes:size=129", "shapes: size must be an integer in [8, 128] (got 129)");
        assertFails("shapes:noise=-0.1", "shapes: noise must be a finite number >= 0 (got -0.1)");
        assertFails("shapes:noise=1.5", "shapes: noise must be in [0, 1] (got 1.5)");
        assertFails("shapes:seed=x", "shapes: seed must be an integer (got 'x')");
        assertFails("shapes:arms=2", "shapes: unknown parameter 'arms' (shapes takes samples, size, noise, seed)");
    }

    @Test
    void loadsAsImagesSplitByValSplitWithEveryClass() {
        LoadedData data = Datasets.load(DataOptions.of("shapes:samples=200,size=16").withValSplit(0.25));
        assertThat(data.name()).isEqualTo("shapes");
        assertThat(data.imageShape()).isEqualTo(new ImageShape(3, 16, 16));
        assertThat(data.classNames()).containsExactly("circle", "square", "triangle", "cross");
        assertShape(data.train(), 150, 768, 4);
        assertShape(data.validation(), 50, 768, 4);
        assertThat(java.util.Arrays.stream(classCounts(data.validation(), 4)).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(12, 13)); // stratified: 50 of each
        assertThat(data.train().getFeatures().minNumber().floatValue()).isGreaterThanOrEqualTo(0f);
        assertThat(data.train().getFeatures().maxNumber().floatValue()).isLessThanOrEqualTo(1f);
    }

    @Test
    void theSeedDecidesThePixels() {
        float[] a = Shapes.parse("shapes:samples=8,size=8").orElseThrow().generate(1).featureValues();
        assertThat(Shapes.parse("shapes:samples=8,size=8").orElseThrow().generate(1).featureValues()).containsExactly(a);
        assertThat(Shapes.parse("shapes:samples=8,size=8").orElseThrow().generate(2).featureValues()).isNotEqualTo(a);
        // a seed in the source fixes the images whatever the run's seed
        Shapes fixed = Shapes.parse("shapes:samples=8,size=8,seed=5").orElseThrow();
        assertThat(fixed.generate(1).featureValues()).containsExactly(fixed.generate(2).featureValues());
    }

    @Test
    void withoutNoiseAnImageHasTwoColoursAndTheShapeCoversItsArea() {
        Examples images = new Shapes(4, 32, 0, 9L).generate(0);
        for (int i = 0; i < 4; i++) {
            java.util.Set<String> colours = new java.util.HashSet<>();
            for (int p = 0; p < 32 * 32; p++) {
                colours.add(images.feature(i, p) + "," + images.feature(i, 1024 + p) + "," + images.feature(i, 2048 + p));
            }
            assertThat(colours).as("image of class %d", images.label(i)).hasSize(2);
        }
    }

    @Test
    void insideTestsMatchTheShapes() {
        assertThat(Shapes.inside(0, 0.7, 0.7, 1)).isTrue(); // circle: 0.98 <= 1
        assertThat(Shapes.inside(0, 0.75, 0.75, 1)).isFalse();
        assertThat(Shapes.inside(1, 0.75, 0.75, 1)).isTrue(); // square of half-side 0.8
        assertThat(Shapes.inside(1, 0.85, 0, 1)).isFalse();
        assertThat(Shapes.inside(2, 0, -0.9, 1)).isTrue(); // triangle: apex at the top
        assertThat(Shapes.inside(2, 0.5, -0.9, 1)).isFalse();
        assertThat(Shapes.inside(2, 0.9, 0.9, 1)).isTrue(); // wide at the bottom
        assertThat(Shapes.inside(3, 0.9, 0.2, 1)).isTrue(); // cross: the bar
        assertThat(Shapes.inside(3, 0.9, 0.9, 1)).isFalse(); // not a corner
    }

    private static void assertFails(String source, String message) {
        assertThatThrownBy(() -> Datasets.load(DataOptions.of(source))).isInstanceOf(DataException.class).hasMessage(message);
    }
}
