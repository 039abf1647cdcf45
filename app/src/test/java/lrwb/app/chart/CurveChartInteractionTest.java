package lrwb.app.chart;

import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.MouseButton;
import javafx.scene.input.PickResult;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * What users reach for on every chart: the wheel zooms around the pointer, a dragged box zooms to the box, a
 * right-button drag pans, a double-click shows everything again; a legend entry hides and shows its curve, a
 * double-click on it shows that curve alone; and a legend with many entries stays within its rows.
 */
@ExtendWith(ApplicationExtension.class)
class CurveChartInteractionTest {
    private CurveChart chart;
    private ChartCurve line;
    private ChartCurve other;

    @Start
    void start(Stage stage) {
        chart = new CurveChart("iteration", "loss");
        line = chart.addCurve();
        line.nameProperty().set("rising");
        line.colorProperty().set(Color.web("#1f77b4"));
        other = chart.addCurve();
        other.nameProperty().set("flat");
        other.colorProperty().set(Color.web("#ff7f0e"));
        double[] x = new double[1000];
        double[] y = new double[1000];
        double[] flat = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
            y[i] = i / 1000.0;
            flat[i] = 0.5;
        }
        line.setData(x, y, x.length);
        other.setData(x.clone(), flat, x.length);
        ChartStage.show(stage, chart, 700, 450);
    }

    private void settle(FxRobot robot) {
        ChartStage.settle(robot, chart);
    }

    private Region plot(FxRobot robot) {
        return robot.lookup(".chart-plot-background").queryAs(Region.class);
    }

    private Point2D atFraction(FxRobot robot, double fx, double fy) {
        Bounds b = plot(robot).localToScreen(plot(robot).getLayoutBounds());
        return new Point2D(b.getMinX() + b.getWidth() * fx, b.getMinY() + b.getHeight() * fy);
    }

    private double[] xRange() {
        return new double[] {chart.xAxis().getLowerBound(), chart.xAxis().getUpperBound()};
    }

    private double[] yRange() {
        return new double[] {chart.yAxis().getLowerBound(), chart.yAxis().getUpperBound()};
    }

    /** One notch of the wheel over the plot at (fx, fy) of its size; up zooms in. */
    private void wheel(FxRobot robot, double fx, double fy, boolean up) {
        robot.interact(() -> {
            Region p = plot(robot);
            Point2D scene = p.localToScene(p.getWidth() * fx, p.getHeight() * fy);
            Point2D screen = p.localToScreen(p.getWidth() * fx, p.getHeight() * fy);
            Node target = chart.plotNode();
            Point2D local = target.sceneToLocal(scene);
            Event.fireEvent(target, new ScrollEvent(ScrollEvent.SCROLL, local.getX(), local.getY(), screen.getX(), screen.getY(),
                    false, false, false, false, false, false, 0, up ? 40 : -40, 0, 0, ScrollEvent.HorizontalTextScrollUnits.NONE, 0,
                    ScrollEvent.VerticalTextScrollUnits.NONE, 0, 0, new PickResult(target, scene.getX(), scene.getY())));
        });
        settle(robot);
    }

    @Test
    void theWheelZoomsAroundThePointerAndADoubleClickShowsEverythingAgain(FxRobot robot) {
        settle(robot);
        double[] all = xRange();
        assertThat(all[0]).isEqualTo(0);
        assertThat(all[1]).isEqualTo(999);
        assertThat(chart.isZoomed()).isFalse();

        // A quarter of the way across: that iteration stays under the pointer while the range narrows.
        double under = all[0] + (all[1] - all[0]) * 0.25;
        wheel(robot, 0.25, 0.5, true);
        double[] zoomed = xRange();
        assertThat(chart.isZoomed()).isTrue();
        assertThat(zoomed[1] - zoomed[0]).isCloseTo((all[1] - all[0]) / 1.25, within(1.0));
        assertThat(zoomed[0] + (zoomed[1] - zoomed[0]) * 0.25).isCloseTo(under, within(1.0));
        assertThat(robot.lookup(".chart-zoom-note").query().isVisible()).isTrue();
        wheel(robot, 0.25, 0.5, false);
        assertThat(xRange()[1] - xRange()[0]).isCloseTo(all[1] - all[0], within(1.0));

        wheel(robot, 0.5, 0.5, true);
        wheel(robot, 0.5, 0.5, true);
        assertThat(xRange()[1] - xRange()[0]).isLessThan(700);
        robot.moveTo(atFraction(robot, 0.5, 0.5)).doubleClickOn(MouseButton.PRIMARY);
        settle(robot);
        assertThat(chart.isZoomed()).isFalse();
        assertThat(xRange()).containsExactly(0, 999);
        assertThat(robot.lookup(".chart-zoom-note").query().isVisible()).isFalse();
    }

    @Test
    void aDraggedBoxZoomsToTheBoxAndARightDragPans(FxRobot robot) {
        settle(robot);
        double[] x0 = xRange();
        double[] y0 = yRange();
        robot.drag(atFraction(robot, 0.2, 0.2), MouseButton.PRIMARY).dropTo(atFraction(robot, 0.6, 0.7));
        settle(robot);
        assertThat(chart.isZoomed()).isTrue();
        double[] x = xRange();
        double[] y = yRange();
        assertThat(x[0]).isCloseTo(x0[0] + 0.2 * (x0[1] - x0[0]), within(6.0));
        assertThat(x[1]).isCloseTo(x0[0] + 0.6 * (x0[1] - x0[0]), within(6.0));
        // y grows upwards: the box's top is the higher value
        assertThat(y[1]).isCloseTo(y0[1] - 0.2 * (y0[1] - y0[0]), within(0.02));
        assertThat(y[0]).isCloseTo(y0[1] - 0.7 * (y0[1] - y0[0]), within(0.02));
        // the curve is redrawn for the new range: its points are the ones in it, not the whole curve squeezed
        assertThat(line.drawnPoints()).isLessThan(500);

        // pan: drag the content 10 % of the plot to the left with the right button; the range moves right
        double span = x[1] - x[0];
        robot.drag(atFraction(robot, 0.5, 0.5), MouseButton.SECONDARY).dropTo(atFraction(robot, 0.4, 0.5));
        settle(robot);
        assertThat(xRange()[0]).isCloseTo(x[0] + 0.1 * span, within(span * 0.03));
        assertThat(xRange()[1] - xRange()[0]).isCloseTo(span, within(1e-6));

        robot.interact(chart::resetZoom);
        settle(robot);
        assertThat(xRange()).containsExactly(x0[0], x0[1]);
    }

    @Test
    void zoomingIntoLessThanTwoDecadesOfALogAxisLabelsOneTwoAndFive(FxRobot robot) {
        robot.interact(() -> chart.yAxis().axisScaleProperty().set(AxisScale.LOG10));
        settle(robot);
        robot.interact(() -> chart.zoomTo(Double.NaN, Double.NaN, 0.01, 0.3));
        settle(robot);
        List<String> labels = chart.yAxis().getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.text.Text && n.isVisible())
                .map(n -> ((javafx.scene.text.Text) n).getText()).toList();
        assertThat(labels).contains("0.02", "0.05", "0.1", "0.2");
    }

    @Test
    void aLegendEntryHidesAndShowsItsCurveAndADoubleClickShowsItAlone(FxRobot robot) {
        settle(robot);
        List<ToggleButton> entries = robot.lookup(".chart-legend-entry").queryAllAs(ToggleButton.class).stream().toList();
        assertThat(entries).extracting(ToggleButton::getText).containsExactly("rising", "flat");
        assertThat(entries.get(0).getTooltip().getText()).startsWith("rising\n").contains("show or hide");

        robot.clickOn(entries.get(1));
        assertThat(other.visibleProperty().get()).isFalse();
        robot.sleep(800);
        robot.clickOn(entries.get(1));
        assertThat(other.visibleProperty().get()).isTrue();

        robot.sleep(800); // two clicks in a row would be a double-click
        robot.doubleClickOn(entries.get(0));
        assertThat(line.visibleProperty().get()).isTrue();
        assertThat(other.visibleProperty().get()).isFalse();
        robot.sleep(800);
        robot.doubleClickOn(entries.get(0)); // alone already: everything again
        assertThat(line.visibleProperty().get()).isTrue();
        assertThat(other.visibleProperty().get()).isTrue();
    }

    @Test
    void aLegendOfManyEntriesKeepsToItsRowsAndScrolls(FxRobot robot) {
        Region legend = chart.legend().node();
        double oneOrTwo = legend.getHeight();
        robot.interact(() -> {
            for (int i = 0; i < 30; i++) {
                ChartCurve c = chart.addCurve();
                c.nameProperty().set("run number " + i + " with a long name to wrap the legend");
                c.colorProperty().set(CurveColors.PALETTE.get(i % 10));
            }
        });
        settle(robot);
        Region plot = plot(robot);
        double entry = robot.lookup(".chart-legend-entry").queryAs(ToggleButton.class).getHeight();
        assertThat(legend.getHeight()).isLessThanOrEqualTo(2 * entry + 8).isGreaterThanOrEqualTo(oneOrTwo);
        assertThat(plot.getHeight()).isGreaterThan(250);
        assertThat(robot.lookup(".chart-legend-scroll .scroll-bar:vertical").query().isVisible()).isTrue();
    }

    @Test
    void withMoreCurvesThanFitTheReadOutListsTheNearestAndSaysHowManyMore(FxRobot robot) {
        robot.interact(() -> {
            for (int k = 0; k < 40; k++) {
                ChartCurve c = chart.addCurve();
                c.nameProperty().set("level " + k);
                double[] x = {0, 999};
                double[] y = {k / 40.0, k / 40.0};
                c.setData(x, y, 2);
            }
        });
        settle(robot);
        robot.moveTo(atFraction(robot, 0.5, 0.5));
        settle(robot);
        String[] lines = chart.crosshair().text().split("\n");
        Region plot = plot(robot);
        assertThat(lines.length).isLessThan(42).isLessThanOrEqualTo((int) (plot.getHeight() / 17) + 2);
        assertThat(lines[lines.length - 1]).matches("\\+ \\d+ more \\(the nearest are listed\\)");
        // the pointer is half-way up: the levels around 0.5 of the axis are among the listed
        double middle = chart.yAxis().valueAtDisplay(plot.getHeight() / 2);
        String nearest = "level " + Math.round(middle * 40) + ":";
        assertThat(chart.crosshair().text()).contains(nearest);
    }
}
