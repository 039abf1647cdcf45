package lrwb.app.text;

import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.CyclicSchedule;
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.ScheduleJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleSummaryTest {

    @Test
    void namesTheTypeAndTheLrThatMatters() {
        assertThat(ScheduleSummary.of(new ConstantSchedule(0.05))).isEqualTo("constant 0.05");
        assertThat(ScheduleSummary.of(new PlateauSchedule(0.1))).isEqualTo("plateau 0.1");
        assertThat(ScheduleSummary.of(ScheduleJson.parse("{\"type\":\"cyclic\",\"baseLr\":0.001,\"maxLr\":0.1}")))
                .isEqualTo("cyclic 0.001–0.1");
        assertThat(ScheduleSummary.of(ScheduleJson.parse("{\"type\":\"oneCycle\",\"maxLr\":0.3,\"totalSteps\":100}")))
                .isEqualTo("oneCycle max 0.3");
        assertThat(ScheduleSummary.of(ScheduleJson.parse(
                "{\"type\":\"piecewise\",\"boundaries\":[10],\"values\":[0.1,0.01]}"))).isEqualTo("piecewise from 0.1");
        assertThat(ScheduleSummary.of(ScheduleJson.parse("{\"type\":\"sequential\",\"milestones\":[5],\"schedules\":["
                + "{\"type\":\"linear\",\"lr\":0.1},{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":100}]}")))
                .isEqualTo("sequential: linear cosine");
        assertThat(ScheduleSummary.of(ScheduleJson.parse("{\"type\":\"wsd\",\"lr\":0.1,\"warmupSteps\":10,\"stableSteps\":10,"
                + "\"decaySteps\":10}"))).isEqualTo("wsd 0.1");
        assertThat(ScheduleSummary.of(ScheduleJson.parse("{\"type\":\"inverseSqrt\",\"lr\":0.001,\"warmupSteps\":4000}")))
                .isEqualTo("inverseSqrt 0.001");
        assertThat(ScheduleSummary.of(ScheduleJson.parse("{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":10,\"warmup\":{\"steps\":2}}")))
                .isEqualTo("cosine 0.1 + warmup");
        assertThat(ScheduleSummary.of(null)).isEqualTo("–");
        assertThat(CyclicSchedule.TYPE).isEqualTo("cyclic");
    }
}
