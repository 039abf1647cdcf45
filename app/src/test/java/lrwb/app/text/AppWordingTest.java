package lrwb.app.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Item 18 of issue 13: the window names fields, not the command line's options. */
class AppWordingTest {
    @Test
    void optionsBecomeFieldNames() {
        assertThat(AppWording.of("--model cnn: layers[0] needs image data; the data has 4 tabular features"))
                .isEqualTo("model cnn: layers[0] needs image data; the data has 4 tabular features");
        assertThat(AppWording.of("--batch-size 5000 is larger than the 120 training examples"))
                .isEqualTo("batch size 5000 is larger than the 120 training examples");
        assertThat(AppWording.of("lr 1e-3 -- not an option; x--y stays")).isEqualTo("lr 1e-3 -- not an option; x--y stays");
        assertThat(AppWording.of(null)).isEmpty();
    }
}
