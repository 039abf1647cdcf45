package lrwb.engine.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataOptionsTest {

    @Test
    void ofGivesTheDocumentedDefaults() {
        DataOptions options = DataOptions.of(" iris ");
        assertThat(options).isEqualTo(new DataOptions("iris", null, HeaderMode.AUTO, 0.2, null, 42));
    }

    @Test
    void withersChangeOneFieldEach() {
        DataOptions options = DataOptions.of("csv:a.csv")
                .withSeed(7).withLimit(100).withValSplit(0.25).withHeader(HeaderMode.NO).withLabelColumn("0");
        assertThat(options).isEqualTo(new DataOptions("csv:a.csv", "0", HeaderMode.NO, 0.25, 100, 7));
        assertThat(options.withSource("iris").source()).isEqualTo("iris");
        assertThat(options.withLimit(null).limit()).isNull();
    }

    @Test
    void blankLabelColumnAndNullHeaderMeanTheDefaults() {
        DataOptions options = new DataOptions("iris", "  ", null, 0.2, null, 1);
        assertThat(options.labelColumn()).isNull();
        assertThat(options.header()).isEqualTo(HeaderMode.AUTO);
    }

    @Test
    void valSplitMustLieStrictlyBetweenZeroAndOne() {
        DataOptions options = DataOptions.of("iris");
        assertThatThrownBy(() -> options.withValSplit(0)).isInstanceOf(DataException.class)
                .hasMessage("valSplit must be in (0, 1) (got 0)");
        assertThatThrownBy(() -> options.withValSplit(1)).hasMessage("valSplit must be in (0, 1) (got 1)");
        assertThatThrownBy(() -> options.withValSplit(1.5)).hasMessage("valSplit must be in (0, 1) (got 1.5)");
        assertThatThrownBy(() -> options.withValSplit(-0.1)).hasMessage("valSplit must be in (0, 1) (got -0.1)");
        assertThatThrownBy(() -> options.withValSplit(Double.NaN)).hasMessage("valSplit must be in (0, 1) (got NaN)");
    }

    @Test
    void limitMustBePositive() {
        assertThatThrownBy(() -> DataOptions.of("iris").withLimit(0)).isInstanceOf(DataException.class)
                .hasMessage("limit must be an integer > 0 (got 0)");
        assertThatThrownBy(() -> DataOptions.of("iris").withLimit(-5))
                .hasMessage("limit must be an integer > 0 (got -5)");
    }

    @Test
    void aSourceIsRequired() {
        assertThatThrownBy(() -> DataOptions.of(" ")).isInstanceOf(DataException.class)
                .hasMessage("no dataset given: use iris, spirals, moons, circles, blobs, shapes, csv:PATH, idx:DIR, cifar:DIR or images:DIR");
        assertThatThrownBy(() -> DataOptions.of(null))
                .hasMessage("no dataset given: use iris, spirals, moons, circles, blobs, shapes, csv:PATH, idx:DIR, cifar:DIR or images:DIR");
    }

    @Test
    void headerModesParseAsTheCliSpellsThem() {
        assertThat(HeaderMode.parse("auto")).isEqualTo(HeaderMode.AUTO);
        assertThat(HeaderMode.parse(" YES ")).isEqualTo(HeaderMode.YES);
        assertThat(HeaderMode.parse("no")).isEqualTo(HeaderMode.NO);
        assertThatThrownBy(() -> HeaderMode.parse("maybe")).isInstanceOf(DataException.class)
                .hasMessage("header must be auto, yes or no (got 'maybe')");
    }
}
