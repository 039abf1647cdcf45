package lrwb.app.tour;

import javafx.stage.Stage;
import lrwb.app.shell.MainWindow;
import lrwb.app.shell.Workspace;
import lrwb.app.training.TrainingRun;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.OneCycleSchedule;
import lrwb.engine.schedule.Unit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Not a test: the hand-overs and the Training and Runs behaviour of issue 13, as PNGs to look at. Runs only with
 * {@code -Dlrwb.screenshots=DIR}:
 * {@code mvn -o -pl app -am test -Dtest=HandOverTour -Dsurefire.failIfNoSpecifiedTests=false -Dlrwb.screenshots=/tmp/shots}
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "lrwb.screenshots", matches = ".+")
class HandOverTour {
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
        window = TourWindow.open(stage, ENGINE, 1200, 780);
    }

    private void shot(FxRobot robot, String name) throws Exception {
        TourWindow.shot(robot, window, out, name);
    }

    @Test
    void tour(FxRobot robot) throws Exception {
        var training = window.training();
        // Fit to this run: a one-cycle of 10,000 steps in a 10-epoch iris run
        robot.interact(() -> {
            window.show(Workspace.TRAINING);
            training.useSchedule(new OneCycleSchedule(0.1, 10_000, 0.3, OneCycleSchedule.Anneal.COS, 25, 1e4, false, Unit.ITERATION));
        });
        shot(robot, "h2-training-fit-note");

        // Finder -> Training with the test's setup
        var finder = window.finder();
        robot.interact(() -> {
            window.show(Workspace.FINDER);
            finder.setup().dataset().textProperty().set("moons");
            finder.setup().optimizer().textProperty().set("adam");
            finder.setup().batch().textProperty().set("32");
            finder.iterations().textProperty().set("300");
            finder.start();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !finder.runningProperty().get());
        robot.interact(() -> {
            finder.setup().optimizer().textProperty().set("sgd");
            finder.start();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !finder.runningProperty().get());
        shot(robot, "h2-finder-buttons");
        robot.interact(() -> {
            finder.select(finder.runs().get(0));
            finder.trainWithBand();
        });
        shot(robot, "h2-training-from-finder");

        // a plateau run with the LR set by hand
        AtomicReference<TrainingRun> run = new AtomicReference<>();
        robot.interact(() -> {
            training.form().setup().dataset().textProperty().set("iris");
            training.form().setup().optimizer().textProperty().set("sgd");
            training.form().setup().batch().textProperty().set("16");
            training.form().epochs().textProperty().set("3000");
            training.form().schedule().plateauPatience().textProperty().set("0");
            training.form().schedule().sourceProperty().set(lrwb.app.training.ScheduleSource.PLATEAU);
            run.set(training.train());
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run.get().series().size() > 200);
        robot.interact(() -> {
            training.overrideLr().textProperty().set("0.065");
            training.applyOverride();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> run.get().series().size() > 1200);
        shot(robot, "h2-training-override");
        robot.interact(training::stopAll);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !training.anyLiveProperty().get());

        // Runs: the two range tests compared by loss against LR
        robot.interact(() -> window.show(Workspace.RUNS));
        window.runs().refresh().get(30, TimeUnit.SECONDS);
        robot.interact(() -> window.runs().selection().setAll(window.runs().shownRows().stream().filter(r -> r.isRangeTest()).toList()));
        shot(robot, "h2-runs-range-compare");
        robot.interact(() -> window.runs().selection().setAll(window.runs().shownRows()));
        shot(robot, "h2-runs-all");
    }
}
