package lrwb.engine.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Cyclical momentum (specs/schedules.md, "Cyclical momentum"): the spec's worked values, and the values
 * PyTorch 1.13's OneCycleLR and CyclicLR set in {@code param_groups[0]['momentum']} before each of the
 * first updates (printed by stepping an SGD optimizer with each scheduler once per update).
 */
class MomentumCurveTest {

    private static MomentumCurve curve(String json) {
        return MomentumCurve.of(ScheduleJson.parse(json)).orElseThrow();
    }

    private static void assertCurve(MomentumCurve curve, double... expected) {
        double[] actual = curve.curve(expected.length, 1);
        for (int t = 0; t < expected.length; t++) {
            assertThat(actual[t]).as("momentum at t=%d", t).isCloseTo(expected[t], within(1e-9));
        }
    }

    private static InvalidSpecException refused(String json) {
        InvalidSpecException e = catchThrowableOfType(() -> ScheduleJson.parse(json), InvalidSpecException.class);
        assertThat(e).as("refusal of %s", json).isNotNull();
        return e;
    }

    @Test
    void oneCycleWorkedValuesGoFromMaxToBaseAndBack() {
        // the spec's oneCycle worked example (LR 1,13,25,21.5,...,0.5) with the default momenta 0.85 / 0.95
        MomentumCurve m = curve("{\"type\":\"oneCycle\",\"maxLr\":25,\"totalSteps\":10,\"divFactor\":25,"
                + "\"finalDivFactor\":2,\"anneal\":\"linear\"}");
        assertCurve(m, 0.95, 0.9, 0.85, 0.8642857143, 0.8785714286, 0.8928571429, 0.9071428571, 0.9214285714,
                0.9357142857, 0.95);
        assertThat(m.atIteration(50, 1)).as("after the cycle, as the LR's min").isEqualTo(0.95);
    }

    @Test
    void oneCycleThreePhaseCosineHoldsMaxInTheLastPhase() {
        MomentumCurve m = curve("{\"type\":\"oneCycle\",\"maxLr\":1,\"totalSteps\":20,\"pctStart\":0.25,"
                + "\"divFactor\":10,\"finalDivFactor\":100,\"threePhase\":true}");
        assertCurve(m, 0.95, 0.9353553391, 0.9, 0.8646446609, 0.85, 0.8646446609, 0.9, 0.9353553391, 0.95,
                0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95);
    }

    @Test
    void oneCycleTakesItsOwnMomenta() {
        MomentumCurve m = curve("{\"type\":\"oneCycle\",\"maxLr\":1,\"totalSteps\":10,\"baseMomentum\":0.8,\"maxMomentum\":0.9}");
        assertCurve(m, 0.9, 0.85, 0.8, 0.8049515566, 0.8188255099, 0.8388739533, 0.8611260467, 0.8811744901,
                0.8950484434, 0.9);
    }

    @Test
    void cyclicWorkedValuesMirrorTheLrTriangle() {
        // LR 1,2,3,4,5,4,3,2,1,2,3: momentum 0.9 − 0.1·s with the defaults 0.8 / 0.9
        assertCurve(curve("{\"type\":\"cyclic\",\"baseLr\":1,\"maxLr\":5,\"stepSizeUp\":4}"),
                0.9, 0.875, 0.85, 0.825, 0.8, 0.825, 0.85, 0.875, 0.9, 0.875, 0.85);
        assertCurve(curve("{\"type\":\"cyclic\",\"baseLr\":1,\"maxLr\":5,\"stepSizeUp\":4,\"mode\":\"triangular2\"}"),
                0.9, 0.875, 0.85, 0.825, 0.8, 0.825, 0.85, 0.875, 0.9, 0.8875, 0.875, 0.8625, 0.85, 0.8625, 0.875,
                0.8875, 0.9, 0.89375, 0.8875, 0.88125, 0.875, 0.88125);
    }

    @Test
    void cyclicExpRangeScalesTheMomentumSwingByGammaToTheT() {
        assertCurve(curve("{\"type\":\"cyclic\",\"baseLr\":1,\"maxLr\":5,\"stepSizeUp\":2,\"stepSizeDown\":6,"
                + "\"mode\":\"expRange\",\"gamma\":0.9}"),
                0.9, 0.855, 0.819, 0.83925, 0.85626, 0.8704755, 0.8822853, 0.892028385, 0.9, 0.8806289755);
    }

    @Test
    void aWarmupHoldsTheFirstMomentumThenTheCycleStartsLate() {
        MomentumCurve m = curve("{\"type\":\"cyclic\",\"baseLr\":1,\"maxLr\":5,\"stepSizeUp\":4,\"warmup\":{\"steps\":3}}");
        assertCurve(m, 0.9, 0.9, 0.9, 0.9, 0.875, 0.85, 0.825, 0.8, 0.825);
    }

    @Test
    void epochUnitsCountEpochsForTheMomentumAsForTheLr() {
        MomentumCurve m = curve("{\"type\":\"cyclic\",\"baseLr\":1,\"maxLr\":5,\"stepSizeUp\":2,\"unit\":\"epoch\","
                + "\"warmup\":{\"steps\":1}}");
        // 2 batches per epoch: epoch 0 is the warmup, then epochs 0, 1, 2 of the cycle: 0.9, 0.85, 0.8
        double[] expected = {0.9, 0.9, 0.9, 0.9, 0.85, 0.85, 0.8, 0.8};
        double[] actual = m.curve(8, 2);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("iteration %d", i).isCloseTo(expected[i], within(1e-12));
        }
    }

    @Test
    void noCurveWithoutCycleMomentumOrForOtherTypes() {
        assertThat(MomentumCurve.of(ScheduleJson.parse("{\"type\":\"oneCycle\",\"maxLr\":1,\"totalSteps\":10,"
                + "\"cycleMomentum\":false}"))).isEmpty();
        assertThat(MomentumCurve.of(ScheduleJson.parse("{\"type\":\"constant\",\"lr\":0.1}"))).isEmpty();
        assertThat(MomentumCurve.of(ScheduleJson.parse("{\"type\":\"plateau\",\"lr\":0.1}"))).isEmpty();
    }

    @Test
    void insideASequentialMomentumDoesNotCycleAndTheNoteSaysWhy() {
        ScheduleSpec s = ScheduleJson.parse("{\"type\":\"sequential\",\"milestones\":[5],\"schedules\":["
                + "{\"type\":\"constant\",\"lr\":0.01},{\"type\":\"oneCycle\",\"maxLr\":1,\"totalSteps\":10}]}");
        assertThat(MomentumCurve.of(s)).isEmpty();
        assertThat(MomentumCurve.unusedIn(s)).contains("momentum is not cycled: schedules[1] (oneCycle) of the sequential"
                + " set cycleMomentum, but momentum cycles only when the whole schedule is cyclic or oneCycle;"
                + " the optimizer's own momentum holds");
        assertThat(MomentumCurve.unusedIn(ScheduleJson.parse("{\"type\":\"oneCycle\",\"maxLr\":1,\"totalSteps\":10}"))).isEmpty();
    }

    @Test
    void defaultsAreTorchsAndAreWrittenOut() {
        OneCycleSchedule one = (OneCycleSchedule) ScheduleJson.parse("{\"type\":\"oneCycle\",\"maxLr\":1,\"totalSteps\":10}");
        assertThat(one.cycleMomentum()).isTrue();
        assertThat(one.baseMomentum()).isEqualTo(0.85);
        assertThat(one.maxMomentum()).isEqualTo(0.95);
        CyclicSchedule cyc = (CyclicSchedule) ScheduleJson.parse("{\"type\":\"cyclic\",\"baseLr\":1,\"maxLr\":5}");
        assertThat(cyc.cycleMomentum()).isTrue();
        assertThat(cyc.baseMomentum()).isEqualTo(0.8);
        assertThat(cyc.maxMomentum()).isEqualTo(0.9);

        JsonNode tree = ScheduleJson.toTree(one);
        assertThat(tree.get("cycleMomentum").booleanValue()).isTrue();
        assertThat(tree.get("baseMomentum").doubleValue()).isEqualTo(0.85);
        assertThat(tree.get("maxMomentum").doubleValue()).isEqualTo(0.95);
    }

    @Test
    void roundTripsThroughJson() {
        ScheduleSpec s = new CyclicSchedule(0.001, 0.01, 5, 7, CyclicSchedule.Mode.TRIANGULAR2, 1, false, 0.5, 0.7, Unit.EPOCH);
        assertThat(ScheduleJson.parse(ScheduleJson.write(s))).isEqualTo(s);
        ScheduleSpec o = new OneCycleSchedule(0.1, 100, 0.3, OneCycleSchedule.Anneal.COS, 25, 1e4, true, true, 0.8, 0.99,
                Unit.ITERATION);
        assertThat(ScheduleJson.parse(ScheduleJson.write(o))).isEqualTo(o);
    }

    @Test
    void badMomentaAreRefusedNamingTheField() {
        assertThat(refused("{\"type\":\"oneCycle\",\"maxLr\":1,\"totalSteps\":10,\"baseMomentum\":1}"))
                .hasMessage("oneCycle.baseMomentum must be in [0, 1) (got 1)");
        assertThat(refused("{\"type\":\"cyclic\",\"baseLr\":1,\"maxLr\":5,\"maxMomentum\":-0.1}"))
                .hasMessage("cyclic.maxMomentum must be in [0, 1) (got -0.1)");
        InvalidSpecException swapped = refused("{\"type\":\"cyclic\",\"baseLr\":1,\"maxLr\":5,\"baseMomentum\":0.9,\"maxMomentum\":0.8}");
        assertThat(swapped).hasMessage("cyclic.maxMomentum must be >= baseMomentum (got 0.8 < 0.9)");
        assertThat(swapped.field()).isEqualTo("cyclic.maxMomentum");
        assertThat(refused("{\"type\":\"oneCycle\",\"maxLr\":1,\"totalSteps\":10,\"cycleMomentum\":\"yes\"}"))
                .hasMessage("oneCycle.cycleMomentum must be true or false (got \"yes\")");
        assertThat(refused("{\"type\":\"oneCycle\",\"maxLr\":1,\"totalSteps\":10,\"maxMomentm\":0.9}"))
                .hasMessageContaining("did you mean \"maxMomentum\"?");
        assertThat(refused("{\"type\":\"constant\",\"lr\":1,\"cycleMomentum\":true}").field()).isEqualTo("constant.cycleMomentum");
    }

    @Test
    void equalMomentaHoldItStill() {
        assertCurve(curve("{\"type\":\"oneCycle\",\"maxLr\":1,\"totalSteps\":10,\"baseMomentum\":0.9,\"maxMomentum\":0.9}"),
                0.9, 0.9, 0.9, 0.9);
    }
}
