package lrwb.app.sweeps;

import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import lrwb.app.shell.MainWindow;
import lrwb.app.shell.Workspace;
import lrwb.app.stream.CurrentThreadTaskExecutor;
import lrwb.engine.data.DataOptions;
import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.run.RunListener;
import lrwb.engine.run.RunService;
import lrwb.engine.run.RunTarget;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.startup.EngineStartup.EngineInfo;
import lrwb.engine.sweep.SweepRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Sweeps workspace driven as a user would: a real tiny sweep on iris (2 LRs × 2 optimizers, 1 epoch) run from the
 * form, its rows in the table and its points in the chart, the suggestions of a matching range test on the LR axis,
 * sorting, comparing chosen cells, and opening the sweep's folder again, also half-done (then resuming it).
 */
@ExtendWith(ApplicationExtension.class)
class SweepsViewTest {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    @TempDir
    static Path home;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(ENGINE, CompletableFuture.completedFuture(new EngineInfo("CpuBackend", 1, 1)), new WorkbenchHome(home),
                (owner, title, extension, suggested) -> suggested);
        stage.setScene(window.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    /** An adam range test of the same data and network, recorded before the sweep: its suggestions belong on the chart. */
    private static void rangeTestWithAdam() throws Exception {
        RangeTestRequest request = new RangeTestRequest(DataOptions.of("iris"), ModelSpec.parse("mlp:8"), OptimizerSpec.parse("adam"),
                16, RangeTestConfig.defaults());
        new RunService(ENGINE).startRangeTest(request, RunTarget.newFolderIn(home.resolve("runs")), RunListener.NONE).await();
    }

    @Test
    void aTinySweepRunsFromTheFormFillsTheTableAndTheChartAndOpensAgain(FxRobot robot) throws Exception {
        rangeTestWithAdam();
        SweepsViewModel vm = window.sweeps();
        robot.interact(() -> window.show(Workspace.SWEEPS));
        robot.interact(() -> {
            SweepForm f = vm.form();
            f.name().textProperty().set("tiny");
            f.setup().model().textProperty().set("mlp:8");
            f.setup().batch().textProperty().set("16");
            f.epochs().textProperty().set("1");
            f.lrModeProperty().set(LrAxisMode.LIST);
            f.lrList().textProperty().set("0.01, 0.1");
            f.optimizers().textProperty().set("sgd, adam");
            vm.parallel().textProperty().set("2");
        });
        assertThat(robot.lookup("#sweep-cell-count").queryAs(Label.class).getText()).isEqualTo("4 cells: 2 LRs × 2 optimizers");

        robot.clickOn("#sweep-run");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && vm.rows().size() == 4);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.rangeTests().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        Path folder = vm.folderProperty().get();
        assertThat(folder.getParent()).isEqualTo(home.resolve("sweeps"));
        assertThat(folder.getFileName().toString()).endsWith("-tiny");
        assertThat(vm.progressTextProperty().get()).isEqualTo("4 of 4 cells");
        assertThat(vm.statusProperty().get()).startsWith("Finished: 4 cells");
        TableView<?> table = robot.lookup("#sweep-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(4);

        // the chart: a curve per optimizer, a dot per LR, the adam range test's suggestions as markers
        var chart = robot.lookup("#sweep-sensitivity").query();
        assertThat(chart.isVisible()).isTrue();
        assertThat(vm.curves()).extracting(SensitivityCurves.Curve::name).containsExactly("sgd", "adam");
        assertThat(robot.lookup(".chart-point").queryAll()).hasSize(4);
        assertThat(robot.lookup(".chart-marker-label").queryAllAs(Label.class)).anyMatch(l -> l.isVisible()
                && (l.getText().startsWith("valley") || l.getText().startsWith("steepest")));
        assertThat(vm.rangeTests()).extracting(RangeTestMatch::optimizer).containsExactly("adam");
        assertThat(vm.verdictProperty().get()).startsWith("adam: good LRs ").contains("; range test's steepest ");

        // sgd has no range test: the button hands its setup to the Finder
        assertThat(vm.missingRangeTestProperty().get()).isEqualTo("iris · mlp:8 · sgd");
        assertThat(robot.lookup("#sweep-range-test").query().isVisible()).isTrue();
        java.util.concurrent.atomic.AtomicReference<lrwb.app.form.SetupHandOver> handed = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> vm.setRangeTestSink(handed::set));
        robot.clickOn("#sweep-range-test");
        assertThat(handed.get().describe()).isEqualTo("iris · mlp:8 · sgd · batch 16 · seed 42");

        // sorting by a column sorts the view, not the rows
        robot.clickOn("final val loss");
        WaitForAsyncUtils.waitForFxEvents();
        List<Double> shown = table.getItems().stream().map(r -> ((SweepRow) r).finalValLoss()).toList();
        assertThat(shown).isSortedAccordingTo(Comparator.naturalOrder());
        robot.clickOn("final val loss");
        WaitForAsyncUtils.waitForFxEvents();
        shown = table.getItems().stream().map(r -> ((SweepRow) r).finalValLoss()).toList();
        assertThat(shown).isSortedAccordingTo(Comparator.reverseOrder());

        // choosing two cells compares their epochs
        robot.interact(() -> table.getSelectionModel().selectIndices(0, 1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.compared().size() == 2);
        assertThat(vm.compared()).allMatch(c -> c.epochs().length == 1);
        assertThat(vm.compared().get(0).name()).contains("lr 0.0").doesNotContain("cell");

        // the folder opens again in a workspace of its own, all rows; half of its summary gone, it can be resumed
        SweepsViewModel again = new SweepsViewModel(home.resolve("sweeps"), home.resolve("runs"), ENGINE, new CurrentThreadTaskExecutor());
        robot.interact(() -> again.open(folder));
        assertThat(again.rows()).hasSize(4);
        assertThat(again.resumableProperty().get()).isFalse();
        assertThat(again.statusProperty().get()).startsWith("Opened ").contains("4 of 4 cells finished");

        Path summary = folder.resolve(summaryName(folder));
        List<String> lines = Files.readAllLines(summary);
        Files.write(summary, lines.subList(0, 3)); // header and two cells
        robot.interact(() -> again.open(folder));
        assertThat(again.rows()).hasSize(2);
        assertThat(again.resumableProperty().get()).isTrue();
        robot.interact(again::resume);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
            robot.interact(again::drainFrames);
            return !again.runningProperty().get();
        });
        assertThat(again.rows()).extracting(SweepRow::cell).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(again.statusProperty().get()).startsWith("Finished: 4 cells");
    }

    @Test
    void aGridOfTooManyCellsIsRefusedWithTheEnginesOneLineAndACellErrorGoesToItsField(FxRobot robot) {
        SweepsViewModel vm = new SweepsViewModel(home.resolve("sweeps"), home.resolve("runs"), ENGINE, new CurrentThreadTaskExecutor());
        robot.interact(() -> {
            vm.form().setup().model().textProperty().set("mlp:8");
            vm.form().lrPoints().textProperty().set("101");
            vm.form().optimizers().textProperty().set("");
            vm.form().seeds().textProperty().set(String.join(",", java.util.stream.IntStream.rangeClosed(1, 100)
                    .mapToObj(Integer::toString).toList()));
        });
        assertThat(vm.cellCountProperty().get()).isEqualTo("10,100 cells: 101 LRs × 100 seeds");
        robot.interact(vm::start);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.gridMessageProperty().get()).isEqualTo(
                "axes make 10100 cells (101 lr x 100 seed), more than the 10000 a sweep may have");
        assertThat(vm.folderProperty().get()).isNull();

        robot.interact(() -> {
            vm.form().lrPoints().textProperty().set("2");
            vm.form().seeds().textProperty().set("");
            vm.form().setup().batch().textProperty().set("500"); // iris trains on 120 rows
        });
        robot.interact(vm::start);
        assertThat(vm.form().setup().batch().error()).contains("batch").contains("120");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    /** The summary file's name, found on disk (the app spells no record file's name). */
    private static String summaryName(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".csv")).findFirst().orElseThrow();
        }
    }
}
