package lrwb.engine.inspect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bilinear resizing with half-pixel centres and normalisation, by hand. */
class HeatMapTest {
    @Test
    void aTwoByTwoMapDoublesAsImageLibrariesResizeIt() {
        HeatMap map = new HeatMap(2, 2, new float[] {0, 4, 8, 12});

        // output pixels read the input at -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1)
        assertThat(map.resized(4, 4).values()).containsExactly(
                0, 1, 3, 4,
                2, 3, 5, 6,
                6, 7, 9, 10,
                8, 9, 11, 12);
    }

    @Test
    void normalisingDividesByTheMaximumAndKeepsAZeroMapZero() {
        assertThat(new HeatMap(1, 3, new float[] {0, 2, 4}).normalised().values()).containsExactly(0, 0.5f, 1);
        assertThat(new HeatMap(1, 2, new float[] {0, 0}).normalised().values()).containsExactly(0, 0);
    }
}
