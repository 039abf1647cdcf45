package lrwb.engine.schedule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumberTextTest {
    @Test
    void writesNumbersAsPeopleDo() {
        assertThat(NumberText.of(2000)).isEqualTo("2000");
        assertThat(NumberText.of(0.01)).isEqualTo("0.01");
        assertThat(NumberText.of(1e-4)).isEqualTo("1e-4");
        assertThat(NumberText.of(2.5e-7)).isEqualTo("2.5e-7");
        assertThat(NumberText.of(-3)).isEqualTo("-3");
        assertThat(NumberText.of(Double.NaN)).isEqualTo("NaN");
        assertThat(Double.parseDouble(NumberText.of(0.1 + 0.2))).isEqualTo(0.1 + 0.2);
    }
}
