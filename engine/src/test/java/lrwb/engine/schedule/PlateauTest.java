package lrwb.engine.schedule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ReduceLROnPlateau as specs/schedules.md (and PyTorch) define it. Each expected row list is worked out by
 * hand: row 0 is lr, row e+1 the LR decided after observing metric e.
 */
class PlateauTest {

    private static PlateauSchedule plateau(String json) {
        return (PlateauSchedule) ScheduleJson.parse(json);
    }

    @Test
    void relativeMinWaitsMoreThanPatienceEpochs() {
        PlateauSchedule s = plateau("{\"type\":\"plateau\",\"lr\":1,\"factor\":0.5,\"patience\":2}");
        double[] metrics = {1.0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9};
        // e0: better than +inf (best 1.0); e1: 0.9 < 0.9999, best 0.9; e2..e4: bad 1, 2, 3 > 2 → halve;
        // e5..e7: bad 1, 2, 3 → halve again
        assertThat(s.simulate(metrics)).containsExactly(1, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.25);
    }

    @Test
    void relativeThresholdAsksForAFractionOfBest() {
        PlateauSchedule s = plateau("{\"type\":\"plateau\",\"lr\":1,\"factor\":0.5,\"patience\":0,\"threshold\":0.1,"
                + "\"thresholdMode\":\"rel\"}");
        // best 10: better needs < 9; 9.5 is not → bad 1 > 0 → 0.5; again → 0.25
        assertThat(s.simulate(new double[] {10, 9.5, 9.5})).containsExactly(1, 1, 0.5, 0.25);
    }

    @Test
    void absoluteThresholdAsksForAnAmount() {
        PlateauSchedule s = plateau("{\"type\":\"plateau\",\"lr\":1,\"factor\":0.5,\"patience\":0,\"threshold\":0.1,"
                + "\"thresholdMode\":\"abs\"}");
        // best 10: better needs < 9.9 → 9.5 is better (best 9.5); then 9.5 is not < 9.4 → 0.5
        assertThat(s.simulate(new double[] {10, 9.5, 9.5})).containsExactly(1, 1, 1, 0.5);
    }

    @Test
    void relativeMax() {
        PlateauSchedule s = plateau("{\"type\":\"plateau\",\"lr\":1,\"mode\":\"max\",\"factor\":0.5,\"patience\":0,"
                + "\"threshold\":0.1}");
        // e0: better than -inf, best 10; e1: 10.5 > 11? no → 0.5; e2: 11.5 > 11 → better, best 11.5;
        // e3: 11.55 > 12.65? no → 0.25
        assertThat(s.simulate(new double[] {10, 10.5, 11.5, 11.55})).containsExactly(1, 1, 0.5, 0.5, 0.25);
    }

    @Test
    void absoluteMax() {
        PlateauSchedule s = plateau("{\"type\":\"plateau\",\"lr\":1,\"mode\":\"max\",\"factor\":0.5,\"patience\":0,"
                + "\"threshold\":0.1,\"thresholdMode\":\"abs\"}");
        // 10.5 > 10.1 better; 11.5 > 10.6 better; 11.55 > 11.6? no → 0.5
        assertThat(s.simulate(new double[] {10, 10.5, 11.5, 11.55})).containsExactly(1, 1, 1, 1, 0.5);
    }

    @Test
    void withoutCooldownEveryPatiencePlusOneBadEpochsReduce() {
        PlateauSchedule s = plateau("{\"type\":\"plateau\",\"lr\":1,\"factor\":0.5,\"patience\":1}");
        double[] flat = {5, 5, 5, 5, 5, 5, 5, 5, 5, 5};
        // bad: 0, 1, 2→reduce, 1, 2→reduce, 1, 2→reduce, 1, 2→reduce
        assertThat(s.simulate(flat)).containsExactly(1, 1, 1, 0.5, 0.5, 0.25, 0.25, 0.125, 0.125, 0.0625, 0.0625);
    }

    @Test
    void cooldownIgnoresBadEpochsAfterAReduction() {
        PlateauSchedule s = plateau("{\"type\":\"plateau\",\"lr\":1,\"factor\":0.5,\"patience\":1,\"cooldown\":2}");
        double[] flat = {5, 5, 5, 5, 5, 5, 5, 5, 5, 5};
        // e2: bad 2 → 0.5, cooldown 2; e3, e4: cooldown counts down and bad resets;
        // e5: bad 1; e6: bad 2 → 0.25, cooldown 2; e7, e8: cooldown; e9: bad 1
        assertThat(s.simulate(flat)).containsExactly(1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25, 0.25, 0.25);
    }

    @Test
    void anImprovementResetsTheBadCount() {
        PlateauSchedule s = plateau("{\"type\":\"plateau\",\"lr\":1,\"factor\":0.5,\"patience\":1,\"thresholdMode\":\"abs\","
                + "\"threshold\":0}");
        // 3 (best), 3 (bad 1), 2 (best, bad 0), 2 (bad 1), 2 (bad 2 → 0.5), 1 (best), 1 (bad 1)
        assertThat(s.simulate(new double[] {3, 3, 2, 2, 2, 1, 1})).containsExactly(1, 1, 1, 1, 1, 0.5, 0.5, 0.5);
    }

    @Test
    void minLrIsAFloor() {
        PlateauSchedule s = plateau("{\"type\":\"plateau\",\"lr\":1,\"factor\":0.1,\"patience\":0,\"minLr\":0.05}");
        // 1 → 0.1 → max(0.01, 0.05) = 0.05 → max(0.005, 0.05) = 0.05
        assertThat(s.simulate(new double[] {1, 1, 1, 1})).containsExactly(1, 1, 0.1, 0.05, 0.05);
    }

    @Test
    void aReductionSmallerThanEpsIsSkipped() {
        PlateauSchedule s = plateau("{\"type\":\"plateau\",\"lr\":1e-7,\"factor\":0.5,\"patience\":0,\"eps\":1e-7}");
        // 1e-7 − 5e-8 = 5e-8 is not > 1e-7: the LR stays
        assertThat(s.simulate(new double[] {1, 1, 1})).containsExactly(1e-7, 1e-7, 1e-7, 1e-7);
    }

    @Test
    void defaultEpsLetsTheSameReductionThroughUntilItIsTiny() {
        PlateauSchedule s = plateau("{\"type\":\"plateau\",\"lr\":1e-7,\"factor\":0.5,\"patience\":0}");
        // eps 1e-8: 1e-7 → 5e-8 (diff 5e-8) → 2.5e-8 (diff 2.5e-8) → 1.25e-8 (diff 1.25e-8)
        // → 6.25e-9 would only be 6.25e-9 less: below eps, kept at 1.25e-8
        assertThat(s.simulate(new double[] {1, 1, 1, 1, 1, 1}))
                .containsExactly(1e-7, 1e-7, 5e-8, 2.5e-8, 1.25e-8, 1.25e-8, 1.25e-8);
    }

    @Test
    void valAccuracyDefaultsToMaxMode() {
        PlateauSchedule s = plateau("{\"type\":\"plateau\",\"lr\":1,\"monitor\":\"valAccuracy\",\"factor\":0.5,"
                + "\"patience\":0}");
        assertThat(s.mode()).isEqualTo(PlateauSchedule.Mode.MAX);
        // rising accuracy is an improvement every epoch; then 0.7 is not > 0.8·1.0001 → 0.5
        assertThat(s.simulate(new double[] {0.5, 0.6, 0.8, 0.7})).containsExactly(1, 1, 1, 1, 0.5);
    }

    @Test
    void valAccuracyKeepsAnExplicitMode() {
        PlateauSchedule s = plateau("{\"type\":\"plateau\",\"lr\":1,\"monitor\":\"valAccuracy\",\"mode\":\"min\"}");
        assertThat(s.mode()).isEqualTo(PlateauSchedule.Mode.MIN);
    }

    @Test
    void lossesDefaultToMinMode() {
        assertThat(plateau("{\"type\":\"plateau\",\"lr\":1}").mode()).isEqualTo(PlateauSchedule.Mode.MIN);
        assertThat(plateau("{\"type\":\"plateau\",\"lr\":1,\"monitor\":\"trainLoss\"}").mode())
                .isEqualTo(PlateauSchedule.Mode.MIN);
    }

    @Test
    void defaultsWaitTenBadEpochsAndDivideByTen() {
        PlateauSchedule s = new PlateauSchedule(0.1);
        double[] metrics = new double[13];
        java.util.Arrays.fill(metrics, 2.0);
        double[] rows = s.simulate(metrics);
        // bad 1..10 keep the LR, bad 11 > 10 reduces after metric 11 (row 12)
        for (int r = 0; r <= 11; r++) {
            assertThat(rows[r]).as("row %d", r).isEqualTo(0.1);
        }
        assertThat(rows[12]).isEqualTo(0.1 * 0.1);
        assertThat(rows[13]).isEqualTo(0.1 * 0.1);
    }

    @Test
    void controllerStepsOneEpochAtATime() {
        PlateauSchedule s = plateau("{\"type\":\"plateau\",\"lr\":1,\"factor\":0.5,\"patience\":1}");
        PlateauController c = s.controller();
        assertThat(c.lr()).isEqualTo(1);
        assertThat(c.observe(5)).isEqualTo(1);
        assertThat(c.observe(5)).isEqualTo(1);
        assertThat(c.observe(5)).isEqualTo(0.5);
        assertThat(c.lr()).isEqualTo(0.5);
        // a fresh controller starts over; the spec itself is unchanged
        assertThat(s.controller().lr()).isEqualTo(1);
        assertThat(s.initialLr()).isEqualTo(1);
    }

    @Test
    void noMetricsIsJustTheStartingLr() {
        assertThat(new PlateauSchedule(0.3).simulate(new double[0])).containsExactly(0.3);
    }
}
