package lrwb.app.chart;

import javafx.geometry.Point2D;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.PathElement;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A curve already drawn moves with the axis when another curve changes the axis's range. The lines' layer rebuilt
 * every curve only when the axes' ends moved on screen, which they do not when only the range changes: the Training
 * workspace's LR chart (decades) showed a finished run's constant LR of 0.01 at 0.022 once a second run at 0.05 was
 * added, until a click on "log" redrew it.
 */
@ExtendWith(ApplicationExtension.class)
class CurveChartRangeChangeTest {
    private CurveChart chart;
    private ChartCurve first;

    @Start
    void start(Stage stage) {
        chart = new CurveChart("iteration", "learning rate");
        chart.yAxis().axisScaleProperty().set(AxisScale.LOG10);
        first = chart.addCurve();
        first.setData(new double[] {0, 100, 239}, new double[] {0.1, 0.1, 0.1}, 3);
        ChartStage.show(stage, chart, 600, 400);
    }

    private void settle(FxRobot robot) {
        ChartStage.settle(robot, chart);
    }

    /** Where {@code curve}'s first point is drawn and where the y axis puts its value, in the lines' layer. */
    private double[] drawnAndExpected(ChartCurve curve, double value) {
        PathElement start = curve.path.getElements().get(0);
        double drawn = ((MoveTo) start).getY();
        ScaledAxis y = chart.yAxis();
        Point2D onAxis = y.localToScene(0, y.displayOf(value));
        double expected = curve.path.getParent().sceneToLocal(onAxis).getY();
        return new double[] {drawn, expected};
    }

    @Test
    void aDrawnCurveFollowsADecadeAxisWhenAnotherCurveWidensItsRange(FxRobot robot) {
        assertFollows(robot, 0.1, 0.001);
    }

    @Test
    void aDrawnCurveFollowsALinearAxisWhenAnotherCurveWidensItsRange(FxRobot robot) {
        robot.interact(() -> chart.yAxis().axisScaleProperty().set(AxisScale.LINEAR));
        assertFollows(robot, 0.1, 0.9);
    }

    private void assertFollows(FxRobot robot, double drawnValue, double otherValue) {
        settle(robot);
        robot.interact(() -> {
            double[] at = drawnAndExpected(first, drawnValue);
            assertThat(at[0]).as("drawn before").isCloseTo(at[1], within(1.0));
        });
        robot.interact(() -> {
            ChartCurve second = chart.addCurve();
            second.setData(new double[] {0, 100, 239}, new double[] {otherValue, otherValue, otherValue}, 3);
        });
        settle(robot);
        robot.interact(() -> {
            double[] at = drawnAndExpected(first, drawnValue);
            assertThat(at[0]).as("the first curve, drawn after the range changed").isCloseTo(at[1], within(1.0));
        });
    }

    /** A curve of one point (a one-epoch run's accuracy) is drawn as a short dash there, not as nothing. */
    @Test
    void aLonePointIsDrawnAsADash(FxRobot robot) {
        ChartCurve[] lone = new ChartCurve[1];
        robot.interact(() -> {
            lone[0] = chart.addCurve();
            lone[0].setData(new double[] {100}, new double[] {0.05}, 1);
        });
        settle(robot);
        robot.interact(() -> {
            java.util.List<PathElement> elements = lone[0].path.getElements();
            assertThat(elements).hasSize(2);
            MoveTo from = (MoveTo) elements.get(0);
            javafx.scene.shape.LineTo to = (javafx.scene.shape.LineTo) elements.get(1);
            assertThat(to.getX() - from.getX()).isEqualTo(2 * CurveLayer.LONE_POINT_HALF_WIDTH);
            assertThat(to.getY()).isEqualTo(from.getY());
            ScaledAxis y = chart.yAxis();
            double expected = lone[0].path.getParent().sceneToLocal(y.localToScene(0, y.displayOf(0.05))).getY();
            assertThat(from.getY()).isCloseTo(expected, within(1.0));
        });
    }
}
