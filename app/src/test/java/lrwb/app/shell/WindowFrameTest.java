package lrwb.app.shell;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import lrwb.app.stream.FxTaskExecutor;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.startup.EngineStartup.EngineInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's start: the frame (tab bar and status line) is on screen before any workspace exists, and the
 * {@link MainWindow} built afterwards fills in that same frame, in the same scene, rather than replacing it.
 */
@ExtendWith(ApplicationExtension.class)
class WindowFrameTest {
    private static final EngineContext ENGINE = EngineContext.create();
    @TempDir
    static Path home;
    private final WindowFrame frame = new WindowFrame();
    private Stage stage;

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        frame.show(stage, WorkbenchState.empty());
    }

    @Test
    void theFrameShowsEveryWorkspaceTabAndSaysTheWorkspacesAreOpening(FxRobot robot) {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(Tab::getText).containsExactly("Designer", "LR Finder", "Training", "Runs", "Sweeps");
        assertThat(tabs.getTabs()).extracting(Tab::getId)
                .containsExactly("tab-designer", "tab-finder", "tab-training", "tab-runs", "tab-sweeps");
        assertThat(tabs.getTabs()).extracting(Tab::getContent).containsOnlyNulls();
        assertThat(robot.lookup("#engine-status").queryAs(Label.class).getText()).isEqualTo("Opening the workspaces…");
        assertThat(stage.getTitle()).isEqualTo("LR Workbench");
        assertThat(stage.getMinWidth()).isEqualTo(MainWindow.MIN_WIDTH);
        assertThat(stage.isShowing()).isTrue();
    }

    @Test
    void theMainWindowFillsInTheFrameOnScreen(FxRobot robot) {
        Node rootOnScreen = stage.getScene().getRoot();
        MainWindow[] window = new MainWindow[1];
        robot.interact(() -> {
            window[0] = new MainWindow(ENGINE, CompletableFuture.completedFuture(new EngineInfo("CpuBackend", 1, 900)),
                    new WorkbenchHome(home), (owner, title, ext, suggested) -> null, new FxTaskExecutor(), WorkbenchState.empty(), frame);
            window[0].attachTo(stage);
        });
        assertThat(stage.getScene().getRoot()).isSameAs(rootOnScreen).isSameAs(window[0].root());
        assertThat(window[0].tabs()).isSameAs(frame.tabs());
        assertThat(robot.lookup("#workspace-designer").tryQuery()).isPresent();
        assertThat(robot.lookup("#engine-status").queryAs(Label.class).getText())
                .isEqualTo("Engine: CpuBackend, 1 thread, ready in 900 ms");
        robot.clickOn("LR Finder");
        assertThat(robot.lookup("#workspace-finder").query().isVisible()).isTrue();
    }
}
