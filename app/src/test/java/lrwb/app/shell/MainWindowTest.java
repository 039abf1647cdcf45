package lrwb.app.shell;

import org.junit.jupiter.api.AfterAll;
import lrwb.engine.runtime.EngineContext;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import lrwb.engine.startup.EngineStartup.EngineInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    private final CompletableFuture<EngineInfo> startup = new CompletableFuture<>();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(ENGINE, startup);
        window.show(stage);
    }

    @Test
    void opensWithOneTabPerWorkspace(FxRobot robot) {
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertThat(tabs.getTabs()).extracting(t -> t.getText())
                .containsExactly("Designer", "LR Finder", "Training", "Runs", "Sweeps");
        assertThat(robot.lookup("#workspace-designer").tryQuery()).isPresent();
        assertThat(window.root().getScene().getWindow().isShowing()).isTrue();
    }

    @Test
    void theDesignerOpensWithAComparisonToLookAt(FxRobot robot) {
        assertThat(window.designer().curves()).extracting(c -> c.name())
                .containsExactly("Step: halve every 10 epochs", "Cosine + warmup", "One-cycle");
        assertThat(window.designer().selected().name()).isEqualTo("Cosine + warmup");
        assertThat(robot.lookup("#field-sequential-milestones").tryQuery()).isPresent();
    }

    @Test
    void theCopyCodeMenuOffersEveryExportLanguage() {
        assertThat(MainWindow.codeFormats()).extracting(lrwb.app.designer.SnippetFormat::label).containsExactly(
                "Java (DL4J)", "PyTorch", "Keras", "Hugging Face transformers", "optax (JAX)");
    }

    @Test
    void clickingATabShowsItsWorkspace(FxRobot robot) {
        robot.clickOn("LR Finder");
        assertThat(window.tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("LR Finder");
        assertThat(robot.lookup("#workspace-finder").query().isVisible()).isTrue();
    }

    @Test
    void statusLineSaysWhenTheEngineIsReady(FxRobot robot) throws Exception {
        Label status = robot.lookup("#engine-status").queryAs(Label.class);
        assertThat(status.getText()).contains("starting");
        startup.complete(new EngineInfo("CpuBackend", 1, 900));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> window.engineStatus().readyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(status.getText()).isEqualTo("Engine: CpuBackend, 1 thread, ready in 900 ms");
    }

    @Test
    void statusLineSaysWhyTheEngineFailed(FxRobot robot) throws Exception {
        startup.completeExceptionally(new UnsatisfiedLinkError("no jnind4jcpu in java.library.path"));
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#engine-status").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> status.getText().startsWith("Engine failed"));
        assertThat(status.getText()).isEqualTo("Engine failed to start: no jnind4jcpu in java.library.path");
    }
}
