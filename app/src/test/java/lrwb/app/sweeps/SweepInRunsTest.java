package lrwb.app.sweeps;

import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import lrwb.app.runs.KindFilter;
import lrwb.app.runs.RunRow;
import lrwb.app.runs.RunsViewModel;
import lrwb.app.shell.MainWindow;
import lrwb.app.shell.Workspace;
import lrwb.engine.run.RunStatus;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.startup.EngineStartup.EngineInfo;
import lrwb.engine.sweep.LocalCells;
import lrwb.engine.sweep.SweepGrid;
import lrwb.engine.sweep.SweepListener;
import lrwb.engine.sweep.SweepOutcome;
import lrwb.engine.sweep.SweepRow;
import lrwb.engine.sweep.SweepRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A sweep folder written by the engine's runner (iris, 2 LRs, 1 epoch) seen from the app: one row in Runs, which opens
 * in Sweeps with its cells; and the Sweeps summary table exported as CSV in the order it is sorted.
 */
@ExtendWith(ApplicationExtension.class)
class SweepInRunsTest {
    private static final EngineContext ENGINE = EngineContext.create();
    private static final String GRID = "{\"name\": \"two lrs\", \"base\": {\"dataset\": \"iris\", \"model\": \"mlp:8\","
            + " \"optimizer\": \"sgd\", \"batch\": 16, \"epochs\": 1, \"lr\": 0.1}, \"axes\": {\"lr\": [0.01, 0.3]}}";

    @TempDir
    static Path home;
    private static Path sweepDir;
    private MainWindow window;

    @BeforeAll
    static void runTinySweep() throws Exception {
        sweepDir = new WorkbenchHome(home).sweeps().resolve("20260101-120000-two-lrs");
        try (LocalCells cells = new LocalCells(2, ENGINE)) {
            SweepOutcome outcome = SweepRunner.start(SweepGrid.parse(GRID), sweepDir, cells, SweepListener.NONE).await();
            assertThat(outcome.status()).isEqualTo(SweepOutcome.Status.FINISHED);
        }
    }

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    @Start
    void start(Stage stage) {
        window = new MainWindow(ENGINE, CompletableFuture.completedFuture(new EngineInfo("CpuBackend", 1, 1)), new WorkbenchHome(home),
                (owner, title, extension, suggested) -> suggested);
        stage.setScene(window.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @Test
    void aSweepIsOneRowInRunsThatOpensInSweepsWithItsCells(FxRobot robot) throws Exception {
        RunsViewModel runs = window.runs();
        robot.interact(() -> window.show(Workspace.RUNS));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> runs.rows().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();

        // one row for the sweep; its cells' run folders are inside it, not rows of their own
        RunRow row = runs.rows().get(0);
        assertThat(row.isSweep()).isTrue();
        assertThat(row.kindLabel()).isEqualTo("sweep");
        assertThat(row.name()).isEqualTo("two lrs");
        assertThat(row.cellsProperty().get()).isEqualTo("2/2");
        assertThat(row.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(row.dataset()).isEqualTo("iris");
        assertThat(row.optimizer()).isEqualTo("sgd");
        assertThat(row.batchSize()).isEqualTo("16");
        assertThat(row.epochs()).isEqualTo("1");
        // two LRs are two schedules: the cell counts them, its tooltip lists them
        assertThat(row.schedule()).isEqualTo("2 schedules");
        assertThat(row.sweepSchedules()).isEqualTo("constant 0.01\nconstant 0.3");
        javafx.scene.control.TableCell<?, ?> scheduleCell = robot.lookup(".table-cell").queryAllAs(javafx.scene.control.TableCell.class)
                .stream().filter(c -> "2 schedules".equals(c.getText())).findFirst().orElseThrow();
        assertThat(scheduleCell.getTooltip().getText()).isEqualTo("constant 0.01\nconstant 0.3");
        assertThat(row.messageProperty().get()).isEqualTo("2 of 2 cells finished");
        assertThat(runs.statusProperty().get()).endsWith("0 runs in " + home.resolve("runs") + " · 1 sweep in " + home.resolve("sweeps"));
        robot.interact(() -> runs.kindFilterProperty().set(KindFilter.TRAINING));
        assertThat(runs.shownRows()).isEmpty();
        robot.interact(() -> runs.kindFilterProperty().set(KindFilter.SWEEPS));
        assertThat(runs.shownRows()).containsExactly(row);

        // chosen, it offers to open in Sweeps, compares nothing, cannot be renamed
        TableView<?> table = robot.lookup("#runs-table").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(0));
        assertThat(robot.lookup("#runs-open").queryAs(Button.class).getText()).isEqualTo("Open in Sweeps");
        assertThat(robot.lookup("#runs-rename").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(runs.compared()).isEmpty();

        robot.clickOn("#runs-open");
        SweepsViewModel sweeps = window.sweeps();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sweeps.rows().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.tabs().getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-sweeps");
        assertThat(sweeps.folderProperty().get()).isEqualTo(sweepDir);
        assertThat(sweeps.rows()).extracting(SweepRow::lr).containsExactlyInAnyOrder(0.01, 0.3);
        assertThat(sweeps.statusProperty().get()).startsWith("Opened 20260101-120000-two-lrs: 2 of 2 cells finished");
    }

    @Test
    void exportCsvWritesTheSummaryTableInItsSortOrder(FxRobot robot) throws Exception {
        SweepsViewModel sweeps = window.sweeps();
        robot.interact(() -> window.show(Workspace.SWEEPS));
        robot.interact(() -> sweeps.open(sweepDir));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sweeps.rows().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();

        // sorted by LR, largest first: the file has the header, then the rows in that order
        robot.clickOn("LR");
        robot.clickOn("LR");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#sweep-table").queryAs(TableView.class);
        List<SweepRow> shown = table.getItems().stream().map(r -> (SweepRow) r).toList();
        assertThat(shown).extracting(SweepRow::lr).containsExactly(0.3, 0.01);

        robot.clickOn("#sweep-export-csv");
        Path file = home.resolve("exports").resolve("20260101-120000-two-lrs-summary.csv");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.isRegularFile(file));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> expected = new ArrayList<>();
        expected.add(SweepRow.header());
        shown.forEach(r -> expected.add(r.toCsvLine()));
        assertThat(Files.readAllLines(file)).containsExactlyElementsOf(expected);
        assertThat(Files.readAllLines(file).get(1)).startsWith("1,0.3,sgd,");
        assertThat(sweeps.statusProperty().get()).isEqualTo("Saved 2 rows to " + file);
    }
}
