package lrwb.app.training;

import lrwb.engine.data.DataCache;
import lrwb.engine.run.RunService;
import lrwb.app.stream.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.AfterAll;
import lrwb.engine.runtime.EngineContext;
import lrwb.app.files.ScheduleLibrary;
import lrwb.engine.run.RunCatalog;
import lrwb.engine.run.RunStatus;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.CosineSchedule;
import lrwb.engine.schedule.PlateauSchedule;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.train.TrainingEvent;
import lrwb.engine.run.TrainingRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Training ViewModel on the FX thread (toolkit only, no stage), training iris for real. Run folders are made
 * and read on the calling thread; only the training itself, on the jobs' own threads, is waited for.
 */
@ExtendWith(ApplicationExtension.class)
class TrainingViewModelTest {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    @TempDir
    Path dir;

    private TrainingViewModel vm(FxRobot robot, String epochs) {
        AtomicReference<TrainingViewModel> vm = new AtomicReference<>();
        robot.interact(() -> {
            vm.set(new TrainingViewModel(new WorkbenchHome(dir), new RunService(ENGINE), new CurrentThreadTaskExecutor()));
            vm.get().form().epochs().textProperty().set(epochs);
            vm.get().form().schedule().constantLr().textProperty().set("0.05");
        });
        return vm.get();
    }

    private static void await(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static TrainingRun train(FxRobot robot, TrainingViewModel vm) {
        AtomicReference<TrainingRun> run = new AtomicReference<>();
        robot.interact(() -> run.set(vm.train()));
        assertThat(run.get()).isNotNull();
        return run.get();
    }

    /** Item 8 of issue 13: a one-cycle of 10,000 steps in an 80-iteration run is said, and stretched on request. */
    @Test
    void aScheduleWhoseLengthDiffersFromTheRunIsFlaggedAndFitsOnRequest(FxRobot robot) {
        TrainingViewModel vm = vm(robot, "10");
        robot.interact(() -> {
            vm.useSchedule(new lrwb.engine.schedule.OneCycleSchedule(0.1, 10_000, 0.3, lrwb.engine.schedule.OneCycleSchedule.Anneal.COS,
                    25, 1e4, false, lrwb.engine.schedule.Unit.ITERATION));
            // iris: 120 training rows in batches of 16 = 8 batches an epoch
            assertThat(vm.fitNoteProperty().get())
                    .isEqualTo("This oneCycle schedule lasts 10,000 iterations; the run has 80 (10 epochs × 8 batches).");
            assertThat(vm.fitActionProperty().get()).isEqualTo("Fit to this run (80 iterations)");
            assertThat(vm.fitToRun()).isTrue();
            var fitted = (lrwb.engine.schedule.OneCycleSchedule) vm.form().schedule().givenProperty().get();
            assertThat(fitted.totalSteps()).isEqualTo(80);
            assertThat(fitted.maxLr()).isEqualTo(0.1);
            assertThat(vm.fitNoteProperty().get()).isEmpty();
            assertThat(vm.fitToRun()).isFalse();

            vm.form().epochs().textProperty().set("20");
            assertThat(vm.fitNoteProperty().get())
                    .isEqualTo("This oneCycle schedule lasts 80 iterations; the run has 160 (20 epochs × 8 batches).");

            // warmup + cosine of 10,000 steps in 15,000: stretched with its warmup share kept
            vm.form().epochs().textProperty().set("1875");
            vm.useSchedule(new CosineSchedule(0.0, 9_000, 0.0, 1_000, 0.1, lrwb.engine.schedule.Unit.ITERATION));
            assertThat(vm.fitNoteProperty().get())
                    .isEqualTo("This cosine schedule lasts 10,000 iterations; the run has 15,000 (1875 epochs × 8 batches).");
            vm.fitToRun();
            var cosine = (CosineSchedule) vm.form().schedule().givenProperty().get();
            assertThat(cosine.warmupSteps()).isEqualTo(1_500);
            assertThat(cosine.decaySteps()).isEqualTo(13_500);

            // schedules without an end always fit
            vm.useSchedule(new ConstantSchedule(0.05));
            assertThat(vm.fitNoteProperty().get()).isEmpty();
        });
    }

    /** Item 18 of issue 13: a batch larger than the training set is flagged at its field before anything runs. */
    @Test
    void aBatchLargerThanTheTrainingSetIsMarkedAtItsField(FxRobot robot) {
        TrainingViewModel vm = vm(robot, "3");
        robot.interact(() -> {
            vm.form().setup().batch().textProperty().set("5000");
            assertThat(vm.form().setup().batch().error())
                    .isEqualTo("batch size must be at most the 120 training examples of iris (got 5000)");
            assertThat(vm.train()).isNull();
            assertThat(vm.runs()).isEmpty();
            assertThat(vm.statusProperty().get())
                    .isEqualTo("Check the marked field: batch size must be at most the 120 training examples of iris (got 5000)");
            vm.form().setup().batch().textProperty().set("120");
            assertThat(vm.form().setup().batch().error()).isEmpty();
        });
    }

    /** Item 9 of issue 13: the Finder hands over data, network, optimizer, batch size and seed with the schedule. */
    @Test
    void aHandOverFromTheFinderFillsTheWholeForm(FxRobot robot) {
        TrainingViewModel vm = vm(robot, "3");
        robot.interact(() -> {
            var setup = new lrwb.app.form.SetupHandOver(new lrwb.engine.data.DataOptions("moons", null,
                    lrwb.engine.data.HeaderMode.AUTO, 0.25, null, 7), "mlp:8", "adam", 32);
            vm.useFromFinder(setup, new ConstantSchedule(0.003));
            var s = vm.form().setup();
            assertThat(List.of(s.dataset().text(), s.model().text(), s.optimizer().text(), s.batch().text(), s.valSplit().text(),
                    s.seed().text(), vm.form().schedule().constantLr().text()))
                    .containsExactly("moons", "mlp:8", "adam", "32", "0.25", "7", "0.003");
            assertThat(vm.statusProperty().get()).isEqualTo("From the LR Finder: constant 0.003 on moons · mlp:8 · adam · batch 32"
                    + " · seed 7. Check the form, then press Train.");
        });
    }

    /** Item 18 of issue 13: a refusal names the field, not the command line's option, and shows at the field. */
    @Test
    void aRefusedModelIsToldInTheFormsWordsAtItsField(FxRobot robot) throws Exception {
        TrainingViewModel vm = vm(robot, "3");
        robot.interact(() -> vm.form().setup().model().textProperty().set("cnn"));
        TrainingRun run = train(robot, vm);
        await(() -> run.state().hasEnded());
        String error = vm.form().setup().model().error();
        assertThat(error).startsWith("model cnn").doesNotContain("--");
        assertThat(vm.statusProperty().get()).doesNotContain("--").contains(error);
    }

    /** Item 18 of issue 13: "Stop all" also empties the queue, and has nothing to do once nothing runs or waits. */
    @Test
    void stopAllStopsTheLiveRunsEmptiesTheQueueAndIsThenDisabled(FxRobot robot) throws Exception {
        TrainingViewModel vm = vm(robot, "100000"); // still running whenever the test acts
        assertThat(vm.canStopAllProperty().get()).isFalse();
        TrainingRun live = train(robot, vm);
        AtomicReference<TrainingRun> queued = new AtomicReference<>();
        robot.interact(() -> queued.set(vm.addToQueue()));
        await(() -> live.series().size() > 5);
        assertThat(queued.get().state()).isEqualTo(RunState.QUEUED);
        assertThat(vm.canStopAllProperty().get()).isTrue();
        robot.interact(() -> {
            vm.stopAll();
            assertThat(vm.runs()).containsExactly(live);
            assertThat(vm.statusProperty().get())
                    .isEqualTo("Stopping 1 run and took 1 queued run out of the queue; what they recorded is kept.");
        });
        await(() -> live.state().hasEnded());
        assertThat(live.state()).isEqualTo(RunState.CANCELLED);
        assertThat(vm.canStopAllProperty().get()).isFalse();
        assertThat(vm.anyLiveProperty().get()).isFalse();
    }

    /**
     * Issue 16: the form's size check, the image preview, the layer editor's summary and the run read a data set once
     * between them (Fashion-MNIST took seconds for each), through the run service's cache.
     */
    @Test
    void theFormThePreviewTheLayerEditorAndTheRunReadTheDataOnce(FxRobot robot) throws Exception {
        DataCache cache = new DataCache(1L << 28);
        AtomicReference<TrainingViewModel> made = new AtomicReference<>();
        robot.interact(() -> {
            made.set(new TrainingViewModel(new WorkbenchHome(dir), new RunService(ENGINE, cache), new CurrentThreadTaskExecutor()));
            made.get().form().epochs().textProperty().set("1");
            made.get().form().schedule().constantLr().textProperty().set("0.01");
            made.get().form().setup().model().textProperty().set("cnn");
            made.get().form().setup().dataset().textProperty().set("shapes:samples=120,size=16"); // the size is read
        });
        TrainingViewModel vm = made.get();
        long read = cache.loads(); // the form's first dataset (iris) and shapes, each read for its size
        assertThat(read).isEqualTo(2);
        robot.interact(() -> {
            vm.form().setup().augment().textProperty().set("flip"); // changes batches, not what is read
            vm.imagePreview().load();
            assertThat(vm.imagePreview().samplesProperty().get()).isNotNull();
            assertThat(vm.modelPicker().editLayers().totalProperty().get()).startsWith("Total params: ");
        });
        TrainingRun run = train(robot, vm);
        await(() -> run.state().hasEnded());

        assertThat(run.state()).isEqualTo(RunState.FINISHED);
        assertThat(cache.loads()).isEqualTo(read);
        robot.interact(() -> {
            vm.form().setup().seed().textProperty().set("7"); // another seed draws other images
            vm.imagePreview().load();
        });
        assertThat(cache.loads()).isEqualTo(read + 1);
    }

    @Test
    void aRealRunStreamsPerFrameAndEndsWithItsRecordOnDisk(FxRobot robot) throws Exception {
        TrainingViewModel vm = vm(robot, "3");
        TrainingRun run = train(robot, vm);
        List<Long> revisions = new ArrayList<>();
        robot.interact(() -> run.revisionProperty().addListener((o, a, b) -> revisions.add(b.longValue())));
        await(() -> run.state().hasEnded());

        assertThat(run.state()).isEqualTo(RunState.FINISHED);
        assertThat(run.message()).isEqualTo("Finished 3 epochs.");
        assertThat(run.series().size()).isEqualTo(24); // 120 training rows of iris, batches of 16, 3 epochs
        assertThat(run.series().epochs()).isEqualTo(3);
        assertThat(run.series().lr()[0]).isEqualTo(0.05);
        assertThat(run.bestValAccuracyProperty().get()).isBetween(0.0, 1.0);
        assertThat(run.progressProperty().get()).isEqualTo(1.0);
        assertThat(run.progressTextProperty().get()).startsWith("Epoch 3/3 · iteration 24/24");
        // coalesced per frame: fewer announcements than iterations
        assertThat(revisions.size()).isLessThan(24);
        assertThat(vm.anyLiveProperty().get()).isFalse();
        assertThat(vm.overrideLr().text()).isEqualTo("0.05"); // the override starts from the LR in use

        TrainingRecord record = TrainingRecord.read(run.folder());
        assertThat(record.run().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(record.run().name()).isEqualTo("iris · mlp:64,32 · sgd · constant 0.05");
        assertThat(record.iterations().size()).isEqualTo(24);
        assertThat(vm.recordsChangedProperty().get()).isGreaterThanOrEqualTo(2); // created, then ended
    }

    @Test
    void pauseOverrideResumeAndStopAreAppliedBetweenUpdatesAndMarked(FxRobot robot) throws Exception {
        TrainingViewModel vm = vm(robot, "100000"); // still running whenever the test acts
        TrainingRun run = train(robot, vm);
        await(() -> run.series().size() > 20);
        robot.interact(vm::pause);
        await(() -> run.state() == RunState.PAUSED);
        int atPause = run.series().size();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(run.series().size()).isEqualTo(atPause);
        assertThat(run.progressTextProperty().get()).contains("elapsed").contains("lr 0.05");
        // the status line says it has paused, not "Pausing …" any more
        assertThat(vm.statusProperty().get()).isEqualTo(run.title() + " paused at iteration " + atPause + " (epoch "
                + (atPause / 8 + 1) + "): Resume to go on.");
        assertThat(vm.overrideInForceProperty().get()).isFalse();

        robot.interact(() -> {
            vm.overrideLr().textProperty().set("0.003");
            assertThat(vm.overrideExponentProperty().get()).isCloseTo(Math.log10(0.003), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(vm.applyOverride()).isTrue();
            vm.resume();
        });
        await(() -> !run.marks().isEmpty() && run.series().size() > atPause + 10);
        assertThat(run.state()).isEqualTo(RunState.RUNNING);
        TrainingEvent mark = run.marks().get(0);
        assertThat(mark.kind()).isEqualTo(TrainingEvent.Kind.LR_OVERRIDDEN);
        assertThat(mark.iteration()).isEqualTo(atPause);
        assertThat(run.series().lr()[atPause]).isEqualTo(0.003);
        assertThat(run.overrideLrProperty().get()).isEqualTo(0.003);
        assertThat(run.progressTextProperty().get()).contains("(set by hand)");
        assertThat(vm.overrideInForceProperty().get()).as("Back to schedule is possible").isTrue();
        assertThat(vm.overrideLr().text()).isEqualTo("0.003");

        robot.interact(vm::clearOverride);
        await(() -> run.marks().size() == 2);
        assertThat(run.marks().get(1).kind()).isEqualTo(TrainingEvent.Kind.LR_OVERRIDE_CLEARED);
        await(() -> run.series().lastLr() == 0.05);
        assertThat(vm.overrideInForceProperty().get()).isFalse();
        // the Set LR box follows the run's LR back to 0.05, until the user enters a value of their own
        await(() -> vm.overrideLr().text().equals("0.05"));
        robot.interact(() -> vm.overrideLr().textProperty().set("0.2"));
        int seen = run.series().size();
        await(() -> run.series().size() > seen + 10);
        assertThat(vm.overrideLr().text()).isEqualTo("0.2");

        robot.interact(vm::stop);
        await(() -> run.state().hasEnded());
        assertThat(run.state()).isEqualTo(RunState.CANCELLED);
        assertThat(run.message()).startsWith("Cancelled at iteration");
        assertThat(TrainingRecord.read(run.folder()).events()).extracting(TrainingEvent::kind)
                .contains(TrainingEvent.Kind.PAUSED, TrainingEvent.Kind.LR_OVERRIDDEN, TrainingEvent.Kind.LR_OVERRIDE_CLEARED);
    }

    @Test
    void shuttingDownStopsLiveRunsAndLeavesCompleteRecords(FxRobot robot) throws Exception {
        TrainingViewModel vm = vm(robot, "100000"); // still running whenever the test acts
        TrainingRun run = train(robot, vm);
        await(() -> run.series().size() > 10);
        robot.interact(() -> assertThat(vm.shutdown(java.time.Duration.ofSeconds(10))).isDone());
        assertThat(TrainingRecord.read(run.folder()).run().status()).isEqualTo(RunStatus.CANCELLED);
    }

    @Test
    void aQueueRunsOneAfterAnotherEachInItsOwnColour(FxRobot robot) throws Exception {
        TrainingViewModel vm = vm(robot, "2");
        List<TrainingRun> queued = new ArrayList<>();
        robot.interact(() -> {
            queued.add(vm.addToQueue());
            vm.form().schedule().constantLr().textProperty().set("0.01");
            queued.add(vm.addToQueue());
            vm.useSchedule(new CosineSchedule(0.1, 16, 0, 0, null, null));
            queued.add(vm.addToQueue());
            assertThat(queued).doesNotContainNull();
            vm.startQueue();
            assertThat(queued.get(0).state()).isEqualTo(RunState.LOADING);
            assertThat(queued.get(1).state()).isEqualTo(RunState.QUEUED);
        });
        await(() -> queued.stream().allMatch(r -> r.state().hasEnded()));
        assertThat(queued).extracting(TrainingRun::state).containsOnly(RunState.FINISHED);
        assertThat(queued).extracting(TrainingRun::color).doesNotHaveDuplicates();
        assertThat(queued.get(2).name()).endsWith("· cosine 0.1");
        assertThat(queued.get(2).series().lr()[15]).isLessThan(queued.get(2).series().lr()[0]);
        assertThat(new RunCatalog(dir.resolve("runs")).list().runs()).hasSize(3);
    }

    @Test
    void sideBySideStartsEveryQueuedRunAtOnce(FxRobot robot) throws Exception {
        TrainingViewModel vm = vm(robot, "2");
        List<TrainingRun> queued = new ArrayList<>();
        robot.interact(() -> {
            vm.queueModeProperty().set(QueueMode.SIDE_BY_SIDE);
            queued.add(vm.addToQueue());
            queued.add(vm.addToQueue());
            vm.startQueue();
            assertThat(queued).extracting(TrainingRun::state).containsOnly(RunState.LOADING);
        });
        await(() -> queued.stream().allMatch(r -> r.state().hasEnded()));
        assertThat(queued).extracting(TrainingRun::state).containsOnly(RunState.FINISHED);
    }

    @Test
    void aDivergedRunSaysWhyAndKeepsItsCurves(FxRobot robot) throws Exception {
        TrainingViewModel vm = vm(robot, "50");
        robot.interact(() -> vm.form().schedule().constantLr().textProperty().set("1e6"));
        TrainingRun run = train(robot, vm);
        await(() -> run.state().hasEnded());
        assertThat(run.state()).isEqualTo(RunState.DIVERGED);
        assertThat(run.state().isProblem()).isTrue();
        assertThat(run.message()).startsWith("Diverged: the loss became").contains("lower the learning rate");
        assertThat(run.series().size()).isPositive();
        assertThat(vm.statusIsErrorProperty().get()).isTrue();
        assertThat(TrainingRecord.read(run.folder()).run().status()).isEqualTo(RunStatus.DIVERGED);
    }

    @Test
    void aRunThatCannotLoadItsDataFailsInWords(FxRobot robot) throws Exception {
        TrainingViewModel vm = vm(robot, "2");
        robot.interact(() -> vm.form().setup().dataset().textProperty().set("csv:" + dir.resolve("missing.csv")));
        TrainingRun run = train(robot, vm);
        await(() -> run.state().hasEnded());
        assertThat(run.state()).isEqualTo(RunState.FAILED);
        assertThat(run.message()).startsWith("Failed: ").contains("missing.csv");
    }

    @Test
    void invalidInputsAreMarkedAtTheirFieldsAndNothingIsQueued(FxRobot robot) {
        TrainingViewModel vm = vm(robot, "0");
        robot.interact(() -> {
            vm.form().schedule().constantLr().textProperty().set("-1");
            vm.form().setup().optimizer().textProperty().set("lion");
            assertThat(vm.train()).isNull();
            assertThat(vm.form().epochs().error()).isEqualTo("epochs must be a whole number from 1 to 100000 (got 0)");
            assertThat(vm.form().schedule().constantLr().error()).isEqualTo("learning rate must be > 0 (got -1)");
            assertThat(vm.form().setup().optimizer().error()).contains("lion");
            assertThat(vm.statusProperty().get()).startsWith("Check the marked field");
            assertThat(vm.runs()).isEmpty();

            vm.form().schedule().sourceProperty().set(ScheduleSource.LIBRARY);
            vm.form().epochs().textProperty().set("2");
            vm.form().setup().optimizer().textProperty().set("sgd");
            assertThat(vm.addToQueue()).isNull();
            assertThat(vm.form().schedule().savedName().error()).startsWith("no saved schedules yet");

            vm.form().schedule().sourceProperty().set(ScheduleSource.PLATEAU);
            vm.form().schedule().plateauFactor().textProperty().set("2");
            assertThat(vm.addToQueue()).isNull();
            assertThat(vm.form().schedule().plateauFactor().error()).startsWith("factor must be");
        });
    }

    @Test
    void schedulesComeFromTheLibraryFromOtherWorkspacesOrAsPlateau(FxRobot robot) throws Exception {
        new ScheduleLibrary(new WorkbenchHome(dir)).save("Warm cosine", new CosineSchedule(0.1, 100, 0, 10, 0.2, null));
        TrainingViewModel vm = vm(robot, "2");
        robot.interact(() -> {
            ScheduleChoice choice = vm.form().schedule();
            assertThat(choice.savedNames()).containsExactly("Warm cosine");
            choice.sourceProperty().set(ScheduleSource.LIBRARY);
            TrainingRun fromLibrary = vm.addToQueue();
            assertThat(fromLibrary.name()).endsWith("· Warm cosine");
            assertThat(fromLibrary.request().schedule()).isEqualTo(ScheduleJson.parse(ScheduleJson.write(
                    new CosineSchedule(0.1, 100, 0, 10, 0.2, null))));

            vm.useSchedule(new ConstantSchedule(0.2));
            assertThat(choice.sourceProperty().get()).isEqualTo(ScheduleSource.CONSTANT);
            assertThat(choice.constantLr().text()).isEqualTo("0.2");

            PlateauSchedule plateau = new PlateauSchedule(0.1);
            vm.useSchedule(plateau);
            assertThat(choice.sourceProperty().get()).isEqualTo(ScheduleSource.GIVEN);
            assertThat(choice.givenTextProperty().get()).isEqualTo("plateau 0.1");
            assertThat(vm.addToQueue().request().schedule()).isEqualTo(plateau);

            choice.sourceProperty().set(ScheduleSource.PLATEAU);
            choice.plateauPatience().textProperty().set("0");
            TrainingRun own = vm.addToQueue();
            assertThat(own.request().schedule()).isInstanceOf(PlateauSchedule.class);
            assertThat(((PlateauSchedule) own.request().schedule()).patience()).isZero();
        });
    }

    @Test
    void theChosenSavedScheduleStaysChosenWhenTheLibraryIsReread(FxRobot robot) throws Exception {
        ScheduleLibrary library = new ScheduleLibrary(new WorkbenchHome(dir));
        library.save("A", new ConstantSchedule(0.1));
        library.save("B", new ConstantSchedule(0.2));
        TrainingViewModel vm = vm(robot, "2");
        robot.interact(() -> {
            ScheduleChoice choice = vm.form().schedule();
            choice.sourceProperty().set(ScheduleSource.LIBRARY);
            assertThat(choice.savedName().text()).isEqualTo("A");
            choice.savedName().textProperty().set("B");
            assertThat(vm.addToQueue().name()).endsWith("· B");
        });
        library.save("C", new ConstantSchedule(0.3));
        robot.interact(() -> {
            assertThat(vm.addToQueue().name()).endsWith("· B");
            assertThat(vm.form().schedule().savedNames()).containsExactly("A", "B", "C");
            vm.form().schedule().savedName().textProperty().set("gone");
            assertThat(vm.addToQueue()).isNull();
            assertThat(vm.form().schedule().savedName().error()).isEqualTo("there is no saved schedule named \"gone\" (any more)");
        });
    }

    @Test
    void aPastRunReopensWithItsCurvesAndMarks(FxRobot robot) throws Exception {
        // enough epochs that it is still running when stopped: iris epochs take well under a millisecond now
        TrainingViewModel vm = vm(robot, "20000");
        TrainingRun live = train(robot, vm);
        await(() -> live.series().size() > 10);
        robot.interact(() -> {
            vm.overrideLr().textProperty().set("0.01");
            vm.applyOverride();
        });
        await(() -> !live.marks().isEmpty());
        robot.interact(vm::stop);
        await(() -> live.state().hasEnded());

        TrainingViewModel other = vm(robot, "2");
        AtomicReference<TrainingRun> opened = new AtomicReference<>();
        robot.interact(() -> opened.set(other.reopen(live.folder()).getNow(null)));
        TrainingRun reopened = opened.get();
        assertThat(reopened).isNotNull();
        assertThat(reopened.state()).isEqualTo(RunState.CANCELLED);
        assertThat(reopened.series().size()).isEqualTo(live.series().size());
        assertThat(reopened.series().epochs()).isEqualTo(live.series().epochs());
        assertThat(reopened.marks()).extracting(TrainingEvent::kind).containsExactly(TrainingEvent.Kind.LR_OVERRIDDEN);
        assertThat(reopened.series().stepsPerEpoch()).isEqualTo(8);
        // item 17 of issue 13: epochs counted from 1, as the run's own message counts them
        int complete = reopened.series().epochs();
        assertThat(reopened.progressTextProperty().get())
                .startsWith("Reopened: epoch " + (complete + 1) + " of 20000 (" + complete + " complete) · iteration ");
        assertThat(reopened.message()).contains("(epoch " + (complete + 1) + " of 20000)");
        assertThat(other.selectedProperty().get()).isSameAs(reopened);
        assertThat(reopened.isActive()).isFalse();

        // item 14 of issue 13: the same run follows a rename and a delete in the Runs workspace, and keeps one colour
        robot.interact(() -> {
            assertThat(other.colorOf(live.folder())).isEqualTo(reopened.color());
            other.renamed(live.folder(), "baseline");
            assertThat(reopened.name()).isEqualTo("baseline");
            assertThat(reopened.nameProperty().get()).isEqualTo("baseline");
            other.forget(live.folder());
            assertThat(other.runs()).doesNotContain(reopened);
            assertThat(other.colorOf(live.folder())).isNull();
            javafx.scene.paint.Color runsColour = javafx.scene.paint.Color.web("#8b5cf6");
            TrainingRun again = other.reopen(live.folder(), runsColour).getNow(null);
            assertThat(again.color()).isEqualTo(runsColour);
        });
    }

    @Test
    void aRunWhoseFolderCannotBeMadeSaysSoAndLeavesTheQueue(FxRobot robot) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("runs"), "a file where the runs folder should be");
        TrainingViewModel vm = vm(robot, "2");
        robot.interact(() -> {
            TrainingRun run = vm.train();
            assertThat(run.state()).isEqualTo(RunState.LOADING); // live at once, while its folder is being made
            vm.drainFrames();
            assertThat(run.state()).isEqualTo(RunState.FAILED);
            assertThat(run.message()).isEqualTo("Failed: the runs folder " + dir.resolve("runs") + " cannot be made: " + dir.resolve("runs") + " is a file, not a folder.");
            assertThat(vm.statusProperty().get()).startsWith(run.title() + " could not start: ");
            assertThat(vm.statusIsErrorProperty().get()).isTrue();
            assertThat(vm.anyLiveProperty().get()).isFalse();
        });
    }
}
