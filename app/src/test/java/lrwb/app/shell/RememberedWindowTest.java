package lrwb.app.shell;

import javafx.scene.control.SplitPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import lrwb.app.stream.CurrentThreadTaskExecutor;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.CosineSchedule;
import lrwb.engine.startup.EngineStartup.EngineInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Item 11 of issue 13: the Designer's curves, the window's size and place, the split positions and the last form
 * values are written to the workbench home when the window closes and come back in the next window.
 */
@ExtendWith(ApplicationExtension.class)
class RememberedWindowTest {
    private static final EngineContext ENGINE = EngineContext.create();
    @TempDir
    Path home;

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    private MainWindow window(WorkbenchState remembered) {
        return new MainWindow(ENGINE, CompletableFuture.completedFuture(new EngineInfo("CpuBackend", 1, 1)), new WorkbenchHome(home),
                (owner, title, ext, suggested) -> null, new CurrentThreadTaskExecutor(), remembered);
    }

    @Test
    void whatTheWindowWasLeftWithComesBackInTheNext(FxRobot robot) {
        AtomicReference<MainWindow> first = new AtomicReference<>();
        AtomicReference<Stage> stage = new AtomicReference<>();
        CosineSchedule cosine = new CosineSchedule(0.05, 900, 0.0, 100, 0.2, lrwb.engine.schedule.Unit.ITERATION);
        robot.interact(() -> {
            MainWindow w = window(WorkbenchState.empty());
            first.set(w);
            stage.set(new Stage());
            w.show(stage.get());
            stage.get().setX(40);
            stage.get().setY(30);
            stage.get().setWidth(1000);
            stage.get().setHeight(700);
            w.designer().remove(w.designer().curves().get(0));
            w.designer().add("My warmup", cosine);
            w.designer().epochsProperty().set(10);
            w.training().form().setup().dataset().textProperty().set("moons");
            w.training().form().epochs().textProperty().set("25");
            w.finder().iterations().textProperty().set("400");
            w.show(Workspace.TRAINING);
            SplitPane split = (SplitPane) stage.get().getScene().getRoot().lookup(".split-pane");
            split.setDividerPositions(0.31);
            stage.get().fireEvent(new WindowEvent(stage.get(), WindowEvent.WINDOW_CLOSE_REQUEST));
        });
        assertThat(stage.get().isShowing()).as("closed once written").isFalse();
        Path file = home.resolve(WorkbenchState.FILE_NAME);
        assertThat(file).exists();

        WorkbenchState remembered = MainWindow.readRemembered(new WorkbenchHome(home));
        robot.interact(() -> {
            MainWindow w = window(remembered);
            assertThat(w.designer().curves()).extracting(c -> c.name())
                    .containsExactly("Cosine + warmup", "One-cycle", "My warmup");
            assertThat(w.designer().curves().get(2).spec()).isEqualTo(cosine);
            assertThat(w.designer().selected().name()).isEqualTo("My warmup");
            assertThat(w.designer().epochsProperty().get()).isEqualTo(10);
            assertThat(w.training().form().setup().dataset().text()).isEqualTo("moons");
            assertThat(w.training().form().epochs().text()).isEqualTo("25");
            assertThat(w.finder().iterations().text()).isEqualTo("400");
            Stage again = new Stage();
            w.show(again);
            assertThat(List.of(again.getX(), again.getY(), again.getWidth(), again.getHeight()))
                    .containsExactly(40.0, 30.0, 1000.0, 700.0);
            w.show(Workspace.TRAINING);
            SplitPane split = (SplitPane) again.getScene().getRoot().lookup(".split-pane");
            assertThat(split.getDividerPositions()[0]).isCloseTo(0.31, org.assertj.core.api.Assertions.within(0.01));
            again.close();
        });
    }

    @Test
    void aDamagedFileOrCurveIsAFreshStart(FxRobot robot) throws Exception {
        Files.writeString(home.resolve(WorkbenchState.FILE_NAME), "designer.curves=2\ndesigner.curves.0.spec={not json\n"
                + "window.width=\\uZZZZ\n");
        assertThat(MainWindow.readRemembered(new WorkbenchHome(home)).isEmpty()).isTrue();
        // a curve this version cannot read is left out; with none left, the first-start curves show
        WorkbenchState s = WorkbenchState.parse("designer.curves=1\ndesigner.curves.0.name=x\ndesigner.curves.0.spec={\"type\":\"nope\"}\n"
                + "form.training.epochs=7\n");
        robot.interact(() -> {
            MainWindow w = window(s);
            assertThat(w.designer().curves()).extracting(c -> c.name())
                    .containsExactly("Step: halve every 10 epochs", "Cosine + warmup", "One-cycle");
            assertThat(w.training().form().epochs().text()).isEqualTo("7");
        });
    }
}
