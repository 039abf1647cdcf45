package lrwb.app.chart;

import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The chart tests' window and waiting: a chart alone in a styled scene, drawn once the FX thread is idle. */
final class ChartStage {
    private ChartStage() {
    }

    static void show(Stage stage, CurveChart chart, double width, double height) {
        Scene scene = new Scene(chart.node(), width, height);
        scene.getStylesheets().add(CurveChart.class.getResource("/lrwb/app/workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** Waits for pending events, draws the chart's pending changes and waits for their layout. */
    static void settle(FxRobot robot, CurveChart chart) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(chart::flush);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
