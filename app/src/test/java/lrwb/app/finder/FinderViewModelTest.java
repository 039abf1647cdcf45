package lrwb.app.finder;

import lrwb.engine.run.RunService;
import lrwb.app.stream.CurrentThreadTaskExecutor;
import lrwb.app.stream.FxTaskExecutor;
import lrwb.app.stream.TaskExecutor;
import org.junit.jupiter.api.AfterAll;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.finder.RangePoint;
import lrwb.engine.run.RunCatalog;
import lrwb.engine.run.RunStatus;
import lrwb.engine.schedule.CyclicSchedule;
import lrwb.engine.schedule.OneCycleSchedule;
import lrwb.engine.schedule.ScheduleSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Finder's ViewModel on the FX thread (toolkit only, no stage), with a real range test on iris. The test runs
 * on the calling thread, so it has ended when start() returns and one hand-over shows it: no waiting, except
 * for stopping a test while it runs, which needs it on a thread of its own.
 */
@ExtendWith(ApplicationExtension.class)
class FinderViewModelTest {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    @TempDir
    Path home;

    private FinderViewModel vm(FxRobot robot) {
        return vm(robot, new CurrentThreadTaskExecutor());
    }

    private FinderViewModel vm(FxRobot robot, TaskExecutor executor) {
        FinderViewModel vm = new FinderViewModel(new RunService(ENGINE), home.resolve("runs"), executor);
        robot.interact(() -> {
            vm.setup().batch().textProperty().set("16");
            vm.iterations().textProperty().set("300");
        });
        return vm;
    }

    /** Starts a test, which runs to its end on this thread, and hands its points over. */
    private static void run(FinderViewModel vm) {
        assertThat(vm.start()).isTrue();
        vm.awaitTestEnded(); // the test runs on the run service's thread, whatever the executor
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void aRealRangeTestStreamsPointsAndEndsWithBoundsAndARunFolder(FxRobot robot) throws Exception {
        FinderViewModel vm = vm(robot);
        List<Integer> batchSizes = new ArrayList<>();
        vm.runs().addListener((javafx.collections.ListChangeListener<FinderRun>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(r -> r.points().addListener((javafx.collections.ListChangeListener<RangePoint>) c -> {
                    while (c.next()) {
                        batchSizes.add(c.getAddedSize());
                    }
                }));
            }
        });
        robot.interact(() -> run(vm));
        FinderRun run = vm.currentProperty().get();
        assertThat(run.points()).isNotEmpty();
        assertThat(run.points().get(0).iteration()).isZero();
        // coalesced per frame: far fewer list updates than points
        assertThat(batchSizes.size()).isLessThan(run.points().size());
        assertThat(run.resultProperty().get().diverged()).isTrue();
        assertThat(vm.lowerBoundProperty().get()).isLessThan(vm.upperBoundProperty().get());
        assertThat(vm.statusProperty().get()).startsWith("Diverged at iteration").contains("network is restored");
        assertThat(run.stepsPerEpoch()).isEqualTo(8); // 120 training rows of iris in batches of 16
        Path folder = run.folderProperty().get();
        assertThat(folder.resolve("range.csv")).exists();
        assertThat(new RunCatalog(home.resolve("runs")).list().runs()).singleElement()
                .satisfies(e -> assertThat(e.record().status()).isEqualTo(RunStatus.DIVERGED));
    }

    @Test
    void aWeightDecayListRunsOneTestPerWdOverlaidAndGrouped(FxRobot robot) throws Exception {
        FinderViewModel vm = vm(robot);
        robot.interact(() -> {
            vm.setup().optimizer().textProperty().set("adam");
            vm.iterations().textProperty().set("40");
            vm.weightDecays().textProperty().set("0,1e-3,0.3");
            vm.lossSourceProperty().set(lrwb.engine.finder.LossSource.VAL);
            run(vm);
        });
        assertThat(vm.runs()).hasSize(3);
        assertThat(vm.runs().stream().map(FinderRun::label)).allMatch(l -> l.endsWith("iris mlp:64,32 adam · batch 16 · seed 42 · val loss"))
                .map(l -> l.substring(0, l.indexOf(" · "))).containsExactly("wd 0", "wd 0.001", "wd 0.3");
        assertThat(vm.runs()).allSatisfy(r -> assertThat(r.resultProperty().get()).isNotNull());
        assertThat(vm.currentProperty().get()).isSameAs(vm.runs().get(2));
        assertThat(vm.runningProperty().get()).isFalse();
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            var config = mapper.readTree(vm.runs().get(k).folderProperty().get().resolve("run.json").toFile()).get("config");
            assertThat(config.get("group").get("weightDecay").asDouble()).isEqualTo(List.of(0.0, 1e-3, 0.3).get(k));
            assertThat(config.get("lossSource").asText()).isEqualTo("val");
            ids.add(config.get("group").get("id").asText());
        }
        assertThat(ids).containsOnly(ids.get(0));
        assertThat(vm.runs().get(2).points()).isNotEqualTo(vm.runs().get(0).points());
    }

    @Test
    void aBadWeightDecayListIsMarkedAtItsField(FxRobot robot) {
        FinderViewModel vm = vm(robot);
        robot.interact(() -> {
            vm.weightDecays().textProperty().set("0,-1");
            assertThat(vm.start()).isFalse();
        });
        assertThat(vm.weightDecays().error())
                .isEqualTo("weight decays must be a comma-separated list of 1 to 8 distinct numbers >= 0, e.g. 0,1e-4,1e-3 (got '0,-1')");
        assertThat(vm.runs()).isEmpty();
        robot.interact(() -> {
            vm.setup().optimizer().textProperty().set("adam:wd=0.1");
            vm.weightDecays().textProperty().set("0,1e-4");
            assertThat(vm.start()).isFalse();
        });
        assertThat(vm.weightDecays().error()).isEqualTo("weight decays set the optimizer's wd for each test: leave wd out of the optimizer");
    }

    @Test
    void draggedBoundsBecomeACyclicScheduleAndTheValleyAOneCycle(FxRobot robot) throws Exception {
        FinderViewModel vm = vm(robot);
        List<ScheduleSpec> sent = new ArrayList<>();
        vm.setDesignerSink(sent::add);
        robot.interact(() -> run(vm));
        robot.interact(() -> {
            vm.lowerBoundProperty().set(0.002);
            vm.upperBoundProperty().set(0.2);
        });
        CyclicSchedule cyclic = vm.cyclicSchedule().orElseThrow();
        assertThat(cyclic.baseLr()).isEqualTo(0.002);
        assertThat(cyclic.maxLr()).isEqualTo(0.2);
        // the default plan of 10 epochs of 8 batches holds one whole cycle
        assertThat(cyclic.stepSizeUp()).isEqualTo(40);
        OneCycleSchedule oneCycle = vm.oneCycleSchedule().orElseThrow();
        double valley = vm.currentProperty().get().suggestions().valley();
        assertThat(oneCycle.maxLr()).isEqualTo(Double.parseDouble(lrwb.app.chart.NumberLabels.significant(valley, 3)));
        assertThat(oneCycle.totalSteps()).isEqualTo(10 * 8);
        assertThat(vm.openInDesigner(vm.cyclicSchedule())).isTrue();
        assertThat(sent).containsExactly(cyclic);
    }

    /** Schedules made here last as long as the run Training plans (fastai's fit_one_cycle), not a fixed 10 epochs. */
    @Test
    void handedOverSchedulesFitTheRunTrainingPlansAndCarryTheSetup(FxRobot robot) throws Exception {
        FinderViewModel vm = vm(robot);
        List<lrwb.app.form.SetupHandOver> setups = new ArrayList<>();
        List<ScheduleSpec> specs = new ArrayList<>();
        vm.setTrainingSink((setup, spec) -> {
            setups.add(setup);
            specs.add(spec);
        });
        vm.setPlannedEpochs(() -> 100);
        robot.interact(() -> {
            vm.setup().optimizer().textProperty().set("adam");
            vm.setup().seed().textProperty().set("7");
            run(vm);
            vm.setup().optimizer().textProperty().set("sgd"); // edited after the test: the test's own setup is handed over
        });
        assertThat(vm.oneCycleSchedule().orElseThrow().totalSteps()).isEqualTo(100 * 8);
        robot.interact(() -> {
            vm.lowerBoundProperty().set(0.002);
            vm.upperBoundProperty().set(0.2);
        });
        // 100 epochs hold 13 whole cycles of about 4 epochs up and 4 down: 800 / 26 = 30 iterations a half cycle
        assertThat(vm.cyclicSchedule().orElseThrow().stepSizeUp()).isEqualTo(30);

        robot.interact(() -> assertThat(vm.trainWithBand()).isTrue());
        assertThat(specs.get(0)).isEqualTo(vm.cyclicSchedule().orElseThrow());
        lrwb.app.form.SetupHandOver setup = setups.get(0);
        assertThat(setup.describe()).isEqualTo("iris · mlp:64,32 · adam · batch 16 · seed 7");

        robot.interact(() -> assertThat(vm.trainAtValley()).isTrue());
        double valley = vm.currentProperty().get().suggestions().valley();
        assertThat(specs.get(1)).isEqualTo(new lrwb.engine.schedule.ConstantSchedule(
                Double.parseDouble(lrwb.app.chart.NumberLabels.significant(valley, 3))));

        // band edges dragged onto each other: no "cycle" with baseLr = maxLr, and the reason in words
        robot.interact(() -> {
            vm.lowerBoundProperty().set(0.01);
            vm.upperBoundProperty().set(0.010001);
        });
        assertThat(vm.cyclicSchedule()).isEmpty();
        assertThat(vm.bandProblem()).contains("The band's upper edge (0.01) must be above its lower edge (0.01): drag them apart.");
        robot.interact(() -> assertThat(vm.trainWithBand()).isFalse());
        assertThat(vm.statusProperty().get()).isEqualTo(vm.bandProblem().orElseThrow());
        assertThat(specs).hasSize(2);
    }

    /** Item 18 of issue 13: batch 5000 on iris's 120 training rows is marked at the field, and nothing starts. */
    @Test
    void aBatchLargerThanTheTrainingSetIsMarkedAtItsField(FxRobot robot) {
        FinderViewModel vm = vm(robot);
        robot.interact(() -> {
            vm.setup().batch().textProperty().set("5000");
            assertThat(vm.setup().batch().error()).isEqualTo("batch size must be at most the 120 training examples of iris (got 5000)");
            vm.setup().seed().textProperty().set("7"); // another seed: the same size, still marked
            assertThat(vm.setup().batch().hasError()).isTrue();
            assertThat(vm.start()).isFalse();
            assertThat(vm.runs()).isEmpty();
            assertThat(vm.statusProperty().get()).contains("batch size must be at most the 120 training examples of iris");
        });
    }

    @Test
    void stopKeepsThePointsSoFar(FxRobot robot) throws Exception {
        FinderViewModel vm = vm(robot, new FxTaskExecutor());
        robot.interact(() -> vm.iterations().textProperty().set("100000"));
        robot.interact(vm::start);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.currentProperty().get().points().size() > 20);
        robot.interact(vm::stop);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        FinderRun run = vm.currentProperty().get();
        assertThat(run.resultProperty().get().cancelled()).isTrue();
        assertThat(run.points().size()).isGreaterThan(20).isLessThan(100000);
        assertThat(vm.statusProperty().get()).startsWith("Cancelled after");
    }

    @Test
    void invalidInputsAreMarkedAtTheirFieldsAndNothingStarts(FxRobot robot) {
        FinderViewModel vm = vm(robot);
        robot.interact(() -> {
            vm.startLr().textProperty().set("abc");
            vm.setup().model().textProperty().set("rnn");
            assertThat(vm.start()).isFalse();
        });
        assertThat(vm.startLr().error()).isEqualTo("start LR must be a number, e.g. 0.01 or 1e-3 (got 'abc')");
        assertThat(vm.setup().model().error()).contains("unknown model 'rnn'");
        assertThat(vm.runs()).isEmpty();
        robot.interact(() -> {
            vm.startLr().textProperty().set("1");
            vm.endLr().textProperty().set("0.1");
            vm.setup().model().textProperty().set("mlp:8");
            assertThat(vm.start()).isFalse();
        });
        assertThat(vm.startLr().error()).isEmpty();
        assertThat(vm.endLr().error()).isEqualTo("end LR must be a finite number > startLr (got 0.1 <= 1)");
    }

    @Test
    void aRangeTestOfTheCnnOnTheShapesImages(FxRobot robot) {
        FinderViewModel vm = vm(robot);
        robot.interact(() -> {
            vm.setup().dataset().textProperty().set("shapes:samples=80,size=16");
            vm.setup().model().textProperty().set("cnn");
            vm.iterations().textProperty().set("12");
            run(vm);
        });
        assertThat(vm.setup().dataset().error()).isEmpty();
        assertThat(vm.currentProperty().get().points()).hasSize(12);
        assertThat(vm.currentProperty().get().stepsPerEpoch()).isEqualTo(4); // 64 training images in batches of 16
    }

    @Test
    void dataProblemsShowAtTheDatasetField(FxRobot robot) throws Exception {
        FinderViewModel vm = vm(robot);
        Path missing = home.resolve("nope.csv");
        robot.interact(() -> {
            vm.setup().dataset().textProperty().set("csv:" + missing);
            run(vm);
        });
        assertThat(vm.setup().dataset().error()).contains("nope.csv");
        assertThat(vm.statusProperty().get()).startsWith("Could not run:");
        assertThat(vm.runs()).isEmpty();
    }

    @Test
    void reopensAPastRunAndExportsItsPoints(FxRobot robot) throws Exception {
        FinderViewModel vm = vm(robot);
        robot.interact(() -> {
            vm.iterations().textProperty().set("40");
            run(vm);
        });
        Path folder = vm.currentProperty().get().folderProperty().get();
        FinderViewModel fresh = new FinderViewModel(new RunService(ENGINE), home.resolve("runs"), new CurrentThreadTaskExecutor());
        Path csv = home.resolve("export.csv");
        robot.interact(() -> {
            assertThat(fresh.exportCsv(csv)).isCompletedExceptionally(); // nothing to export yet
            FinderRun reopened = fresh.reopen(folder).getNow(null);
            assertThat(reopened.points()).isEqualTo(vm.currentProperty().get().points());
            assertThat(reopened.stepsPerEpoch()).isEqualTo(8);
            assertThat(fresh.statusProperty().get()).isEqualTo("Reopened " + reopened.label() + " (" + folder.getFileName() + ").");
            assertThat(fresh.exportCsv(csv)).isDone().isNotCompletedExceptionally();
            fresh.reopenOrSayWhy(home.resolve("runs/not-there"));
            assertThat(fresh.statusProperty().get()).startsWith("Cannot reopen not-there: ");
        });
        assertThat(Files.readString(csv)).isEqualTo(Files.readString(folder.resolve("range.csv")));
    }

    @Test
    void aFixedEndLrMessageGoesWhenEitherFieldIsFixed(FxRobot robot) {
        FinderViewModel vm = vm(robot);
        robot.interact(() -> {
            vm.startLr().textProperty().set("1");
            vm.endLr().textProperty().set("0.1");
            assertThat(vm.start()).isFalse();
            assertThat(vm.endLr().error()).isEqualTo("end LR must be a finite number > startLr (got 0.1 <= 1)");
            vm.startLr().textProperty().set("0.5");
            assertThat(vm.endLr().error()).as("still 0.1 <= 0.5").isEqualTo("end LR must be a finite number > startLr (got 0.1 <= 0.5)");
            assertThat(vm.statusProperty().get()).isEqualTo("Check the marked field: end LR must be a finite number > startLr (got 0.1 <= 0.5)");
            assertThat(vm.statusProperty().get()).startsWith("Check the marked field: end LR must be");
            vm.startLr().textProperty().set("1e-7");
            assertThat(vm.endLr().error()).as("fixed by the other field").isEmpty();
            assertThat(vm.startLr().error()).isEmpty();
            assertThat(vm.statusProperty().get()).isEqualTo("Fixed: press Find LR.");
            vm.iterations().textProperty().set("5");
            assertThat(vm.start()).isFalse();
            assertThat(vm.iterations().error()).isNotEmpty();
            vm.beta().textProperty().set("0.9");
            assertThat(vm.iterations().error()).as("typing elsewhere keeps a message that still holds").isNotEmpty();
        });
    }

    @Test
    void theStatusLineFollowsDraggedBoundsAndTwoRunsNeverShareAName(FxRobot robot) {
        FinderViewModel vm = vm(robot);
        robot.interact(() -> {
            vm.iterations().textProperty().set("60");
            run(vm);
            run(vm);
        });
        String first = vm.runs().get(0).label();
        assertThat(first).endsWith(" · batch 16 · seed 42");
        assertThat(vm.runs().get(1).label()).isEqualTo(first + " (2)");
        var s = vm.currentProperty().get().suggestions();
        assertThat(vm.statusProperty().get()).contains("Cyclic bounds " + lrwb.app.chart.NumberLabels.significant(s.cyclic().lower(), 3)
                + " to " + lrwb.app.chart.NumberLabels.significant(s.cyclic().upper(), 3) + ";").doesNotContain("dragged");
        robot.interact(() -> vm.upperBoundProperty().set(0.25));
        assertThat(vm.statusProperty().get()).contains(" to 0.25 (dragged); steepest descent at ").doesNotContain("apart");
        robot.interact(() -> {
            vm.lowerBoundProperty().set(0.2);
            vm.upperBoundProperty().set(0.21);
        });
        assertThat(vm.statusProperty().get()).contains("Cyclic bounds 0.2 to 0.21 (dragged)")
                .endsWith(" The bounds are less than 1.5× apart: a cycle between them hardly changes the LR; drag them apart.");
        FinderRun older = vm.runs().get(0);
        robot.interact(() -> vm.select(older));
        assertThat(vm.statusProperty().get()).startsWith("Showing " + older.label() + ". Cyclic bounds "
                + lrwb.app.chart.NumberLabels.significant(older.suggestions().cyclic().lower(), 3) + " to ");
        robot.interact(() -> vm.remove(older));
        assertThat(vm.statusProperty().get()).startsWith("Showing " + vm.runs().get(0).label() + ". Cyclic bounds ");
    }

    @Test
    void reopeningARunOnTheChartSelectsItAndATrainingRunIsNamedAsSuch(FxRobot robot) throws Exception {
        FinderViewModel vm = vm(robot);
        robot.interact(() -> {
            vm.iterations().textProperty().set("40");
            run(vm);
            run(vm);
        });
        FinderRun first = vm.runs().get(0);
        Path folder = first.folderProperty().get();
        robot.interact(() -> {
            assertThat(vm.reopen(folder.resolve(".")).getNow(null)).isSameAs(first);
            assertThat(vm.runs()).hasSize(2);
            assertThat(vm.currentProperty().get()).isSameAs(first);
            assertThat(vm.statusProperty().get()).isEqualTo(first.label() + " is already on the chart: selected it.");
        });

        List<SavedRangeTest> saved = vm.savedRangeTests().get(5, TimeUnit.SECONDS);
        assertThat(saved).hasSize(2);
        assertThat(saved).allSatisfy(t -> {
            assertThat(first.label()).startsWith(t.name() + " · ");
            assertThat(t.dataset()).isEqualTo("iris");
            assertThat(t.model()).isEqualTo(lrwb.engine.model.ModelSpec.parse(vm.setup().model().text()).describe());
            assertThat(t.when()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        });

        // In a window that has none on its chart, reopening adds it under its name and date, not its folder id.
        FinderViewModel fresh = new FinderViewModel(new RunService(ENGINE), home.resolve("runs"), new CurrentThreadTaskExecutor());
        Path training = lrwb.app.runs.RecordFixtures.training(home.resolve("other"), java.time.LocalDateTime.of(2026, 12, 1, 10, 0),
                new lrwb.engine.train.TrainingRequest(lrwb.engine.data.DataOptions.of("iris"), lrwb.engine.model.ModelSpec.parse("mlp:8"),
                        lrwb.engine.model.OptimizerSpec.parse("sgd"), new lrwb.engine.schedule.ConstantSchedule(0.1), 1, 16, 42, null),
                1, 0.5, null);
        robot.interact(() -> {
            FinderRun reopened = fresh.reopen(folder).getNow(null);
            SavedRangeTest listed = saved.stream().filter(t -> t.dir().equals(folder)).findFirst().orElseThrow();
            assertThat(reopened.label()).isEqualTo(listed.name() + " · " + listed.when())
                    .doesNotContain(folder.getFileName().toString());
            fresh.reopenOrSayWhy(training);
            assertThat(fresh.statusProperty().get()).isEqualTo("Cannot reopen " + training.getFileName() + ": "
                    + training.getFileName() + " is a training run, not a range test");
            assertThat(fresh.runs()).hasSize(1);
        });
    }
}
