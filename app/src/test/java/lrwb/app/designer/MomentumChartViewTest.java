package lrwb.app.designer;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import lrwb.app.chart.ChartCurve;
import lrwb.app.files.ScheduleLibrary;
import lrwb.app.stream.CurrentThreadTaskExecutor;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.schedule.OneCycleSchedule;
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

/** The momentum chart under the LR chart, the momentum fields of cyclic and oneCycle, and the momentum formula. */
@ExtendWith(ApplicationExtension.class)
class MomentumChartViewTest {
    @TempDir
    Path home;
    DesignerViewModel vm;
    DesignerView view;

    @Start
    void start(Stage stage) {
        vm = new DesignerViewModel(new ScheduleLibrary(new WorkbenchHome(home)), List.of(), new CurrentThreadTaskExecutor());
        view = new DesignerView(vm, (owner, title, extension, suggested) -> home.resolve("exports/chart." + extension));
        Scene scene = new Scene(view.node(), 1200, 760);
        scene.getStylesheets().add(DesignerView.class.getResource("/lrwb/app/workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void addPreset(FxRobot robot, String name) {
        robot.clickOn("#add-preset");
        robot.clickOn(name);
        settle(robot);
    }

    private void settle(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(view::flushChart);
    }

    /** The momentum pane, when it is in the window (it leaves the split pane while no shown curve cycles momentum). */
    private Node momentumPane(FxRobot robot) {
        return robot.lookup("#momentum-chart").tryQuery().orElseGet(() -> {
            javafx.scene.layout.Region absent = new javafx.scene.layout.Region();
            absent.setVisible(false);
            return absent;
        });
    }

    private ChartCurve momentumLine(int i) {
        return view.momentumChart().curves().get(i);
    }

    @Test
    void aOneCycleShowsItsMomentumUnderTheLrAndAConstantDoesNot(FxRobot robot) {
        addPreset(robot, "Constant 0.1");
        assertThat(momentumPane(robot).isVisible()).as("no curve cycles momentum").isFalse();

        addPreset(robot, "One-cycle with momentum (fast.ai)");
        assertThat(momentumPane(robot).isVisible()).isTrue();
        ChartCurve m = momentumLine(1);
        assertThat(m.size()).isEqualTo(10_000);
        assertThat(m.valueAt(0)).isEqualTo(0.95);
        assertThat(m.valueAt(2499)).as("the LR's peak, pctStart 0.25").isCloseTo(0.85, within(1e-12));
        assertThat(m.valueAt(9999)).isEqualTo(0.95);
        assertThat(momentumLine(0).size()).as("the constant has no momentum line").isZero();
        assertThat(robot.lookup("#formula").queryAs(TextArea.class).getText())
                .contains("beta1 for adam, adamax, nadam, amsgrad, adamw").contains("nothing for sgd, adagrad, rmsprop, adadelta");
        assertThat(view.momentumChart().yAxis().getLowerBound()).as("the axis hugs the momenta").isGreaterThan(0.5);

        // hiding the one curve that cycles momentum hides the chart
        robot.interact(() -> vm.curves().get(1).visibleProperty().set(false));
        settle(robot);
        assertThat(momentumPane(robot).isVisible()).isFalse();
    }

    @Test
    void turningCycleMomentumOffRemovesTheChart(FxRobot robot) {
        addPreset(robot, "One-cycle");
        assertThat(momentumPane(robot).isVisible()).as("oneCycle cycles momentum by default, as OneCycleLR").isTrue();
        robot.clickOn("#field-oneCycle-cycleMomentum");
        settle(robot);
        assertThat(robot.lookup("#field-oneCycle-cycleMomentum").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(((OneCycleSchedule) vm.selected().spec()).cycleMomentum()).isFalse();
        assertThat(momentumPane(robot).isVisible()).isFalse();
        assertThat(robot.lookup("#formula").queryAs(TextArea.class).getText())
                .contains("momentum: not cycled (cycleMomentum is off)");
    }

    @Test
    void aBadMomentumIsMarkedAtItsFieldAndTheChartKeepsTheLastValidCurve(FxRobot robot) {
        addPreset(robot, "One-cycle");
        TextField base = robot.lookup("#field-oneCycle-baseMomentum").queryAs(TextField.class);
        robot.doubleClickOn(base).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("0.97");
        settle(robot);
        Label error = robot.lookup("#field-oneCycle-maxMomentum-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("oneCycle.maxMomentum must be >= baseMomentum (got 0.95 < 0.97)");
        // the last valid edit was "0.9", typed on the way to "0.97"
        assertThat(momentumLine(0).valueAt(2999)).as("last valid curve").isCloseTo(0.9, within(1e-12));

        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("0.88");
        settle(robot);
        assertThat(error.isVisible()).isFalse();
        assertThat(momentumLine(0).valueAt(2999)).isCloseTo(0.88, within(1e-12));
    }

    @Test
    void theFormulaShowsTheMomentumWithItsNumbers(FxRobot robot) {
        addPreset(robot, "Cyclic triangular");
        String formula = robot.lookup("#formula").queryAs(TextArea.class).getText();
        assertThat(formula).contains("momentum(t) = maxMomentum − (maxMomentum − baseMomentum) · s(t) · f")
                .contains("= 0.9 − (0.9 − 0.8) · s(t) · f")
                .contains("Momentum at iteration 0 → 0.9");
        assertThat(robot.lookup("#field-cyclic-maxMomentum").queryAs(TextField.class).getText()).isEqualTo("0.9");
    }
}
