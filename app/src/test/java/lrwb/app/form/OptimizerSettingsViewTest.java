package lrwb.app.form;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import lrwb.app.shell.MainWindow;
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
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The "Optimizer settings" expander of both forms, clicked and typed into as a user would. */
@ExtendWith(ApplicationExtension.class)
class OptimizerSettingsViewTest {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    @TempDir
    static Path home;

    @Start
    void start(Stage stage) {
        MainWindow window = new MainWindow(ENGINE, CompletableFuture.completedFuture(new EngineInfo("CpuBackend", 1, 1)),
                new WorkbenchHome(home), (owner, title, extension, suggested) -> suggested);
        stage.setScene(window.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    /** Both forms in one window (a window per test costs seconds on a busy machine). */
    @Test
    void bothFormsShowTheChosenOptimizersKeysAndWriteTheText(FxRobot robot) {
        robot.clickOn("Training");
        check(robot, "train");
        robot.clickOn("LR Finder");
        check(robot, "finder");
    }

    @SuppressWarnings("unchecked")
    private static void check(FxRobot robot, String prefix) {
        TitledPane pane = robot.lookup("#" + prefix + "-optimizer-settings").queryAs(TitledPane.class);
        assertThat(pane.isExpanded()).as("collapsed by default").isFalse();
        ComboBox<String> optimizer = robot.lookup("#" + prefix + "-optimizer").queryAs(ComboBox.class);
        robot.interact(() -> optimizer.getEditor().setText("adam"));
        robot.clickOn(pane.lookup(".title"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(pane.isExpanded()).isTrue();
        for (String key : new String[] {"beta1", "beta2", "eps", "wd"}) {
            assertThat(robot.lookup("#" + prefix + "-opt-" + key).tryQuery()).as(key).isPresent();
        }
        assertThat(robot.lookup("#" + prefix + "-opt-rho").tryQuery()).isEmpty();
        TextField eps = robot.lookup("#" + prefix + "-opt-eps").queryAs(TextField.class);
        assertThat(eps.getPromptText()).isEqualTo("1e-8");

        robot.clickOn("#" + prefix + "-opt-wd").write("1e-4");
        assertThat(optimizer.getEditor().getText()).isEqualTo("adam:wd=1e-4");

        // another optimizer: its keys, and the text it writes
        robot.interact(() -> optimizer.getEditor().setText("rmsprop:rho=0.9"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#" + prefix + "-opt-beta1").tryQuery()).isEmpty();
        TextField rho = robot.lookup("#" + prefix + "-opt-rho").queryAs(TextField.class);
        assertThat(rho.getPromptText()).isEqualTo("0.99");
        assertThat(rho.getText()).isEqualTo("0.9");

        // a bad value: one line next to its field
        TextField wd = robot.lookup("#" + prefix + "-opt-wd").queryAs(TextField.class);
        robot.interact(() -> wd.setText("-1"));
        Label error = robot.lookup("#" + prefix + "-opt-wd-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("wd must be a number >= 0");
    }
}
