package lrwb.app.training;

import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.IterationMetrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RunSeriesTest {

    @Test
    void growsPastItsFirstArraysAndKeepsEveryPoint() {
        RunSeries s = new RunSeries();
        s.setStepsPerEpoch(1000);
        for (int i = 0; i < 50_000; i++) {
            s.add(new IterationMetrics(i, i / 1000, 0.1, 1.0 / (1 + i)));
        }
        assertThat(s.size()).isEqualTo(50_000);
        assertThat(s.iterations()[49_999]).isEqualTo(49_999);
        assertThat(s.loss()[10]).isEqualTo(1.0 / 11);
        // primitive arrays only: about 4 doubles per iteration, at most doubled by growth
        assertThat(s.bytes()).isLessThan(4L * 8 * 2 * 50_000 + 10_000);
    }

    @Test
    void smoothsOverAWindowThatFollowsTheEpochLength() {
        RunSeries s = new RunSeries();
        s.setStepsPerEpoch(8); // window 4: beta 0.75
        s.add(0, 0.1, 2);
        s.add(1, 0.1, 0);
        assertThat(s.smoothedLoss()[0]).isEqualTo(2.0); // bias-corrected: the first value is itself
        // avg1 = 0.75*0.5 + 0 = 0.375 (avg0 = 0.25*2 = 0.5); corrected by 1 - 0.75^2 = 0.4375
        assertThat(s.smoothedLoss()[1]).isCloseTo(0.375 / 0.4375, within(1e-12));
    }

    @Test
    void aNonFiniteLossStopsTheSmoothedCurveInsteadOfPoisoningIt() {
        RunSeries s = new RunSeries();
        s.add(0, 0.1, 1);
        s.add(1, 0.1, Double.NaN);
        s.add(2, 0.1, 1);
        assertThat(s.smoothedLoss()[1]).isNaN();
        assertThat(s.smoothedLoss()[2]).isFinite();
    }

    @Test
    void epochValuesSitAtTheLastIterationOfTheirEpoch() {
        RunSeries s = new RunSeries();
        s.setStepsPerEpoch(8);
        for (int e = 0; e < 20; e++) {
            s.add(new EpochMetrics(e, 0.1, 1, 0.5, 1.2, e == 7 ? 0.97 : 0.5, 0.1));
        }
        assertThat(s.epochs()).isEqualTo(20);
        assertThat(s.epochEnds()[0]).isEqualTo(7);
        assertThat(s.epochEnds()[2]).isEqualTo(23);
        assertThat(s.epochNumbers()[2]).isEqualTo(3);
        assertThat(s.bestValAccuracy()).isEqualTo(0.97);
    }
}
