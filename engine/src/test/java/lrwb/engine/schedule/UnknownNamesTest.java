package lrwb.engine.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A misspelt field or type is named, with the closest valid name when there is a close one. */
class UnknownNamesTest {

    private static InvalidSpecException refused(String json) {
        InvalidSpecException e = catchThrowableOfType(() -> ScheduleJson.parse(json), InvalidSpecException.class);
        assertThat(e).as("refusal of %s", json).isNotNull();
        return e;
    }

    @Test
    void unknownFieldIsReportedBeforeTheRequiredOneItWasMeantToBe() {
        InvalidSpecException e = refused("{\"type\":\"constant\",\"lrr\":0.1}");

        assertThat(e).hasMessage("constant.lrr is not a field of constant (did you mean \"lr\"?)");
        assertThat(e.field()).isEqualTo("constant.lrr");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"type\":\"step\",\"lr\":0.1,\"stepSize\":5,\"gama\":0.5}             | step.gama is not a field of step (did you mean \"gamma\"?)",
            "{\"type\":\"step\",\"lr\":0.1,\"stepsize\":5}                          | step.stepsize is not a field of step (did you mean \"stepSize\"?)",
            "{\"type\":\"cyclic\",\"baseLR\":0.1,\"maxLr\":1}                       | cyclic.baseLR is not a field of cyclic (did you mean \"baseLr\"?)",
            "{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalStpes\":100}               | oneCycle.totalStpes is not a field of oneCycle (did you mean \"totalSteps\"?)",
            "{\"type\":\"constant\",\"lr\":0.1,\"foo\":1}                           | constant.foo is not a field of constant (its fields: lr, warmup, unit)",
            "{\"type\":\"constant\",\"xy\":0.1}                                     | constant.xy is not a field of constant (its fields: lr, warmup, unit)",
            "{\"type\":\"cosine\",\"lr\":0.1,\"decaySteps\":5,\"warmpu\":3}         | cosine.warmpu is not a field of cosine (did you mean \"warmup\"?)",
            "{\"type\":\"plateau\",\"lr\":0.1,\"wamrup\":3}                       | plateau.wamrup is not a field of plateau (its fields: lr, monitor, mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps, unit)"})
    void closestFieldOnlyWhenClose(String json, String message) {
        assertThat(refused(json)).hasMessage(message);
    }

    @Test
    void insideASequentialTheFieldIsPrefixed() {
        assertThat(refused("{\"type\":\"sequential\",\"milestones\":[5],\"schedules\":[{\"type\":\"constant\",\"lr\":0.1},"
                + "{\"type\":\"constant\",\"lrr\":0.1}]}"))
                .hasMessage("sequential.schedules[1].constant.lrr is not a field of constant (did you mean \"lr\"?)");
    }

    @Test
    void aFieldNameWithANewlineIsQuoted() {
        assertThat(refused("{\"type\":\"constant\",\"lr\":0.1,\"l\\nr\":1}"))
                .hasMessage("constant.\"l\\nr\" is not a field of constant (did you mean \"lr\"?)");
    }

    @Test
    void unknownTypeSuggestsTheClosestType() {
        assertThat(refused("{\"type\":\"cosin\",\"lr\":0.1}").getMessage())
                .startsWith("type must be one of constant, step, multiStep,")
                .endsWith("(got \"cosin\"; did you mean \"cosine\"?)");
        assertThat(refused("{\"type\":\"onecycle\",\"maxLr\":0.1}").getMessage()).endsWith("did you mean \"oneCycle\"?)");
        assertThat(refused("{\"type\":\"zigzag\",\"lr\":0.1}").getMessage()).endsWith("(got \"zigzag\")");
        assertThat(refused("{\"type\":\"con\\nstant\",\"lr\":0.1}").getMessage()).contains("(got \"con\\nstant\"");
    }

    @Test
    void editDistanceCountsASwapOfNeighboursAsOne() {
        assertThat(ClosestName.distance("gmama", "gamma")).isEqualTo(1);
        assertThat(ClosestName.distance("gmaam", "gamma")).isEqualTo(2);
        assertThat(ClosestName.distance("lrr", "lr")).isEqualTo(1);
        assertThat(ClosestName.distance("stpe", "step")).isEqualTo(1);
        assertThat(ClosestName.distance("", "lr")).isEqualTo(2);
    }
}
