package lrwb.app.shell;

import org.junit.jupiter.api.AfterAll;
import lrwb.engine.runtime.EngineContext;
import javafx.scene.Node;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.scene.shape.Path;
import javafx.stage.Stage;
import lrwb.app.runs.RunRow;
import lrwb.app.training.RunState;
import lrwb.app.training.TrainingRun;
import lrwb.engine.run.RunStatus;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.startup.EngineStartup.EngineInfo;
import lrwb.engine.train.TrainingEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the window, headless: train iris, pause, set the LR by hand, resume, stop; train a second run to the
 * end; then compare both in Runs and export the comparison.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingAndRunsFlowTest {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    @TempDir
    static java.nio.file.Path home;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        java.nio.file.Path export = home.resolve("exports/compare.png");
        window = new MainWindow(ENGINE, CompletableFuture.<EngineInfo>completedFuture(new EngineInfo("CpuBackend", 1, 1)),
                new WorkbenchHome(home), (owner, title, ext, suggested) -> export);
        window.show(stage); // 1200 x 780: inside Monocle's headless 1280 x 800 screen
    }

    private static void await(BooleanSupplier condition) throws Exception {
        // evaluated on the FX thread: a lookup from this thread can meet the scene graph half-changed
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void type(FxRobot robot, String id, String text) {
        reveal(robot, id);
        robot.clickOn(id).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write(text);
    }

    /** Scrolls the form so the field is in view, as a person would before clicking it (the form is taller than the window). */
    private static void reveal(FxRobot robot, String id) {
        javafx.scene.Node node = robot.lookup(id).query();
        robot.interact(() -> {
            for (javafx.scene.Parent p = node.getParent(); p != null; p = p.getParent()) {
                if (p instanceof javafx.scene.control.ScrollPane scroll && scroll.getContent() != null) {
                    javafx.geometry.Bounds at = scroll.getContent().sceneToLocal(node.localToScene(node.getBoundsInLocal()));
                    double content = scroll.getContent().getBoundsInLocal().getHeight();
                    double view = scroll.getViewportBounds().getHeight();
                    if (content > view) {
                        scroll.setVvalue(Math.max(0, Math.min(1, (at.getMinY() - 20) / (content - view))));
                    }
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** How many vertices the chart's drawn lines have (0 for an empty chart). */
    private static int drawnVertices(FxRobot robot, String chartId) {
        return robot.lookup(chartId + " .curve-line").queryAllAs(Path.class).stream()
                .mapToInt(p -> p.getElements().size()).sum();
    }

    private static long visibleMarkers(FxRobot robot, String chartId) {
        return robot.lookup(chartId + " .chart-marker").queryAll().stream().filter(Node::isVisible).count();
    }

    @Test
    void trainPauseOverrideResumeStopThenCompareTwoRunsInRuns(FxRobot robot) throws Exception {
        robot.clickOn("Training");
        type(robot, "#train-epochs", "100000"); // still running whenever the test acts
        type(robot, "#train-lr", "0.05");
        robot.clickOn("#train-start");
        TrainingRun first = window.training().selectedProperty().get();
        await(() -> first.series().size() > 30);
        // the progress line refreshes a few times a second, not every frame
        await(() -> robot.lookup("#train-progress-text").queryLabeled().getText().contains("ETA"));
        assertThat(robot.lookup("#train-progress-text").queryLabeled().getText()).startsWith("Epoch ").contains("ETA");
        await(() -> drawnVertices(robot, "#chart-loss") > 30 && drawnVertices(robot, "#chart-lr") > 2);

        robot.clickOn("#train-pause");
        await(() -> first.state() == RunState.PAUSED);
        type(robot, "#train-override-lr", "0.002");
        robot.clickOn("#train-override-apply");
        robot.clickOn("#train-resume");
        await(() -> !first.marks().isEmpty() && first.state() == RunState.RUNNING);
        assertThat(first.marks().get(0).kind()).isEqualTo(TrainingEvent.Kind.LR_OVERRIDDEN);
        assertThat(first.marks().get(0).lr()).isEqualTo(0.002);
        await(() -> visibleMarkers(robot, "#chart-lr") == 1 && visibleMarkers(robot, "#chart-loss") == 1);
        assertThat(robot.lookup("#chart-lr .chart-marker-label").queryLabeled().getText()).isEqualTo("#1 set 0.002");

        robot.clickOn("#train-stop");
        await(() -> first.state() == RunState.CANCELLED);
        assertThat(robot.lookup("#train-run-message").queryLabeled().getText()).startsWith("Cancelled at iteration");

        type(robot, "#train-epochs", "3");
        type(robot, "#train-lr", "0.2");
        robot.clickOn("#train-start");
        TrainingRun second = window.training().selectedProperty().get();
        assertThat(second).isNotSameAs(first);
        await(() -> second.state() == RunState.FINISHED);
        await(() -> drawnVertices(robot, "#chart-accuracy") >= 4); // 2 runs x train/val, several epochs each
        assertThat(robot.lookup("#train-run-title").queryLabeled().getText()).startsWith("#2 ").contains("finished");

        robot.clickOn("Runs");
        await(() -> window.runs().rows().size() == 2 && window.runs().rows().stream().noneMatch(r -> r.status() == RunStatus.RUNNING));
        List<TableRow<RunRow>> rows = robot.lookup("#runs-table .table-row-cell").queryAllAs((Class<TableRow<RunRow>>) (Class<?>) TableRow.class)
                .stream().filter(r -> r.getItem() != null).toList();
        assertThat(rows).hasSize(2);
        robot.clickOn(rows.get(0));
        robot.press(KeyCode.CONTROL).clickOn(rows.get(1)).release(KeyCode.CONTROL);
        await(() -> window.runs().compared().size() == 2);
        await(() -> drawnVertices(robot, "#compare-accuracy") > 4 && drawnVertices(robot, "#compare-lr") > 4);
        assertThat(robot.lookup("#compare-lr .chart-legend-entry").queryAll()).hasSize(2);

        robot.clickOn("#runs-export-png");
        await(() -> Files.exists(home.resolve("exports/compare.png")));
        assertThat(Files.size(home.resolve("exports/compare.png"))).isGreaterThan(10_000);

        // "Open charts" on the stopped run brings its curves back in Training.
        robot.clickOn(rows.get(1));
        AtomicReference<RunRow> picked = new AtomicReference<>(rows.get(1).getItem());
        assertThat(window.runs().selection()).containsExactly(picked.get());
        robot.clickOn("#runs-open");
        await(() -> window.training().selectedProperty().get() != null
                && picked.get().dir().equals(window.training().selectedProperty().get().folder()));
        assertThat(window.tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("Training");
    }
}
