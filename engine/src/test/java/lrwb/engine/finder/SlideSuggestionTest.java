package lrwb.engine.finder;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** fastai's slide rule, against answers from fastai's own code (fastai.callback.schedule.slide) run in Python. */
class SlideSuggestionTest {
    private static final int N = 60;

    /** lr from 1e-4 to 1 in 60 log-spaced points; a flat start, a descent, a minimum near 0.3, a rise. */
    private static double lr(int i) {
        return 1e-4 * Math.pow(10.0, 4.0 * i / (N - 1));
    }

    private static double loss(double x) {
        return 1.2 - 0.9 / (1 + Math.exp(-3 * (x + 2))) + 0.6 * Math.pow(Math.max(0.0, x + 0.5), 2);
    }

    private static List<RangePoint> curve() {
        List<RangePoint> points = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            double y = loss(Math.log10(lr(i)));
            points.add(new RangePoint(i, lr(i), y, y));
        }
        return points;
    }

    @Test
    void matchesFastaisSlideOnAFixedCurve() {
        // fastai: slide(lrs, losses, 60) = 0.0036251170499885335 = lrs[23]
        double[] y = curve().stream().mapToDouble(RangePoint::smoothed).toArray();
        assertThat(SuggestionCalculator.slideIndex(y, 15, 0.005)).isEqualTo(23);
        Suggestions s = SuggestionCalculator.compute(curve(), 0, 0, N, false);
        assertThat(s.slide()).isCloseTo(0.0036251170499885335, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void runsOnTheSameSliceAsTheOtherSuggestions() {
        // skipping 6 at the start and 5 at the end: fastai on losses[6:55] answers lrs[6:55][17] = lrs[23]
        // (the slide starts from the slice's right end, 54, and stops where it stopped before)
        Suggestions s = SuggestionCalculator.compute(curve(), 6, 5, N, false);
        assertThat(s.slide()).isEqualTo(lr(23));
    }

    @Test
    void aCurveThatNeverLevelsOffSlidesToTheFirstPoint() {
        // a straight line in the index has the same slope everywhere: the first interval already ends the slide
        double[] line = new double[20];
        for (int i = 0; i < line.length; i++) {
            line[i] = 2 - 0.01 * i;
        }
        assertThat(SuggestionCalculator.slideIndex(line, 15, 0.005)).isEqualTo(4);
        // a parabola's slope changes by 2·a·15 = 0.3 across every interval: it slides all the way to 0
        double[] parabola = new double[20];
        for (int i = 0; i < parabola.length; i++) {
            parabola[i] = 0.01 * i * i;
        }
        assertThat(SuggestionCalculator.slideIndex(parabola, 15, 0.005)).isZero();
    }

    @Test
    void fifteenUsablePointsOrFewerGiveNoSlide() {
        assertThat(SuggestionCalculator.slideIndex(new double[15], 15, 0.005)).isEqualTo(-1);
        Suggestions s = SuggestionCalculator.compute(curve().subList(0, 15), 0, 0, N, false);
        assertThat(s.slide()).isNull();
        assertThat(s.valley()).isNotNull();
    }
}
