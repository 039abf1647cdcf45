package lrwb.app.runs;

import lrwb.app.compare.ComparedRun;

import lrwb.app.stream.CurrentThreadTaskExecutor;
import lrwb.app.stream.QueuedTaskExecutor;
import lrwb.engine.data.DataOptions;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.run.RunFiles;
import lrwb.engine.run.RunInfo;
import lrwb.engine.run.RunStatus;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.CosineSchedule;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.train.TrainingRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Runs ViewModel over run folders written the way the engine writes them (recorders fed synthetic metrics,
 * so no network is trained here). The disk work runs on the calling thread, so every result is there when the
 * call returns: no waiting.
 */
@ExtendWith(ApplicationExtension.class)
class RunsViewModelTest {
    @TempDir
    Path home;
    private Path runs;
    private Path cosine;
    private Path constant;
    private Path diverged;
    private Path rangeTest;

    @BeforeEach
    void writeRuns() throws IOException {
        runs = new WorkbenchHome(home).runs();
        cosine = training(LocalDateTime.of(2026, 11, 20, 9, 0), new CosineSchedule(0.1, 40, 0, 0, null, null), 5, 0.9, null);
        constant = training(LocalDateTime.of(2026, 11, 20, 10, 0), new ConstantSchedule(0.05), 5, 0.8, null);
        diverged = training(LocalDateTime.of(2026, 11, 20, 11, 0), new ConstantSchedule(5), 2, 0.3,
                "the loss became NaN at iteration 12 (epoch 2, lr 5.0): lower the learning rate");
        rangeTest = rangeTest(LocalDateTime.of(2026, 11, 20, 8, 0));
        Files.createDirectories(runs.resolve("20261120-070000-training-broken"));
    }

    private Path training(LocalDateTime when, ScheduleSpec schedule, int epochs, double bestAcc, String divergence) throws IOException {
        TrainingRequest request = new TrainingRequest(DataOptions.of("iris"), ModelSpec.parse("mlp:16"), OptimizerSpec.parse("sgd"),
                schedule, epochs, 16, 42, null);
        return RecordFixtures.training(runs, when, request, epochs, bestAcc, divergence);
    }

    private Path rangeTest(LocalDateTime when) throws IOException {
        return RecordFixtures.rangeTest(runs, when, new RangeTestRequest(DataOptions.of("iris"), ModelSpec.parse("mlp:16"),
                OptimizerSpec.parse("sgd"), 16, RangeTestConfig.defaults()));
    }

    private RunsViewModel refreshed(FxRobot robot) {
        AtomicReference<RunsViewModel> vm = new AtomicReference<>();
        robot.interact(() -> {
            vm.set(new RunsViewModel(new WorkbenchHome(home), new CurrentThreadTaskExecutor()));
            assertThat(vm.get().refresh()).isDone();
        });
        return vm.get();
    }

    private static RunRow row(RunsViewModel vm, Path dir) {
        return vm.rows().stream().filter(r -> r.dir().equals(dir)).findFirst().orElseThrow();
    }

    @Test
    void listsEveryRunNewestFirstWithWhatItRanAndHowItEnded(FxRobot robot) throws Exception {
        RunsViewModel vm = refreshed(robot);
        assertThat(vm.rows()).extracting(RunRow::dir).containsExactly(diverged, constant, cosine, rangeTest);
        RunRow c = row(vm, cosine);
        assertThat(c.name()).isEqualTo("mlp:16 sgd cosine");
        assertThat(c.kindLabel()).isEqualTo("training");
        assertThat(c.dataset()).isEqualTo("iris");
        assertThat(c.model()).isEqualTo("mlp:16");
        assertThat(c.optimizer()).isEqualTo("sgd");
        assertThat(c.schedule()).isEqualTo("cosine 0.1");
        assertThat(c.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(c.bestValAccuracyProperty().get()).isEqualTo(0.9);
        assertThat(c.secondsProperty().get()).isGreaterThanOrEqualTo(0);
        RunRow d = row(vm, diverged);
        assertThat(d.status()).isEqualTo(RunStatus.DIVERGED);
        assertThat(d.messageProperty().get()).contains("lower the learning rate");
        RunRow r = row(vm, rangeTest);
        assertThat(r.kindLabel()).isEqualTo("range test");
        assertThat(r.schedule()).isEqualTo("range test 1e-7 → 10 exp");
        assertThat(r.bestValAccuracyProperty().get()).isNaN();
        assertThat(vm.problemsProperty().get()).startsWith("1 folder(s) skipped: 20261120-070000-training-broken: no run files");
    }

    @Test
    void filtersByTextAndKind(FxRobot robot) throws Exception {
        RunsViewModel vm = refreshed(robot);
        robot.interact(() -> {
            vm.filterTextProperty().set("COSINE");
            assertThat(vm.shownRows()).extracting(RunRow::dir).containsExactly(cosine);
            vm.filterTextProperty().set("diverged");
            assertThat(vm.shownRows()).extracting(RunRow::dir).containsExactly(diverged, rangeTest);
            vm.kindFilterProperty().set(KindFilter.RANGE_TEST);
            assertThat(vm.shownRows()).extracting(RunRow::dir).containsExactly(rangeTest);
            vm.filterTextProperty().set("");
            vm.kindFilterProperty().set(KindFilter.TRAINING);
            assertThat(vm.shownRows()).hasSize(3);
        });
    }

    @Test
    void selectingRunsOverlaysTheirCurvesEachInItsOwnColour(FxRobot robot) throws Exception {
        RunsViewModel vm = refreshed(robot);
        robot.interact(() -> vm.selection().setAll(row(vm, cosine), row(vm, constant), row(vm, rangeTest)));
        assertThat(vm.compared()).hasSize(3);
        List<ComparedRun> compared = List.copyOf(vm.compared());
        assertThat(compared).extracting(ComparedRun::color).doesNotHaveDuplicates();
        ComparedRun c = compared.get(0);
        assertThat(c.epochs()).containsExactly(1, 2, 3, 4, 5);
        assertThat(c.valAccuracy()[4]).isEqualTo(0.9);
        assertThat(c.valLoss()[0]).isEqualTo(1.2);
        assertThat(c.lr()).hasSize(40);
        ComparedRun r = compared.get(2);
        assertThat(r.rangeTest()).isTrue();
        assertThat(r.lr()).hasSize(50);
        // a run that stays selected keeps its colour when others join or leave
        robot.interact(() -> vm.selection().remove(0));
        assertThat(vm.compared()).hasSize(2);
        assertThat(vm.compared().get(0).color()).isEqualTo(compared.get(1).color());
    }

    /** Item 14 of issue 13: what each kind is compared by, the same colour as in Training, batch and epochs. */
    @Test
    void rangeTestsCompareByLossAgainstLrAndRunsKeepTheirTrainingColour(FxRobot robot) throws Exception {
        RunsViewModel vm = refreshed(robot);
        javafx.scene.paint.Color trainingColour = lrwb.app.chart.CurveColors.next(List.of());
        List<Path> deleted = new ArrayList<>();
        List<String> renamed = new ArrayList<>();
        robot.interact(() -> {
            vm.setKnownColors(dir -> dir.equals(constant) ? trainingColour : null);
            vm.setRecordListeners(deleted::add, (dir, name) -> renamed.add(dir.getFileName() + "=" + name));
            vm.selection().setAll(row(vm, cosine)); // takes the first free colour, which is Training's colour of another run
        });
        assertThat(vm.compared().get(0).color()).isEqualTo(trainingColour);
        robot.interact(() -> vm.selection().setAll(row(vm, cosine), row(vm, constant), row(vm, rangeTest)));
        ComparedRun cos = vm.compared().get(0);
        assertThat(cos.trainLoss()).containsExactly(1.0, 1.0 / 2, 1.0 / 3, 1.0 / 4, 1.0 / 5); // beside validation
        assertThat(vm.compared().get(1).color()).as("the colour Training shows it in").isEqualTo(trainingColour);
        assertThat(cos.color()).isNotEqualTo(trainingColour);
        ComparedRun range = vm.compared().get(2);
        assertThat(range.rangeLoss()).hasSize(50).containsOnly(1.0); // smoothed loss against its LRs
        assertThat(range.lr()).hasSize(50);

        assertThat(row(vm, cosine).batchSize()).isEqualTo("16");
        assertThat(row(vm, cosine).epochs()).isEqualTo("5");
        assertThat(row(vm, rangeTest).epochs()).isEqualTo("–");

        robot.interact(() -> {
            assertThat(vm.rename(row(vm, cosine), "baseline")).isCompletedWithValue(true);
            assertThat(vm.delete(List.of(row(vm, constant)))).isCompletedWithValue(1);
        });
        assertThat(renamed).containsExactly(cosine.getFileName() + "=baseline");
        assertThat(deleted).containsExactly(constant);
    }

    @Test
    void renameRewritesRunJsonAndKeepsTheFolder(FxRobot robot) throws Exception {
        RunsViewModel vm = refreshed(robot);
        robot.interact(() -> {
            RunRow c = row(vm, cosine);
            assertThat(vm.rename(c, "  cosine baseline ")).isCompletedWithValue(true);
            assertThat(c.name()).isEqualTo("cosine baseline");
            assertThat(vm.changingProperty().get()).isFalse();
            assertThat(vm.rename(c, " ")).isCompletedWithValue(false);
            assertThat(vm.statusIsErrorProperty().get()).isTrue();
        });
        assertThat(RunInfo.read(cosine).name()).isEqualTo("cosine baseline");
        assertThat(RunInfo.read(cosine).status()).isEqualTo(RunStatus.FINISHED);
        RunsViewModel again = refreshed(robot);
        assertThat(row(again, cosine).name()).isEqualTo("cosine baseline");
    }

    @Test
    void damagedRecordsAreListedAndFlaggedNotSkippedOrTrusted(FxRobot robot) throws Exception {
        Path epochs = constant.resolve(RunFiles.EPOCHS);
        Files.writeString(epochs, Files.readString(epochs) + "5,0.1,0.2,0.9,0.3,2.5,0.1\n");
        Path corrupt = Files.createDirectories(runs.resolve("20261121-080000-rangetest-corrupt"));
        Files.writeString(corrupt.resolve(RunFiles.RUN_JSON), "{\"kind\": \"rangeTest\", ");
        Files.writeString(corrupt.resolve(RunFiles.RANGE), RunFiles.RANGE_HEADER + "\n0,1e-5,2.0,2.0\n");
        RunsViewModel vm = refreshed(robot);
        RunRow c = row(vm, constant);
        assertThat(c.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(c.isDamaged()).isTrue();
        assertThat(c.bestValAccuracyProperty().get()).as("the impossible 2.5 is left out").isEqualTo(0.8);
        assertThat(c.messageProperty().get())
                .startsWith("Damaged record: epochs.csv line 7: val_accuracy 2.5 is outside [0, 1] (left out)");
        RunRow broken = row(vm, corrupt);
        assertThat(broken.status()).isEqualTo(RunStatus.DAMAGED);
        assertThat(broken.isRangeTest()).isTrue();
        assertThat(broken.name()).isEqualTo("20261121-080000-rangetest-corrupt");
        assertThat(broken.messageProperty().get()).startsWith("Damaged record: run.json is not readable JSON");
        assertThat(vm.problemsProperty().get()).startsWith("2 run records are damaged");
    }

    @Test
    void liveRunsCannotBeRenamedOrDeleted(FxRobot robot) throws Exception {
        Path live = RecordFixtures.live(runs, LocalDateTime.of(2026, 11, 21, 9, 0), new TrainingRequest(DataOptions.of("iris"),
                ModelSpec.parse("mlp:16"), OptimizerSpec.parse("sgd"), new ConstantSchedule(0.1), 2, 16, 42, null));
        RunsViewModel vm = refreshed(robot);
        robot.interact(() -> {
            RunRow l = row(vm, live);
            assertThat(l.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(vm.rename(l, "other")).isCompletedWithValue(false);
            assertThat(vm.statusProperty().get()).contains("still running");
            assertThat(vm.delete(List.of(l, row(vm, constant)))).isCompletedWithValue(1);
            assertThat(vm.statusProperty().get()).isEqualTo("Deleted 1 run; 1 still running, stop it first");
        });
        assertThat(live).exists();
        assertThat(constant).doesNotExist();
        assertThat(vm.rows()).extracting(RunRow::dir).doesNotContain(constant);
    }

    @Test
    void refreshKeepsRowObjectsAndPicksUpNewRuns(FxRobot robot) throws Exception {
        RunsViewModel vm = refreshed(robot);
        RunRow before = row(vm, cosine);
        Path newer = training(LocalDateTime.of(2026, 11, 22, 9, 0), new ConstantSchedule(0.01), 1, 0.5, null);
        robot.interact(() -> assertThat(vm.refresh()).isDone());
        assertThat(vm.rows().get(0).dir()).isEqualTo(newer);
        assertThat(row(vm, cosine)).isSameAs(before);
        assertThat(vm.rows()).hasSize(5);
    }

    @Test
    void exportsMetricsAsRecordedAndOpensTrainingRunsThroughTheShell(FxRobot robot) throws Exception {
        RunsViewModel vm = refreshed(robot);
        Path out = home.resolve("out/epochs.csv");
        AtomicReference<Path> opened = new AtomicReference<>();
        robot.interact(() -> {
            RunRow c = row(vm, cosine);
            assertThat(MetricsFile.of(c)).containsExactly(MetricsFile.EPOCHS, MetricsFile.ITERATIONS);
            assertThat(MetricsFile.of(row(vm, rangeTest))).containsExactly(MetricsFile.RANGE);
            assertThat(vm.exportCsv(c, MetricsFile.EPOCHS, out)).isCompletedWithValue(true);
            assertThat(vm.canOpen(c)).isFalse();
            vm.setOpeners(opened::set, null);
            assertThat(vm.canOpen(c)).isTrue();
            assertThat(vm.canOpen(row(vm, rangeTest))).isFalse();
            vm.open(c);
        });
        assertThat(Files.readAllLines(out)).hasSize(6).first().asString().startsWith("epoch,lr,train_loss");
        assertThat(opened.get()).isEqualTo(cosine);
    }

    @Test
    void aChangeBeingWrittenRefusesAnotherAndShowsWhenItArrives(FxRobot robot) {
        QueuedTaskExecutor disk = new QueuedTaskExecutor();
        robot.interact(() -> {
            RunsViewModel vm = new RunsViewModel(new WorkbenchHome(home), disk);
            vm.refresh();
            disk.runAll();
            RunRow c = row(vm, cosine);
            var renamed = vm.rename(c, "baseline");
            assertThat(vm.changingProperty().get()).isTrue();
            assertThat(c.name()).isEqualTo("mlp:16 sgd cosine"); // nothing shown before the disk says so
            assertThat(vm.delete(List.of(c))).isCompletedWithValue(0); // a double action is ignored
            assertThat(disk.waiting()).isEqualTo(1);
            disk.runAll();
            assertThat(renamed).isCompletedWithValue(true);
            assertThat(c.name()).isEqualTo("baseline");
            assertThat(vm.changingProperty().get()).isFalse();
            assertThat(cosine).exists();
        });
    }

    @Test
    void failuresOnDiskAreToldInTheStatusLine(FxRobot robot) throws IOException {
        RunsViewModel vm = refreshed(robot);
        Files.delete(constant.resolve("run.json"));
        Path blocked = home.resolve("a-file");
        Files.writeString(blocked, "not a folder");
        robot.interact(() -> {
            RunRow c = row(vm, constant);
            assertThat(vm.rename(c, "other")).isCompletedWithValue(false);
            assertThat(vm.statusProperty().get()).startsWith("Could not rename " + constant.getFileName());
            assertThat(vm.statusIsErrorProperty().get()).isTrue();
            assertThat(c.name()).isNotEqualTo("other");
            assertThat(vm.exportCsv(row(vm, cosine), MetricsFile.EPOCHS, blocked.resolve("out.csv"))).isCompletedWithValue(false);
            assertThat(vm.statusProperty().get()).startsWith("CSV not written to " + blocked.resolve("out.csv"));
        });
    }
}
