package lrwb.app.shell;

import org.junit.jupiter.api.AfterAll;
import lrwb.engine.runtime.EngineContext;
import javafx.stage.Stage;
import lrwb.app.training.ScheduleSource;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.startup.EngineStartup.EngineInfo;
import lrwb.engine.schedule.CyclicSchedule;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.schedule.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** "Train with this" from another workspace lands in the Training form, with Training in front. */
@ExtendWith(ApplicationExtension.class)
class TrainWithThisTest {
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
        window = new MainWindow(ENGINE, CompletableFuture.<EngineInfo>completedFuture(new EngineInfo("CpuBackend", 1, 1)),
                new WorkbenchHome(home), (owner, title, ext, suggested) -> null);
        window.show(stage);
    }

    @Test
    void theDesignersSelectedScheduleAndAFinderScheduleGoToTheTrainingForm(FxRobot robot) {
        robot.interact(() -> {
            ScheduleSpec selected = window.designer().selected().spec();
            window.designer().trainWithSelected();
            assertThat(window.tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("Training");
            assertThat(window.training().form().schedule().sourceProperty().get()).isEqualTo(ScheduleSource.GIVEN);
            assertThat(window.training().form().schedule().givenProperty().get()).isEqualTo(selected);

            window.tabs().getSelectionModel().select(0);
            CyclicSchedule fromFinder = new CyclicSchedule(0.001, 0.1, 32, 32, CyclicSchedule.Mode.TRIANGULAR,
                    CyclicSchedule.DEFAULT_GAMMA, Unit.ITERATION);
            window.trainWith(fromFinder);
            assertThat(window.tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("Training");
            assertThat(window.training().form().schedule().givenProperty().get()).isEqualTo(fromFinder);
        });
        assertThat(robot.lookup("#train-given-schedule").queryLabeled().getText()).isEqualTo("cyclic 0.001–0.1");
        assertThat(window.training().statusProperty().get()).startsWith("Schedule cyclic 0.001–0.1 is set");
    }

    @Test
    void theDesignersButtonOpensTraining(FxRobot robot) {
        ScheduleSpec selected = window.designer().selected().spec();
        robot.clickOn("#designer-train");
        assertThat(window.tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("Training");
        assertThat(window.training().form().schedule().givenProperty().get()).isEqualTo(selected);
    }
}
