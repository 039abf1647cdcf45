package lrwb.app.designer;

import lrwb.app.files.ScheduleLibrary;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import lrwb.app.chart.PngExport;
import lrwb.app.files.PngFile;
import lrwb.app.stream.CurrentThreadTaskExecutor;
import lrwb.engine.run.WorkbenchHome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Editing a warmup chain through the form: add, retype, remove parts. Headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class SequentialPartsViewTest {
    @TempDir
    Path home;
    DesignerViewModel vm;
    DesignerView view;
    Scene scene;

    @Start
    void start(Stage stage) {
        vm = new DesignerViewModel(new ScheduleLibrary(new WorkbenchHome(home)), List.of(), new CurrentThreadTaskExecutor());
        view = new DesignerView(vm, (owner, title, extension, suggested) -> home.resolve("exports/chart." + extension));
        scene = new Scene(view.node(), 1280, 800);
        scene.getStylesheets().add(DesignerView.class.getResource("/lrwb/app/workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void settle(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(view::flushChart);
    }

    private List<String> headings(FxRobot robot) {
        return robot.lookup(".form-section").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private void addWarmupPreset(FxRobot robot) {
        robot.clickOn("#add-preset");
        robot.clickOn("Cosine + warmup");
        settle(robot);
    }

    @Test
    void addingACosinePartThroughTheFormGrowsTheFormAndChangesTheChart(FxRobot robot) {
        addWarmupPreset(robot);
        assertThat(headings(robot)).containsExactly("Part 1 · Linear", "Part 2 · Cosine decay", "Joining the parts");
        double before = view.chart().curves().get(0).valueAt(5000);

        robot.clickOn("#add-part");
        robot.clickOn("#add-part-cosine");
        settle(robot);

        assertThat(headings(robot)).containsExactly("Part 1 · Linear", "Part 2 · Cosine decay", "Part 3 · Cosine decay",
                "Joining the parts");
        assertThat(robot.lookup("#field-sequential-schedules-2-cosine-lr").tryQuery()).isPresent();
        assertThat(robot.lookup("#field-sequential-milestones").queryAs(javafx.scene.control.TextField.class).getText())
                .isEqualTo("500, 3000");
        assertThat(robot.lookup("#part-2-type").queryAs(ChoiceBox.class).getValue()).isEqualTo("cosine");
        assertThat(robot.lookup("#part-2-down").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#part-0-up").queryAs(Button.class).isDisabled()).isTrue();
        double after = view.chart().curves().get(0).valueAt(5000);
        assertThat(before).isLessThan(0.08);
        assertThat(after).as("the third part restarted the cosine at 3000").isGreaterThan(0.08);
        assertThat(robot.lookup("#designer-status").queryAs(Label.class).getText()).isEqualTo("Added part 3 · Cosine decay");
    }

    @Test
    void theTypeChoiceRetypesAPartAndTheLastPartCannotBeRemoved(FxRobot robot) {
        addWarmupPreset(robot);
        // From the keyboard: focus the first part's type, open it, pick "Constant" (first in the list).
        robot.interact(() -> robot.lookup("#part-0-type").queryAs(ChoiceBox.class).requestFocus());
        robot.type(javafx.scene.input.KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".context-menu .menu-item").nth(0).queryAs(Node.class));
        settle(robot);
        assertThat(headings(robot)).startsWith("Part 1 · Constant");
        assertThat(view.chart().curves().get(0).valueAt(0)).isEqualTo(0.1);

        robot.clickOn("#part-1-remove");
        settle(robot);
        assertThat(headings(robot)).containsExactly("Part 1 · Constant", "Joining the parts");
        assertThat(view.chart().curves().get(0).valueAt(9000)).isEqualTo(0.1);

        robot.clickOn("#part-0-remove");
        settle(robot);
        Label status = robot.lookup("#designer-status").queryAs(Label.class);
        assertThat(status.getText()).isEqualTo("Not removed: a sequential needs at least one part. Change its type instead.");
        assertThat(status.getStyleClass()).contains("status-error");
        assertThat(headings(robot)).containsExactly("Part 1 · Constant", "Joining the parts");
    }

    /** Not an assertion of looks: writes the picture people look at when they review the form. */
    @Test
    void writesAPictureOfAThreePartChain(FxRobot robot) throws Exception {
        addWarmupPreset(robot);
        robot.clickOn("#add-part");
        robot.clickOn("#add-part-constant");
        settle(robot);
        Path png = Path.of("target", "designer-3-parts.png");
        Files.createDirectories(png.getParent());
        robot.interact(() -> {
            try {
                PngFile.write(PngExport.snapshot(scene.getRoot(), 1), png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(png).exists();
        robot.interact(() -> robot.lookup(".form-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        settle(robot);
        robot.interact(() -> {
            try {
                PngFile.write(PngExport.snapshot(scene.getRoot(), 1), png.resolveSibling("designer-3-parts-bottom.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
