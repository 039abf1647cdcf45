package lrwb.engine.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/** {@code "warmup": {"steps": W, "startFactor": s}} on any formula schedule (specs/schedules.md, "Warmup on any schedule"). */
class WarmupTest {

    private static FormulaSchedule parse(String json) {
        return (FormulaSchedule) ScheduleJson.parse(json);
    }

    private static InvalidSpecException refused(String json) {
        InvalidSpecException e = catchThrowableOfType(() -> ScheduleJson.parse(json), InvalidSpecException.class);
        assertThat(e).as("refusal of %s", json).isNotNull();
        return e;
    }

    @Test
    void rampsFromStartFactorTimesFZeroThenRunsTheScheduleLate() {
        FormulaSchedule constant = parse("{\"type\":\"constant\",\"lr\":1,\"warmup\":{\"steps\":4}}");
        assertThat(constant.curve(6, 1)).containsExactly(0, 0.25, 0.5, 0.75, 1, 1);

        // cosine lr 1 over 4 steps after a warmup of 2 from half: 0.5, 0.75, then f(0), f(1), ... f(4) = 0
        FormulaSchedule cosine = parse("{\"type\":\"cosine\",\"lr\":1,\"decaySteps\":4,\"warmup\":{\"steps\":2,\"startFactor\":0.5}}");
        double[] expected = {0.5, 0.75, 1, 0.853553, 0.5, 0.146447, 0, 0};
        for (int t = 0; t < expected.length; t++) {
            assertThat(cosine.lr(t)).as("t=%d", t).isCloseTo(expected[t], within(5e-7));
            assertThat(cosine.lrAtIteration(t, 3)).as("t=%d", t).isEqualTo(cosine.lr(t));
        }
        assertThat(cosine.type()).isEqualTo("cosine");
        assertThat(cosine.initialLr()).isEqualTo(0.5);
    }

    @Test
    void countsInTheSchedulesUnit() {
        FormulaSchedule s = parse("{\"type\":\"step\",\"lr\":1,\"stepSize\":1,\"gamma\":0.5,\"unit\":\"epoch\",\"warmup\":{\"steps\":2}}");
        // 3 batches per epoch: epochs 0, 1 ramp (0, 0.5), then the step decay from epoch 2 as if it were epoch 0
        assertThat(s.curve(15, 3)).containsExactly(0, 0, 0, 0.5, 0.5, 0.5, 1, 1, 1, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25);
        assertThat(new Dl4jSchedule(s, 3).valueAt(9, 3)).isEqualTo(0.5);
    }

    @Test
    void aSequentialIsShiftedWholeAndItsPartsMayHaveTheirOwn() {
        FormulaSchedule s = parse("{\"type\":\"sequential\",\"milestones\":[2],\"warmup\":{\"steps\":2,\"startFactor\":0.5},"
                + "\"schedules\":[{\"type\":\"constant\",\"lr\":1},{\"type\":\"constant\",\"lr\":0.1,\"warmup\":{\"steps\":2}}]}");
        assertThat(s.curve(7, 1)).containsExactly(0.5, 0.75, 1, 1, 0, 0.05, 0.1);
    }

    @Test
    void writtenAsAnObjectAfterTheParametersAndReadBackEqual() {
        FormulaSchedule s = parse("{\"type\":\"wsd\",\"lr\":0.1,\"stableSteps\":10,\"decaySteps\":5,\"unit\":\"epoch\","
                + "\"warmup\":{\"steps\":3,\"startFactor\":0.1}}");
        assertThat(s).isEqualTo(new WarmedUpSchedule(new WsdSchedule(0.1, 0, 10, 5, 0, WsdSchedule.WarmupType.LINEAR,
                WsdSchedule.DecayType.COSINE, Unit.EPOCH), new Warmup(3, 0.1)));
        assertThat(ScheduleJson.toTree(s).toString()).isEqualTo("{\"type\":\"wsd\",\"lr\":0.1,\"warmupSteps\":0,\"stableSteps\":10,"
                + "\"decaySteps\":5,\"minLrRatio\":0.0,\"warmupType\":\"linear\",\"decayType\":\"cosine\","
                + "\"warmup\":{\"steps\":3,\"startFactor\":0.1},\"unit\":\"epoch\"}");
        assertThat(ScheduleJson.parse(ScheduleJson.write(s))).isEqualTo(s);
        assertThat(parse("{\"type\":\"linear\",\"lr\":0.1,\"warmup\":{\"steps\":3}}"))
                .isEqualTo(new WarmedUpSchedule(new LinearSchedule(0.1, 1.0 / 3, 1, 5, Unit.ITERATION), new Warmup(3, 0)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"type":"constant","lr":1,"warmup":{"steps":0}}                        | constant.warmup.steps must be an integer > 0 (got 0)
            {"type":"constant","lr":1,"warmup":{}}                                 | constant.warmup.steps is required
            {"type":"constant","lr":1,"warmup":{"steps":2,"startFactor":1.5}}      | constant.warmup.startFactor must be in [0, 1] (got 1.5)
            {"type":"constant","lr":1,"warmup":{"steps":2.5}}                      | constant.warmup.steps must be an integer (got 2.5)
            {"type":"constant","lr":1,"warmup":5}                                  | constant.warmup must be an object {"steps": W, "startFactor": s} (got 5)
            {"type":"constant","lr":1,"warmup":{"steps":2,"start":0.1}}            | constant.warmup.start is not a field of constant.warmup (its fields: steps, startFactor)
            {"type":"constant","lr":0,"warmup":{"steps":2}}                        | constant.lr must be a finite number > 0 (got 0)
            """)
    void badWarmupsNameTheFieldAndTheRule(String json, String message) {
        assertThat(refused(json)).hasMessage(message);
    }

    @Test
    void plateauHasNoWarmupAndPartsReportTheirPlace() {
        assertThat(refused("{\"type\":\"plateau\",\"lr\":0.1,\"warmup\":{\"steps\":2}}").field()).isEqualTo("plateau.warmup");
        assertThat(refused("{\"type\":\"sequential\",\"milestones\":[2],\"schedules\":[{\"type\":\"constant\",\"lr\":1},"
                + "{\"type\":\"constant\",\"lr\":1,\"warmup\":{\"steps\":-1}}]}"))
                .hasMessage("sequential.schedules[1].constant.warmup.steps must be an integer > 0 (got -1)");
        assertThat(catchThrowableOfType(() -> new WarmedUpSchedule(new WarmedUpSchedule(new ConstantSchedule(1),
                new Warmup(2, 0)), new Warmup(2, 0)), InvalidSpecException.class))
                .hasMessage("constant.warmup is already set: a schedule has one warmup");
        assertThat(List.of(new Warmup(1, 1).startFactor())).containsExactly(1.0);
    }
}
