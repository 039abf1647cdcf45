package lrwb.app.designer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Item 17 of issue 13: the Designer's read-out counts epochs from 1, as Training's charts and messages do. */
class DesignerChartReadoutTest {
    @Test
    void anUpdateIsInTheEpochTheAxisMarkEndsCountedFromOne() {
        assertThat(DesignerChart.readout(4989, 100)).isEqualTo("iteration 4989  ·  epoch 50");
        assertThat(DesignerChart.readout(0, 100)).isEqualTo("iteration 0  ·  epoch 1");
        assertThat(DesignerChart.readout(100, 100)).isEqualTo("iteration 100  ·  epoch 2");
    }
}
