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
    void aCurveThatNeverLevelsOffGivesNoSlide() {
        // a straight line in the index has the same slope everywhere: the first interval already ends the slide
        double[] line = new double[20];
        for (int i = 0; i < line.length; i++) {
            line[i] = 2 - 0.01 * i;
        }
        assertThat(SuggestionCalculator.slideIndex(line, 15, 0.005)).isEqualTo(4);
        // a parabola's slope changes by 2·a·15 = 0.3 across every interval: the slide runs off the start (fastai
        // answers index 0 there, which is no finding)
        double[] parabola = new double[20];
        for (int i = 0; i < parabola.length; i++) {
            parabola[i] = 0.01 * i * i;
        }
        assertThat(SuggestionCalculator.slideIndex(parabola, 15, 0.005)).isEqualTo(-1);
    }

    /**
     * .ci/dist-check's range test ({@code lrwb find --dataset iris --iterations 30}: 1e-7..10) printed slide 6.7e-7, the
     * first usable LR: its 22 usable points give 7 intervals, all across the descent that starts near 5e-3, so the
     * slide ran off the start. No slide now; the other suggestions are unchanged.
     */
    @Test
    void aThirtyPointTestWhoseSlideRunsOffTheStartGivesNoSlide() {
        double[] smoothed = {1.780355091332584, 1.750463116071018, 1.7795915768949413, 1.8158226349925113,
                1.7929547500968446, 1.8028470800125933, 1.8010763979894495, 1.8153993712446521, 1.824207729376999,
                1.8208852347433553, 1.8043242015297283, 1.8145427972555979, 1.8108428089150306, 1.8026057529210147,
                1.8064028635309477, 1.8103109385246279, 1.8196134341173216, 1.8044185023831787, 1.7917379341933444,
                1.7716783945845993, 1.7439811626654773, 1.7039213001991096, 1.6498335991633393, 1.5967289197833614,
                1.5419067479135924, 1.4820777797717186, 1.4298434848859367, 1.3950640975517272, 1.4303264745429738,
                3.3463711749003546};
        List<RangePoint> points = new ArrayList<>();
        for (int i = 0; i < smoothed.length; i++) {
            points.add(new RangePoint(i, 1e-7 * Math.pow(1e8, i / 29.0), smoothed[i], smoothed[i]));
        }
        double[] slice = java.util.Arrays.copyOfRange(smoothed, 3, 25);
        assertThat(SuggestionCalculator.slideIndex(slice, 15, 0.005)).isEqualTo(-1);
        Suggestions s = SuggestionCalculator.compute(points, 3, 5, 30, false);
        assertThat(s.slide()).isNull();
        assertThat(s.valley()).isCloseTo(points.get(17).lr(), org.assertj.core.data.Offset.offset(1e-15));
        assertThat(s.steepest()).isNotNull();
    }

    @Test
    void fifteenUsablePointsOrFewerGiveNoSlide() {
        assertThat(SuggestionCalculator.slideIndex(new double[15], 15, 0.005)).isEqualTo(-1);
        Suggestions s = SuggestionCalculator.compute(curve().subList(0, 15), 0, 0, N, false);
        assertThat(s.slide()).isNull();
        assertThat(s.valley()).isNotNull();
    }
}
