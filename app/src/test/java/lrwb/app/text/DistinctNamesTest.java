package lrwb.app.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DistinctNamesTest {

    @Test
    void keepsOnlyWhatDiffers() {
        assertThat(DistinctNames.of(List.of("iris · mlp:64,32 · sgd · constant 0.05", "iris · mlp:64,32 · sgd · cosine 0.1",
                "iris · mlp:64,32 · adam · cosine 0.1")))
                .containsExactly("sgd · constant 0.05", "sgd · cosine 0.1", "adam · cosine 0.1");
    }

    @Test
    void aSingleRunOrIdenticalRunsAreNamedByTheirSchedule() {
        assertThat(DistinctNames.of(List.of("iris · mlp:16 · sgd · constant 0.05"))).containsExactly("constant 0.05");
        assertThat(DistinctNames.of(List.of("a · b", "a · b"))).containsExactly("b", "b");
    }

    @Test
    void namesOfDifferentShapesStayWhole() {
        assertThat(DistinctNames.of(List.of("my run", "iris · mlp:16 · sgd · constant 0.05")))
                .containsExactly("my run", "iris · mlp:16 · sgd · constant 0.05");
    }
}
