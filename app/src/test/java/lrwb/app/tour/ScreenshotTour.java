package lrwb.app.tour;

import org.junit.jupiter.api.AfterAll;
import lrwb.engine.runtime.EngineContext;
import javafx.stage.Stage;
import lrwb.app.shell.MainWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Not a test: a walk through the window that writes a PNG of each workspace, for looking at what users see.
 * Runs only with {@code -Dlrwb.screenshots=DIR}:
 * {@code mvn -o -pl app -am test -Dtest=ScreenshotTour -Dsurefire.failIfNoSpecifiedTests=false -Dlrwb.screenshots=/tmp/shots}
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "lrwb.screenshots", matches = ".+")
class ScreenshotTour {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    private MainWindow window;
    private Path out;

    @Start
    void start(Stage stage) throws Exception {
        out = TourWindow.out();
        window = TourWindow.open(stage, ENGINE, 1280, 800);
    }

    private void shot(FxRobot robot, String name) throws Exception {
        TourWindow.shot(robot, window, out, name);
    }

    @Test
    void tour(FxRobot robot) throws Exception {
        shot(robot, "designer");
        robot.interact(() -> window.tabs().getSelectionModel().select(1));
        shot(robot, "finder-empty");
        var finder = window.finder();
        robot.interact(() -> {
            finder.setup().batch().textProperty().set("16");
            finder.iterations().textProperty().set("300");
            finder.start();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> finder.currentProperty().get() != null
                && finder.currentProperty().get().points().size() > 150);
        shot(robot, "finder-running");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !finder.runningProperty().get());
        shot(robot, "finder-done");
        robot.interact(() -> {
            finder.setup().optimizer().textProperty().set("adam");
            finder.start();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !finder.runningProperty().get());
        shot(robot, "finder-overlay");

        // Training: three schedules side by side, then a live moment and the end
        var training = window.training();
        robot.interact(() -> {
            window.show(lrwb.app.shell.Workspace.TRAINING);
            training.form().epochs().textProperty().set("40");
            training.queueModeProperty().set(lrwb.app.training.QueueMode.SIDE_BY_SIDE);
            training.useSchedule(new lrwb.engine.schedule.ConstantSchedule(0.05));
            training.addToQueue();
            training.useSchedule(new lrwb.engine.schedule.CosineSchedule(0.1, 320, 0, 0, null, lrwb.engine.schedule.Unit.ITERATION));
            training.addToQueue();
            training.useSchedule(new lrwb.engine.schedule.OneCycleSchedule(0.3, 320, 0.3,
                    lrwb.engine.schedule.OneCycleSchedule.Anneal.COS, 25, 1e4, false, lrwb.engine.schedule.Unit.ITERATION));
            training.addToQueue();
            training.startQueue();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> training.runs().stream().allMatch(r -> r.series().size() > 100));
        shot(robot, "training-live");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !training.anyLiveProperty().get());
        shot(robot, "training-done");

        // Runs: compare everything recorded
        robot.interact(() -> window.show(lrwb.app.shell.Workspace.RUNS));
        window.runs().refresh().get(30, TimeUnit.SECONDS);
        robot.interact(() -> window.runs().selection().setAll(window.runs().shownRows()));
        shot(robot, "runs-compare");

        // Sweeps: loss against LR for sgd, momentum and adam (two seeds each), the range tests above on the same axis
        robot.interact(() -> window.show(lrwb.app.shell.Workspace.SWEEPS));
        lrwb.app.shell.WindowFixtures.sweep(window, 9, 2, 6);
        shot(robot, "sweeps");
    }
}
