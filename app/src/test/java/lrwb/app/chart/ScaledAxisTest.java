package lrwb.app.chart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Bounds, ticks and labels of the linear/log axis (the toolkit is started by the extension; no stage needed). */
@ExtendWith(ApplicationExtension.class)
class ScaledAxisTest {
    @Test
    void linearFitEndsOnRoundTicksFromZeroWithHeadroomForAFlatLine() {
        ScaledAxis axis = new ScaledAxis("learning rate", true);
        axis.fit(0.1, 0.1, 0.1, 6);
        assertThat(axis.getLowerBound()).isEqualTo(0);
        assertThat(axis.getUpperBound()).as("0.1 is not drawn on the border").isGreaterThan(0.1);
        assertThat(axis.tickUnit()).isEqualTo(0.02);
        assertThat(axis.getLabel()).isEqualTo("learning rate");
        assertThat(axis.getTickMarkLabel(0.06000000000000001)).isEqualTo("0.06");
    }

    @Test
    void xRangeWithoutHeadroomEndsWhereTheDataEnd() {
        ScaledAxis axis = new ScaledAxis("iteration", true);
        axis.setHeadroom(false);
        axis.fit(0, 10_000, 1, 7);
        assertThat(axis.getUpperBound()).isEqualTo(10_000);
        assertThat(ScaledAxis.ticks(0, 10_000, 2000)).containsExactly(0.0, 2000.0, 4000.0, 6000.0, 8000.0, 10_000.0);
    }

    @Test
    void logFitHasDecadeTicksDecadeLabelsAndLogMinorTicks() {
        ScaledAxis axis = new ScaledAxis("learning rate", true);
        axis.axisScaleProperty().set(AxisScale.LOG10);
        assertThat(axis.getLabel()).isEqualTo("learning rate (log scale)");
        axis.fit(0, 0.1, 4e-7, 12);
        assertThat(axis.getUpperBound()).isGreaterThan(-1).isLessThan(-0.5);
        assertThat(axis.getLowerBound()).isLessThan(Math.log10(4e-7)).isGreaterThan(-7);
        assertThat(axis.tickUnit()).isEqualTo(1);
        List<Number> ticks = ScaledAxis.ticks(axis.getLowerBound(), axis.getUpperBound(), 1);
        assertThat(ticks).extracting(Number::doubleValue).containsExactly(-6.0, -5.0, -4.0, -3.0, -2.0, -1.0);
        assertThat(ticks).extracting(axis::getTickMarkLabel).containsExactly("1e-6", "1e-5", "1e-4", "1e-3", "0.01", "0.1");
        assertThat(axis.toAxis(0.001)).isCloseTo(-3, within(1e-12));
        assertThat(axis.toAxis(0)).isNaN();
    }

    @Test
    void logFitCapsTheDecadesAndCentresAFlatLine() {
        ScaledAxis axis = new ScaledAxis("learning rate", true);
        axis.axisScaleProperty().set(AxisScale.LOG10);
        axis.setMaxDecades(6);
        axis.fit(0, 0.1, 1e-12, 12);
        assertThat(axis.getLowerBound()).isCloseTo(-7 - 0.24, within(1e-9));
        axis.fit(0.1, 0.1, 0.1, 12);
        assertThat((axis.getLowerBound() + axis.getUpperBound()) / 2).isCloseTo(-1, within(1e-9));
    }

    @Test
    void aLogRangeWithinOneDecadeAndAHalfStillGetsTwoLabelledDecades() {
        ScaledAxis axis = new ScaledAxis("learning rate", true);
        axis.axisScaleProperty().set(AxisScale.LOG10);
        axis.fit(0.012, 0.3, 0.012, 12); // a one-cycle from 0.3/25 to 0.3: only the 0.1 decade inside
        assertThat(ScaledAxis.ticks(axis.getLowerBound(), axis.getUpperBound(), 1)).containsExactly(-2.0, -1.0);
    }

    @Test
    void niceSteps() {
        assertThat(ScaledAxis.niceStep(0.013)).isCloseTo(0.02, within(1e-15));
        assertThat(ScaledAxis.niceStep(1400)).isEqualTo(2000);
        assertThat(ScaledAxis.niceStep(3)).isEqualTo(5);
        assertThat(ScaledAxis.niceStep(1)).isEqualTo(1);
    }

    @Test
    void showSetsExactBoundsWithTicksForTheSpan() {
        ScaledAxis axis = new ScaledAxis("iteration", true);
        axis.show(123.4, 456.7, 6);
        assertThat(axis.getLowerBound()).isEqualTo(123.4);
        assertThat(axis.getUpperBound()).isEqualTo(456.7);
        assertThat(axis.tickUnit()).isEqualTo(100);
        axis.axisScaleProperty().set(AxisScale.LOG10);
        axis.show(-6.2, -0.5, 6);
        assertThat(axis.tickUnit()).isEqualTo(1);
    }

    @Test
    void aLogAxisShownOverLessThanTwoDecadesTicksAtOneTwoAndFive() {
        assertThat(ScaledAxis.fineLogTicks(Math.log10(0.015), Math.log10(0.3))).extracting(Number::doubleValue)
                .containsExactly(Math.log10(0.02), Math.log10(0.05), -1.0, Math.log10(0.2));
        // narrower than 1-2-5 can label: every 1..9
        assertThat(ScaledAxis.fineLogTicks(Math.log10(0.31), Math.log10(0.48))).extracting(Number::doubleValue)
                .containsExactly(Math.log10(0.4));
        ScaledAxis axis = new ScaledAxis("learning rate", true);
        axis.axisScaleProperty().set(AxisScale.LOG10);
        assertThat(axis.getTickMarkLabel(Math.log10(0.02))).isEqualTo("0.02");
        assertThat(axis.getTickMarkLabel(Math.log10(5e-4))).isEqualTo("5e-4");
    }

    @Test
    void aGrowingCurvesAxisEndsALittleAheadOnARoundNumber() {
        assertThat(ScaledAxis.growingEnd(79)).isEqualTo(90);
        assertThat(ScaledAxis.growingEnd(240)).isEqualTo(300);
        assertThat(ScaledAxis.growingEnd(310)).isEqualTo(350);
        assertThat(ScaledAxis.growingEnd(9_990)).isEqualTo(12_000);
        assertThat(ScaledAxis.growingEnd(1)).isGreaterThan(1);
    }
}
