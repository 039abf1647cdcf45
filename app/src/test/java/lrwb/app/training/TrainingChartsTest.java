package lrwb.app.training;

import javafx.scene.Scene;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import lrwb.app.chart.ChartCurve;
import lrwb.app.chart.CurveChart;
import lrwb.app.chart.LineStyle;
import lrwb.app.chart.ScaledAxis;
import lrwb.app.chart.Smoothing;
import lrwb.app.stream.CurrentThreadTaskExecutor;
import lrwb.engine.run.RunKind;
import lrwb.engine.run.RunListener;
import lrwb.engine.run.RunService;
import lrwb.engine.run.RunStart;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.IterationMetrics;
import lrwb.engine.train.TrainingEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Training charts as users read them: x axes that end where the runs' records end (not at a plan of 1,000
 * epochs), a log LR axis that reaches down to the smallest LR a run used, one legend that hides a run on every
 * chart, a key whose entries hide a kind of curve, and the smoothing slider (TensorBoard's moving average).
 */
@ExtendWith(ApplicationExtension.class)
class TrainingChartsTest {
    private static final EngineContext ENGINE = EngineContext.create();
    private static final int STEPS_PER_EPOCH = 8;
    private static final int PLANNED_EPOCHS = 1000;

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    @TempDir
    static Path home;
    private TrainingViewModel vm;
    private TrainingView view;

    @Start
    void start(Stage stage) {
        vm = new TrainingViewModel(new WorkbenchHome(home), new RunService(ENGINE), new CurrentThreadTaskExecutor());
        view = new TrainingView(vm, (owner, title, ext, suggested) -> null);
        Scene scene = new Scene(view.node(), 1200, 780);
        scene.getStylesheets().add(TrainingView.class.getResource("/lrwb/app/workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    /** A run planned for 1,000 epochs that records {@code iterations} updates, its LR decaying from 0.1 to {@code lastLr}. */
    private TrainingRun run(FxRobot robot, int iterations, double lastLr, boolean stop) {
        TrainingRun[] made = new TrainingRun[1];
        robot.interact(() -> {
            TrainingRun run = vm.addToQueue();
            RunListener engine = vm.forwardingTo(run);
            engine.onStarted(new RunStart(RunKind.TRAINING, null, "synthetic", 120, 30, STEPS_PER_EPOCH,
                    (long) PLANNED_EPOCHS * STEPS_PER_EPOCH, PLANNED_EPOCHS, null, List.of()));
            for (int i = 0; i < iterations; i++) {
                double lr = 0.1 * Math.pow(lastLr / 0.1, i / (iterations - 1.0));
                double loss = 1.0 / (1 + i / 20.0) + 0.2 * Math.sin(i * 1.7);
                engine.onIteration(new IterationMetrics(i, i / STEPS_PER_EPOCH, lr, loss));
                if ((i + 1) % STEPS_PER_EPOCH == 0) {
                    int epoch = i / STEPS_PER_EPOCH;
                    engine.onEpoch(new EpochMetrics(epoch, lr, loss, 0.5 + epoch / 40.0, loss * 1.1, 0.5 + epoch / 50.0, 0.1));
                }
            }
            if (stop) {
                engine.onEvent(new TrainingEvent(TrainingEvent.Kind.CANCELLED, iterations - 1, (iterations - 1) / STEPS_PER_EPOCH,
                        lastLr, "stopped"));
            }
            vm.drainFrames();
            made[0] = run;
        });
        settle(robot);
        return made[0];
    }

    private void settle(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> view.charts().flush());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static List<ChartCurve> styled(CurveChart chart, LineStyle style) {
        return chart.curves().stream().filter(c -> c.lineStyleProperty().get() == style).toList();
    }

    @Test
    void theAxesFollowWhatWasRecordedAndTheLrAxisReachesTheSmallestLr(FxRobot robot) {
        TrainingCharts charts = view.charts();
        TrainingRun stopped = run(robot, 80, 1e-5, true);
        assertThat(stopped.state().hasEnded()).isTrue();
        // 80 iterations of a planned 8,000: the axis ends at the last one recorded
        assertThat(charts.lrChart().xAxis().getUpperBound()).isEqualTo(79);
        assertThat(charts.lossChart().xAxis().getUpperBound()).isEqualTo(79);
        assertThat(charts.accuracyChart().xAxis().getUpperBound()).isEqualTo(10);
        // decades down to the last LR, 1e-5, with its curve in view
        assertThat(charts.lrChart().yAxis().getLowerBound()).isLessThanOrEqualTo(-5);
        assertThat(charts.lrChart().yAxis().getUpperBound()).isGreaterThanOrEqualTo(-1);

        // A live run's axis runs a little ahead of it, on a round number, and well short of its plan.
        TrainingRun live = run(robot, 160, 0.01, false);
        assertThat(live.state().hasEnded()).isFalse();
        assertThat(charts.lrChart().xAxis().getUpperBound()).isEqualTo(ScaledAxis.growingEnd(159)).isLessThan(200);
        assertThat(charts.accuracyChart().xAxis().getUpperBound()).isLessThan(30);

        // Hiding the live run in the legend hides its curves on every chart, and the axes go back to the other run.
        ToggleButton entry = robot.lookup("#train-legend-" + live.number()).queryAs(ToggleButton.class);
        assertThat(entry.getTooltip().getText()).contains("#" + live.number());
        robot.clickOn(entry);
        settle(robot);
        assertThat(charts.isShown(live)).isFalse();
        long shownLive = charts.charts().stream().flatMap(c -> c.curves().stream())
                .filter(c -> c.colorProperty().get().equals(live.color()) && c.visibleProperty().get()).count();
        assertThat(shownLive).isZero();
        assertThat(charts.lrChart().xAxis().getUpperBound()).isEqualTo(79);
        robot.clickOn(entry);
        settle(robot);
        assertThat(charts.isShown(live)).isTrue();
    }

    /** Issue 13, item 14: a run renamed in Runs is named so in the legend and the LR chart's read-out too. */
    @Test
    void aRenamedRunIsRenamedInTheLegend(FxRobot robot) {
        TrainingRun run = run(robot, 40, 0.01, true);
        robot.interact(() -> run.rename("baseline"));
        settle(robot);
        ToggleButton entry = robot.lookup("#train-legend-" + run.number()).queryAs(ToggleButton.class);
        assertThat(entry.getTooltip().getText()).startsWith("#" + run.number() + " baseline\n");
        assertThat(entry.getText()).contains("baseline");
        assertThat(view.charts().lrChart().curves().get(0).nameProperty().get()).isEqualTo("#" + run.number() + " baseline");
    }

    @Test
    void theKeyHidesAKindOfCurveAndTheSliderSmoothsTheLoss(FxRobot robot) {
        TrainingCharts charts = view.charts();
        TrainingRun run = run(robot, 120, 0.01, true);
        CurveChart loss = charts.lossChart();

        ToggleButton batches = robot.lookup("#train-batch-loss").queryAs(ToggleButton.class);
        assertThat(batches.getTooltip().getText()).contains("minibatch");
        robot.clickOn(batches);
        assertThat(styled(loss, LineStyle.FAINT)).allMatch(c -> !c.visibleProperty().get());
        assertThat(styled(loss, LineStyle.SOLID)).allMatch(c -> c.visibleProperty().get());
        robot.clickOn("#train-key-validation");
        assertThat(styled(charts.accuracyChart(), LineStyle.DASHED)).allMatch(c -> !c.visibleProperty().get());
        assertThat(styled(charts.accuracyChart(), LineStyle.DOTTED)).allMatch(c -> c.visibleProperty().get());

        ChartCurve smoothed = styled(loss, LineStyle.SOLID).get(0);
        double[] raw = java.util.Arrays.copyOf(run.series().loss(), run.series().size());
        robot.interact(() -> charts.smoothingProperty().set(0));
        for (int i : new int[] {0, 17, 119}) {
            assertThat(smoothed.valueAt(i)).isCloseTo(raw[i], within(1e-12));
        }
        robot.interact(() -> charts.smoothingProperty().set(0.95));
        double[] expected = Smoothing.of(raw, raw.length, 0.95);
        for (int i : new int[] {0, 17, 119}) {
            assertThat(smoothed.valueAt(i)).isCloseTo(expected[i], within(1e-12));
        }
        assertThat(robot.lookup("#train-smoothing").queryAs(javafx.scene.control.Slider.class).getValue()).isEqualTo(0.95);
    }
}
