package lrwb.app.designer;

import lrwb.app.files.ScheduleLibrary;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import lrwb.app.chart.AxisScale;
import lrwb.app.chart.ChartCurve;
import lrwb.app.stream.CurrentThreadTaskExecutor;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.schedule.CyclicSchedule;
import lrwb.engine.schedule.ScheduleJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The Designer driven as a user would: menus, sliders, typing, toggles, dialogs, exports. Headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class DesignerViewTest {
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

    /** Lets the frame-coalesced chart catch up, then draws anything still pending. */
    private void settle(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(view::flushChart);
    }

    private ChartCurve line(int i) {
        return view.chart().curves().get(i);
    }

    @Test
    void addingAPresetFromTheMenuDrawsItDecimatedAndShowsItsFormAndFormula(FxRobot robot) {
        addPreset(robot, "Cyclic triangular");
        assertThat(vm.curves()).extracting(CurveModel::name).containsExactly("Cyclic triangular");
        assertThat(robot.lookup("#curve-list").queryAs(ListView.class).getItems()).hasSize(1);
        assertThat(line(0).size()).isEqualTo(10_000);
        assertThat(line(0).drawnPoints()).isBetween(100, 2 * 1200);
        assertThat(line(0).valueAt(2000)).isEqualTo(0.02);
        assertThat(robot.lookup("#field-cyclic-maxLr").queryAs(TextField.class).getText()).isEqualTo("0.02");
        assertThat(robot.lookup("#formula").queryAs(TextArea.class).getText()).contains("= 0.0002 + (0.02 − 0.0002) · s(t) · 1");
    }

    @Test
    void draggingASliderRedrawsTheCurveWhileItMoves(FxRobot robot) {
        addPreset(robot, "Cyclic triangular");
        Slider slider = robot.lookup("#field-cyclic-maxLr-slider").queryAs(Slider.class);
        double before = line(0).valueAt(2000);
        robot.drag(slider.lookup(".thumb"), MouseButton.PRIMARY).moveBy(-15, 0);
        settle(robot);
        double during = line(0).valueAt(2000);
        robot.moveBy(-15, 0).drop();
        settle(robot);
        double after = line(0).valueAt(2000);
        assertThat(during).as("the chart follows the slider before it is released").isLessThan(before);
        assertThat(after).isLessThan(during);
        assertThat(after).isEqualTo(((CyclicSchedule) vm.selected().spec()).maxLr());
        assertThat(Double.parseDouble(robot.lookup("#field-cyclic-maxLr").queryAs(TextField.class).getText())).isEqualTo(after);
        assertThat(after).as("still above baseLr: valid").isGreaterThan(2e-4);
    }

    @Test
    void anInvalidValueIsMarkedAtTheFieldAndTheChartKeepsTheLastValidCurve(FxRobot robot) {
        addPreset(robot, "Cyclic triangular");
        TextField maxLr = robot.lookup("#field-cyclic-maxLr").queryAs(TextField.class);
        robot.doubleClickOn(maxLr).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write("0.0001");
        settle(robot);
        Label error = robot.lookup("#field-cyclic-maxLr-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("cyclic.maxLr must be > baseLr (got 1e-4 <= 2e-4)");
        assertThat(maxLr.getStyleClass()).contains("invalid");
        assertThat(line(0).valueAt(2000)).as("last valid curve").isEqualTo(0.02);

        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("0.05");
        settle(robot);
        assertThat(error.isVisible()).isFalse();
        assertThat(maxLr.getStyleClass()).doesNotContain("invalid");
        assertThat(line(0).valueAt(2000)).isEqualTo(0.05);
    }

    @Test
    void theLogToggleSwitchesTheLrAxisToDecades(FxRobot robot) {
        addPreset(robot, "One-cycle");
        robot.clickOn("#log-scale");
        settle(robot);
        assertThat(vm.logScaleProperty().get()).isTrue();
        assertThat(view.chart().yAxis().axisScale()).isEqualTo(AxisScale.LOG10);
        assertThat(view.chart().yAxis().getLabel()).isEqualTo("learning rate (log scale)");
        List<String> labels = view.chart().yAxis().getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.text.Text && n.isVisible())
                .map(n -> ((javafx.scene.text.Text) n).getText()).toList();
        assertThat(labels).contains("0.1", "0.01", "1e-3", "1e-6");
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        settle(robot);
        assertThat(view.chart().yAxis().axisScale()).isEqualTo(AxisScale.LINEAR);
        assertThat(view.chart().xAxis().getLabel()).isEqualTo("iteration");
        robot.clickOn("#x-epochs");
        settle(robot);
        assertThat(view.chart().xAxis().getLabel()).isEqualTo("epoch");
        assertThat(view.chart().xAxis().getUpperBound()).isEqualTo(100);
    }

    @Test
    void hoveringReadsEveryVisibleCurveAtThatStep(FxRobot robot) {
        addPreset(robot, "Constant 0.1");
        addPreset(robot, "Step: halve every 10 epochs");
        Node plot = robot.lookup(".chart-plot-background").query();
        robot.moveTo(plot);
        settle(robot);
        String text = view.chart().crosshair().text();
        assertThat(text).matches("(?s)iteration \\d{4}  ·  epoch \\d{2}\nConstant 0\\.1: 0\\.1\nStep: halve every 10 epochs: 0\\.00\\d+");
        long iteration = Long.parseLong(text.substring("iteration ".length(), text.indexOf(' ', "iteration ".length())));
        double expected = 0.1 * Math.pow(0.5, Math.floorDiv(iteration, 1000));
        assertThat(text).endsWith(": " + lrwb.app.chart.NumberLabels.significant(expected, 3));
        vm.curves().get(0).visibleProperty().set(false);
        robot.moveBy(1, 0);
        settle(robot);
        assertThat(view.chart().crosshair().text()).doesNotContain("Constant 0.1");
    }

    @Test
    void saveAndReloadThroughTheWorkbenchHome(FxRobot robot) throws Exception {
        addPreset(robot, "SGDR warm restarts");
        robot.clickOn("#save");
        TextField name = robot.lookup("#save-name").queryAs(TextField.class);
        robot.interact(() -> name.setText(""));
        robot.clickOn(name).write("sgdr-2x").type(KeyCode.ENTER);
        Path file = home.resolve("schedules/sgdr-2x.json");
        assertThat(file).exists();
        assertThat(ScheduleJson.read(file)).isEqualTo(vm.selected().spec());
        assertThat(robot.lookup("#designer-status").queryAs(Label.class).getText()).isEqualTo("Saved " + file);

        robot.clickOn("#open-saved");
        robot.clickOn("sgdr-2x");
        settle(robot);
        assertThat(vm.curves()).extracting(CurveModel::name).containsExactly("SGDR warm restarts", "sgdr-2x");
        assertThat(vm.curves().get(1).spec()).isEqualTo(vm.curves().get(0).spec());
        assertThat(line(1).valueAt(1000)).isEqualTo(0.1);
    }

    /** Item 18 of issue 13: a name that cannot name a file keeps the dialog open with the rule under the field. */
    @Test
    void aSaveNameWithASlashKeepsTheDialogOpenWithTheRuleAtTheField(FxRobot robot) throws Exception {
        addPreset(robot, "One-cycle");
        robot.clickOn("#save");
        TextField name = robot.lookup("#save-name").queryAs(TextField.class);
        robot.interact(() -> name.setText(""));
        robot.clickOn(name).write("a/b").type(KeyCode.ENTER);
        assertThat(name.getScene().getWindow().isShowing()).as("the dialog stays").isTrue();
        Label error = robot.lookup("#save-name-error").queryAs(Label.class);
        assertThat(error.getText()).startsWith("Name must be 1–64 letters").endsWith("(got \"a/b\")");
        assertThat(robot.lookup("#designer-status").queryAs(Label.class).getText()).doesNotContain("Not saved");
        robot.interact(() -> name.setText(""));
        assertThat(error.getText()).isEmpty();
        robot.clickOn(name).write("one-cycle").type(KeyCode.ENTER);
        assertThat(name.getScene() == null || !name.getScene().getWindow().isShowing()).isTrue();
        assertThat(home.resolve("schedules/one-cycle.json")).exists();
    }

    @Test
    void exportIsDisabledWithoutCurves(FxRobot robot) {
        addPreset(robot, "One-cycle");
        assertThat(robot.lookup("#export-csv").queryButton().isDisabled()).isFalse();
        robot.interact(() -> List.copyOf(vm.curves()).forEach(vm::remove));
        assertThat(robot.lookup("#export-csv").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#export-png").queryButton().isDisabled()).isTrue();
    }

    @Test
    void exportWritesAPngAndACsv(FxRobot robot) throws Exception {
        addPreset(robot, "Cosine + warmup");
        addPreset(robot, "One-cycle");
        robot.clickOn("#export-png");
        Path png = home.resolve("exports/chart.png");
        assertThat(png).exists();
        byte[] head = Arrays.copyOf(Files.readAllBytes(png), 8);
        assertThat(head).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        assertThat(Files.size(png)).isGreaterThan(5_000);
        robot.clickOn("#export-csv");
        List<String> csv = Files.readAllLines(home.resolve("exports/chart.csv"));
        assertThat(csv).hasSize(10_001);
        assertThat(csv.get(0)).isEqualTo("iteration,epoch,Cosine + warmup,One-cycle");
    }

    @Test
    void theListWorksFromTheKeyboard(FxRobot robot) {
        addPreset(robot, "Constant 0.1");
        addPreset(robot, "One-cycle");
        robot.clickOn(robot.lookup("#curve-list .list-cell").nth(1).queryAs(Node.class));
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        assertThat(vm.curves()).extracting(CurveModel::name).containsExactly("Constant 0.1", "One-cycle", "One-cycle copy");
        robot.press(KeyCode.ALT, KeyCode.UP).release(KeyCode.UP, KeyCode.ALT);
        assertThat(vm.curves()).extracting(CurveModel::name).containsExactly("Constant 0.1", "One-cycle copy", "One-cycle");
        robot.type(KeyCode.SPACE);
        assertThat(vm.selected().visibleProperty().get()).isFalse();
        robot.type(KeyCode.F2).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("1cycle low").type(KeyCode.ENTER);
        assertThat(vm.selected().name()).isEqualTo("1cycle low");
        settle(robot);
        assertThat(line(1).nameProperty().get()).isEqualTo("1cycle low");
        robot.type(KeyCode.DELETE);
        assertThat(vm.curves()).extracting(CurveModel::name).containsExactly("Constant 0.1", "One-cycle");
        assertThat(view.chart().curves()).hasSize(2);
    }

    @Test
    void aPlateauIsDrawnFromItsEditableExampleMetric(FxRobot robot) {
        robot.clickOn("#add-type");
        robot.clickOn("#type-plateau");
        settle(robot);
        assertThat(robot.lookup("#plateau-example-chart").tryQuery()).isPresent();
        assertThat(line(0).valueAt(40 * 100)).isCloseTo(0.01, within(1e-12));
        TextArea values = robot.lookup("#plateau-example-values").queryAs(TextArea.class);
        robot.interact(() -> values.setText("1, 0.9, 0.9, 0.9"));
        robot.interact(() -> vm.formProperty().get().field("plateau.patience").textProperty().set("1"));
        settle(robot);
        // Better at epochs 0 and 1, not at 2 and 3: after epoch 3 the LR is cut, so epoch 4 runs at 0.01.
        assertThat(line(0).valueAt(399)).isEqualTo(0.1);
        assertThat(line(0).valueAt(400)).isCloseTo(0.01, within(1e-12));

        // Dragging the last point of the example down makes epoch 3 an improvement: no cut any more.
        robot.interact(() -> robot.lookup(".form-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        Node examplePlot = robot.lookup("#plateau-example-chart .chart-plot-background").query();
        javafx.geometry.Bounds b = examplePlot.localToScreen(examplePlot.getBoundsInLocal());
        robot.drag(b.getMaxX() - 2, b.getMinY() + b.getHeight() * 0.5, MouseButton.PRIMARY)
                .moveTo(new javafx.geometry.Point2D(b.getMaxX() - 2, b.getMaxY() - 3)).drop();
        settle(robot);
        assertThat(vm.selected().plateauExample().metrics()[3]).isLessThan(0.9);
        assertThat(line(0).valueAt(400)).isEqualTo(0.1);
    }

    /** Types into a field as a user does: select all, write, then (optionally) Enter. */
    private void retype(FxRobot robot, String query, String text) {
        robot.doubleClickOn(query).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(text);
        settle(robot);
    }

    @Test
    void aLengthThatIsNoWholeNumberInRangeIsMarkedAndNeverThrows(FxRobot robot) {
        List<Throwable> thrown = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> Thread.currentThread().setUncaughtExceptionHandler((t, e) -> thrown.add(e)));
        addPreset(robot, "Constant 0.1");
        javafx.scene.control.Spinner<?> epochs = robot.lookup("#epochs").queryAs(javafx.scene.control.Spinner.class);
        Label error = robot.lookup("#length-error").queryAs(Label.class);
        for (String bad : List.of("abc", "1e9", "0", "100001")) {
            robot.clickOn(epochs.getEditor()).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                    .write(bad).type(KeyCode.ENTER);
            settle(robot);
            assertThat(error.isVisible()).as(bad).isTrue();
            assertThat(error.getText()).isEqualTo("epochs must be a whole number from 1 to 100000");
            assertThat(epochs.getEditor().getStyleClass()).as(bad).contains("invalid");
            assertThat(epochs.getEditor().getText()).as("the text stays for fixing").isEqualTo(bad);
            assertThat(epochs.getWidth()).as("the message never squeezes the field").isGreaterThanOrEqualTo(90);
            assertThat(vm.epochsProperty().get()).as("the last good length stays").isEqualTo(100);
        }
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write("20");
        assertThat(error.isVisible()).as("a good value clears the message as it is typed").isFalse();
        robot.type(KeyCode.ENTER);
        settle(robot);
        assertThat(vm.epochsProperty().get()).isEqualTo(20);
        assertThat(epochs.getEditor().getStyleClass()).doesNotContain("invalid");

        javafx.scene.control.Spinner<?> spe = robot.lookup("#steps-per-epoch").queryAs(javafx.scene.control.Spinner.class);
        robot.clickOn(spe.getEditor()).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("12.5").type(KeyCode.ENTER);
        settle(robot);
        assertThat(error.getText()).isEqualTo("steps per epoch must be a whole number from 1 to 100000");
        assertThat(vm.stepsPerEpochProperty().get()).isEqualTo(100);
        assertThat(thrown).as("nothing thrown on the FX thread").isEmpty();
    }

    @Test
    void theLastValidNoteShowsExactlyWhileAFieldIsInvalidAndTheTitleFollowsARename(FxRobot robot) {
        robot.clickOn("#add-type");
        robot.clickOn("#type-plateau");
        settle(robot);
        Label stale = robot.lookup("#formula-stale").queryAs(Label.class);
        Label title = robot.lookup("#formula-title").queryAs(Label.class);
        assertThat(stale.isVisible()).isFalse();
        retype(robot, "#field-plateau-lr", "-0.1");
        assertThat(stale.isVisible()).isTrue();
        retype(robot, "#field-plateau-lr", "abc");
        assertThat(stale.isVisible()).isTrue();
        retype(robot, "#field-plateau-patience", "2.5");
        assertThat(stale.isVisible()).isTrue();
        retype(robot, "#field-plateau-lr", "0.05");
        assertThat(stale.isVisible()).as("patience is still wrong").isTrue();
        retype(robot, "#field-plateau-patience", "3");
        assertThat(stale.isVisible()).as("both fixed").isFalse();
        assertThat(robot.lookup("#formula").queryAs(TextArea.class).getText()).contains("0.05");

        addPreset(robot, "Cyclic triangular");
        retype(robot, "#field-cyclic-baseLr", "-1");
        assertThat(robot.lookup("#field-cyclic-baseLr").queryAs(TextField.class).getStyleClass()).contains("invalid");
        assertThat(stale.isVisible()).isTrue();
        assertThat(stale.localToScene(stale.getBoundsInLocal()).getMaxX()).as("not cut off")
                .isLessThanOrEqualTo(stale.getScene().getWidth());

        robot.interact(() -> vm.selected().nameProperty().set("My CLR"));
        assertThat(title.getText()).isEqualTo("Formula · My CLR");
    }
}
