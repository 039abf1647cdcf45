package lrwb.app.finder;

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

/** The Finder's ViewModel on the FX thread (toolkit only, no stage), with a real range test on iris. */
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
        FinderViewModel vm = new FinderViewModel(home.resolve("runs"), ENGINE);
        robot.interact(() -> {
            vm.setup().batch().textProperty().set("16");
            vm.iterations().textProperty().set("300");
        });
        return vm;
    }

    private static void awaitEnd(FinderViewModel vm) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aRealRangeTestStreamsPointsAndEndsWithBoundsAndARunFolder(FxRobot robot) throws Exception {
        FinderViewModel vm = vm(robot);
        List<Integer> batchSizes = new ArrayList<>();
        robot.interact(() -> {
            assertThat(vm.start()).isTrue();
            vm.currentProperty().get().points().addListener((javafx.collections.ListChangeListener<RangePoint>) c -> {
                while (c.next()) {
                    batchSizes.add(c.getAddedSize());
                }
            });
        });
        awaitEnd(vm);
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
                .satisfies(e -> assertThat(e.info().status()).isEqualTo(RunStatus.DIVERGED));
    }

    @Test
    void draggedBoundsBecomeACyclicScheduleAndTheValleyAOneCycle(FxRobot robot) throws Exception {
        FinderViewModel vm = vm(robot);
        List<ScheduleSpec> sent = new ArrayList<>();
        vm.setDesignerSink(sent::add);
        robot.interact(vm::start);
        awaitEnd(vm);
        robot.interact(() -> {
            vm.lowerBoundProperty().set(0.002);
            vm.upperBoundProperty().set(0.2);
        });
        CyclicSchedule cyclic = vm.cyclicSchedule().orElseThrow();
        assertThat(cyclic.baseLr()).isEqualTo(0.002);
        assertThat(cyclic.maxLr()).isEqualTo(0.2);
        assertThat(cyclic.stepSizeUp()).isEqualTo(4 * 8);
        OneCycleSchedule oneCycle = vm.oneCycleSchedule().orElseThrow();
        assertThat(oneCycle.maxLr()).isEqualTo(vm.currentProperty().get().suggestions().valley());
        assertThat(oneCycle.totalSteps()).isEqualTo(10 * 8);
        assertThat(vm.openInDesigner(vm.cyclicSchedule())).isTrue();
        assertThat(sent).containsExactly(cyclic);
    }

    @Test
    void stopKeepsThePointsSoFar(FxRobot robot) throws Exception {
        FinderViewModel vm = vm(robot);
        robot.interact(() -> vm.iterations().textProperty().set("100000"));
        robot.interact(vm::start);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.currentProperty().get().points().size() > 20);
        robot.interact(vm::stop);
        awaitEnd(vm);
        FinderRun run = vm.currentProperty().get();
        assertThat(run.resultProperty().get().cancelled()).isTrue();
        assertThat(run.points().size()).isGreaterThan(20).isLessThan(100000);
        assertThat(vm.statusProperty().get()).startsWith("Stopped by you");
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
    void dataProblemsShowAtTheDatasetField(FxRobot robot) throws Exception {
        FinderViewModel vm = vm(robot);
        Path missing = home.resolve("nope.csv");
        robot.interact(() -> {
            vm.setup().dataset().textProperty().set("csv:" + missing);
            assertThat(vm.start()).isTrue();
        });
        awaitEnd(vm);
        assertThat(vm.setup().dataset().error()).contains("nope.csv");
        assertThat(vm.statusProperty().get()).startsWith("Could not run:");
        assertThat(vm.runs()).isEmpty();
    }

    @Test
    void reopensAPastRunAndExportsItsPoints(FxRobot robot) throws Exception {
        FinderViewModel vm = vm(robot);
        robot.interact(() -> vm.iterations().textProperty().set("40"));
        robot.interact(vm::start);
        awaitEnd(vm);
        Path folder = vm.currentProperty().get().folderProperty().get();
        FinderViewModel fresh = new FinderViewModel(home.resolve("runs"), ENGINE);
        FinderRun[] reopened = new FinderRun[1];
        robot.interact(() -> {
            try {
                reopened[0] = fresh.reopen(folder);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertThat(reopened[0].points()).isEqualTo(vm.currentProperty().get().points());
        assertThat(reopened[0].stepsPerEpoch()).isEqualTo(8);
        Path csv = home.resolve("export.csv");
        fresh.exportCsv(csv);
        assertThat(Files.readString(csv)).isEqualTo(Files.readString(folder.resolve("range.csv")));
    }
}
