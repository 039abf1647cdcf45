package lrwb.engine.schedule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keras' CosineDecay example warms up from 0; without a warmup, lr 0 would be a schedule that never learns. */
class CosineWarmupFromZeroTest {

    @Test
    void warmupMayStartFromZero() {
        FormulaSchedule s = (FormulaSchedule) ScheduleJson.parse(
                "{\"type\":\"cosine\",\"lr\":0,\"decaySteps\":100,\"warmupSteps\":10,\"warmupTarget\":0.1}");
        assertThat(s.lr(0)).isEqualTo(0.0);
        assertThat(s.lr(5)).isEqualTo(0.05);
        assertThat(s.lr(10)).isEqualTo(0.1);
    }

    @Test
    void withoutWarmupLrZeroIsRefused() {
        assertThatThrownBy(() -> ScheduleJson.parse("{\"type\":\"cosine\",\"lr\":0,\"decaySteps\":100}"))
                .hasMessage("cosine.lr must be a finite number > 0 (got 0)");
    }
}
