package lrwb.app.chart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumberLabelsTest {
    @Test
    void decadesReadLikeLearningRates() {
        assertThat(NumberLabels.decade(-6)).isEqualTo("1e-6");
        assertThat(NumberLabels.decade(-3)).isEqualTo("1e-3");
        assertThat(NumberLabels.decade(-2)).isEqualTo("0.01");
        assertThat(NumberLabels.decade(-1)).isEqualTo("0.1");
        assertThat(NumberLabels.decade(0)).isEqualTo("1");
        assertThat(NumberLabels.decade(2)).isEqualTo("100");
        assertThat(NumberLabels.decade(3)).isEqualTo("1e3");
    }

    @Test
    void significantDigitsWithoutTrailingZeros() {
        assertThat(NumberLabels.significant(0.1, 3)).isEqualTo("0.1");
        assertThat(NumberLabels.significant(0.0031623, 3)).isEqualTo("0.00316");
        assertThat(NumberLabels.significant(0.00031623, 3)).isEqualTo("3.16e-4");
        assertThat(NumberLabels.significant(12_345, 3)).isEqualTo("12,300");
        assertThat(NumberLabels.significant(12_345, 9)).isEqualTo("12,345");
        assertThat(NumberLabels.significant(0, 3)).isEqualTo("0");
    }

    @Test
    void linearTicksShowJustEnoughDecimals() {
        assertThat(NumberLabels.linearTick(0.060000000000000005, 0.02)).isEqualTo("0.06");
        assertThat(NumberLabels.linearTick(0.1, 0.02)).isEqualTo("0.1");
        assertThat(NumberLabels.linearTick(10_000, 2000)).isEqualTo("10,000");
        assertThat(NumberLabels.linearTick(4e-4, 2e-4)).isEqualTo("4e-4");
        assertThat(NumberLabels.linearTick(1e-17, 0.02)).isEqualTo("0");
    }
}
