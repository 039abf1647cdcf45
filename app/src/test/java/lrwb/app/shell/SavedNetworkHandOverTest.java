package lrwb.app.shell;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import lrwb.app.model.ModelPicker;
import lrwb.app.model.SavedNetwork;
import lrwb.app.runs.RecordFixtures;
import lrwb.app.runs.RunRow;
import lrwb.app.stream.CurrentThreadTaskExecutor;
import lrwb.app.training.ScheduleSource;
import lrwb.engine.data.DataOptions;
import lrwb.engine.data.HeaderMode;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.run.RunFiles;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.CosineSchedule;
import lrwb.engine.schedule.Unit;
import lrwb.engine.startup.EngineStartup.EngineInfo;
import lrwb.engine.train.TrainingRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model picker fills both forms (a file, a past run's network), and a training run's saved network goes from
 * Runs to the Training form ("Continue training") and to the LR Finder's ("Range test from these weights").
 */
@ExtendWith(ApplicationExtension.class)
class SavedNetworkHandOverTest {
    private static final EngineContext ENGINE = EngineContext.create();
    private static final CosineSchedule SCHEDULE = new CosineSchedule(0.05, 40, 0, 0, null, Unit.ITERATION);

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    @TempDir
    Path home;
    private Path saved;
    private Path unsaved;
    private Stage stage;

    @BeforeEach
    void runs() throws IOException {
        Path runs = new WorkbenchHome(home).runs();
        TrainingRequest request = new TrainingRequest(new DataOptions("moons", null, HeaderMode.AUTO, 0.25, null, 7),
                ModelSpec.parse("mlp:32,16"), OptimizerSpec.parse("adam"), SCHEDULE, 12, 32, 7, "moons with a saved net");
        saved = RecordFixtures.training(runs, LocalDateTime.of(2026, 1, 2, 3, 4), request, 3, 0.9, null);
        Files.writeString(saved.resolve(RunFiles.MODEL), "a network"); // only its presence matters here
        unsaved = RecordFixtures.training(runs, LocalDateTime.of(2026, 1, 1, 3, 4), request, 1, 0.5, null);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private MainWindow window(FxRobot robot) {
        MainWindow[] w = new MainWindow[1];
        robot.interact(() -> {
            w[0] = new MainWindow(ENGINE, CompletableFuture.<EngineInfo>completedFuture(new EngineInfo("CpuBackend", 1, 1)),
                    new WorkbenchHome(home), (owner, title, ext, suggested) -> null, new CurrentThreadTaskExecutor());
            w[0].show(stage);
        });
        return w[0];
    }

    private static RunRow row(MainWindow window, Path dir) {
        return window.runs().rows().stream().filter(r -> r.dir().equals(dir)).findFirst().orElseThrow();
    }

    @Test
    void continueTrainingFillsTheTrainingFormFromTheRun(FxRobot robot) {
        MainWindow window = window(robot);
        robot.interact(() -> {
            RunRow row = row(window, saved);
            assertThat(row.model()).isEqualTo("mlp:32,16");
            assertThat(window.runs().canStartFromNetwork(row)).isTrue();
            assertThat(window.runs().canStartFromNetwork(row(window, unsaved))).isFalse();
            window.runs().continueTraining(row);
        });
        assertThat(window.tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("Training");
        var form = window.training().form();
        assertThat(form.setup().dataset().text()).isEqualTo("moons");
        assertThat(form.setup().valSplit().text()).isEqualTo("0.25");
        assertThat(form.setup().seed().text()).isEqualTo("7");
        assertThat(form.setup().optimizer().text()).isEqualTo("adam");
        assertThat(form.setup().batch().text()).isEqualTo("32");
        assertThat(form.setup().model().text()).isEqualTo("run:" + saved.toAbsolutePath());
        assertThat(form.epochs().text()).isEqualTo("12");
        assertThat(form.schedule().sourceProperty().get()).isEqualTo(ScheduleSource.GIVEN);
        assertThat(form.schedule().givenProperty().get()).isEqualTo(SCHEDULE);
        assertThat(robot.lookup("#train-model-note").queryAs(Label.class).getText()).contains("is neither a Keras HDF5 file (.h5) nor a DL4J model zip");
        assertThat(robot.lookup("#train-model-note").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void rangeTestFromTheseWeightsFillsTheFindersForm(FxRobot robot) {
        MainWindow window = window(robot);
        robot.interact(() -> window.runs().rangeTestFromWeights(row(window, saved)));
        assertThat(window.tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("LR Finder");
        var setup = window.finder().setup();
        assertThat(setup.dataset().text()).isEqualTo("moons");
        assertThat(setup.optimizer().text()).isEqualTo("adam");
        assertThat(setup.batch().text()).isEqualTo("32");
        assertThat(setup.seed().text()).isEqualTo("7");
        assertThat(setup.model().text()).isEqualTo("run:" + saved.toAbsolutePath());
        assertThat(window.finder().statusProperty().get()).contains(saved.getFileName().toString());
    }

    @Test
    void thePickerSetsEachFormsText(FxRobot robot) {
        MainWindow window = window(robot);
        robot.interact(() -> {
            ModelPicker training = window.training().modelPicker();
            assertThat(training.reloadSavedNetworks()).isDone();
            assertThat(training.savedNetworks()).extracting(SavedNetwork::dir).containsExactly(saved);
            training.useRun(training.savedNetworks().get(0));
            assertThat(window.training().form().setup().model().text()).isEqualTo("run:" + saved.toAbsolutePath());
            training.model().textProperty().set("lenet5"); // typed or picked from the list
            assertThat(training.noteProperty().get()).isEmpty();

            ModelPicker finder = window.finder().modelPicker();
            finder.useFile(Path.of("/models/net.h5"));
            assertThat(window.finder().setup().model().text()).isEqualTo("keras:" + Path.of("/models/net.h5").toAbsolutePath());
            finder.useFile(Path.of("/models/net.zip"));
            assertThat(window.finder().setup().model().text()).isEqualTo("dl4j:" + Path.of("/models/net.zip").toAbsolutePath());
            assertThat(finder.noteProperty().get()).isEqualTo("no such file: /models/net.zip");
            window.show(Workspace.FINDER);
        });
        assertThat(robot.lookup("#finder-model-note").queryAs(Label.class).isVisible()).isTrue();
        // the training field's list offers the presets
        assertThat(window.training().modelPicker().presets()).contains("mlp:64,32", "cnn", "mnist-mlp", "lenet5", "cifar-cnn");
    }
}
