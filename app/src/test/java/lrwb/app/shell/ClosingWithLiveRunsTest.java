package lrwb.app.shell;

import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import lrwb.app.stream.FxTaskExecutor;
import lrwb.app.training.TrainingRun;
import lrwb.engine.run.RunCatalog;
import lrwb.engine.run.RunStatus;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.startup.EngineStartup.EngineInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing the window while a training run and a range test are live: the FX thread does not wait; the runs are
 * stopped, and the window closes once their records say so. Real runs on iris, so this one waits for them.
 */
@ExtendWith(ApplicationExtension.class)
class ClosingWithLiveRunsTest {
    private static final EngineContext ENGINE = EngineContext.create();
    @TempDir
    static Path home;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(ENGINE, CompletableFuture.completedFuture(new EngineInfo("CpuBackend", 1, 1)), new WorkbenchHome(home),
                (owner, title, ext, suggested) -> null, new FxTaskExecutor());
        window.show(stage);
    }

    @Test
    void closingStopsTheLiveRunsOffTheFxThreadAndClosesOnceTheirRecordsAreComplete(FxRobot robot) throws Exception {
        AtomicReference<TrainingRun> training = new AtomicReference<>();
        robot.interact(() -> {
            window.training().form().epochs().textProperty().set("100000"); // running whenever the test acts
            window.training().form().schedule().constantLr().textProperty().set("0.05");
            training.set(window.training().train());
            window.finder().setup().batch().textProperty().set("16");
            window.finder().iterations().textProperty().set("100000");
            assertThat(window.finder().start()).isTrue();
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> training.get().series().size() > 10
                && window.finder().currentProperty().get().points().size() > 10);

        // asked first: Cancel keeps the window and the runs
        java.util.List<Integer> asked = new java.util.ArrayList<>();
        robot.interact(() -> {
            window.setQuitConfirmation(live -> asked.add(live) && false);
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            assertThat(asked).containsExactly(2);
            assertThat(window.isClosing()).isFalse();
            assertThat(stage.isShowing()).isTrue();
            assertThat(window.training().anyLiveProperty().get()).isTrue();
            assertThat(window.finder().runningProperty().get()).isTrue();
        });
        robot.interact(() -> {
            window.setQuitConfirmation(live -> asked.add(live)); // "Stop and quit"
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            // the request returned at once: the window waits for the runs, the FX thread does not
            assertThat(window.isClosing()).isTrue();
            assertThat(stage.isShowing()).isTrue();
            assertThat(robot.lookup("#engine-status").queryLabeled().getText()).isEqualTo("Stopping the live runs before closing…");
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)); // a second click changes nothing
            assertThat(asked).containsExactly(2, 2);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !stage.isShowing());
        assertThat(new RunCatalog(home.resolve("runs")).list().runs()).hasSize(2)
                .allSatisfy(e -> assertThat(e.record().status()).isEqualTo(RunStatus.CANCELLED));
    }
}
