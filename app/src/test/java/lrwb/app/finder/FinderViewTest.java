package lrwb.app.finder;

import org.junit.jupiter.api.AfterAll;
import lrwb.engine.runtime.EngineContext;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import lrwb.app.shell.MainWindow;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.startup.EngineStartup.EngineInfo;
import lrwb.engine.schedule.CyclicSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The LR Finder driven as a user would: a real range test on iris, its markers, a dragged bound, a schedule. */
@ExtendWith(ApplicationExtension.class)
class FinderViewTest {
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

    private static void type(FxRobot robot, String selector, String text) {
        robot.doubleClickOn(selector).eraseText(12).write(text);
    }

    @Test
    void aWeightDecayListTypedInTheFormOverlaysOneCurvePerWdWithSlideMarked(FxRobot robot) throws Exception {
        robot.clickOn("LR Finder");
        FinderViewModel vm = window.finder();
        robot.interact(() -> {
            vm.setup().optimizer().textProperty().set("adam");
            vm.setup().batch().textProperty().set("16");
            vm.iterations().textProperty().set("60");
        });
        type(robot, "#finder-wd", "0,0.1");
        robot.clickOn("#finder-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.runs().size() == 2 && !vm.runningProperty().get()
                && vm.runs().stream().allMatch(r -> r.resultProperty().get() != null));
        WaitForAsyncUtils.waitForFxEvents();
        // a legend entry per wd, named by it
        assertThat(robot.lookup((Node n) -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().startsWith("wd 0 · iris")).queryAll()).isNotEmpty();
        assertThat(robot.lookup((Node n) -> n instanceof javafx.scene.control.Labeled l && l.getText() != null
                && l.getText().startsWith("wd 0.1 · iris")).queryAll()).isNotEmpty();
        // slide beside the other suggestions, and on the chart
        Double slide = vm.currentProperty().get().suggestions().slide();
        assertThat(slide).isNotNull();
        assertThat(robot.lookup("#finder-slide").queryAs(Label.class).getText())
                .isEqualTo(lrwb.app.chart.NumberLabels.significant(slide, 3));
        assertThat(robot.lookup(".plot-marker-line.marker-slide").query().isVisible()).isTrue();
    }

    @Test
    void runsARangeTestDragsABoundAndMakesACyclicSchedule(FxRobot robot) throws Exception {
        robot.clickOn("LR Finder");
        FinderViewModel vm = window.finder();
        robot.interact(() -> {
            vm.setup().batch().textProperty().set("16");
            vm.iterations().textProperty().set("300");
        });
        robot.clickOn("#finder-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.currentProperty().get() != null
                && vm.currentProperty().get().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        // markers with values, and the band
        Node steepestLine = robot.lookup(".plot-marker-line.marker-steepest").query();
        assertThat(steepestLine.isVisible()).isTrue();
        assertThat(robot.lookup(".plot-band").query().isVisible()).isTrue();
        assertThat(robot.lookup("#finder-steepest").queryAs(Label.class).getText()).isNotEqualTo("–");
        assertThat(robot.lookup("#finder-valley").queryAs(Label.class).getText()).isNotEqualTo("–");
        assertThat(robot.lookup(".plot-marker-line.marker-diverged").query().isVisible()).isTrue();
        assertThat(robot.lookup("#finder-status").queryAs(Label.class).getText()).startsWith("Diverged at iteration");

        // drag the upper edge to the left: a lower upper bound, shown while dragging
        double upperBefore = vm.upperBoundProperty().get();
        double lowerBefore = vm.lowerBoundProperty().get();
        Node upperHandle = robot.lookup(".plot-band-grip").queryAll().stream()
                .max((a, b) -> Double.compare(a.localToScene(a.getBoundsInLocal()).getMinX(),
                        b.localToScene(b.getBoundsInLocal()).getMinX())).orElseThrow();
        robot.drag(upperHandle).moveBy(-40, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double upperAfter = vm.upperBoundProperty().get();
        assertThat(upperAfter).isLessThan(upperBefore).isGreaterThan(lowerBefore);
        assertThat(robot.lookup("#finder-bounds").queryAs(Label.class).getText())
                .endsWith(lrwb.app.chart.NumberLabels.significant(upperAfter, 3));

        // one click: a cyclic schedule between the bounds, in the Designer
        robot.clickOn("#finder-to-cyclic");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.tabs().getSelectionModel().getSelectedIndex()).isZero();
        var spec = window.designer().selected().spec();
        assertThat(spec).isInstanceOf(CyclicSchedule.class);
        CyclicSchedule cyclic = (CyclicSchedule) spec;
        // the bounds as the chart shows them (3 significant digits), over the 10 epochs of 8 batches Training plans
        assertThat(cyclic.baseLr()).isEqualTo(Double.parseDouble(lrwb.app.chart.NumberLabels.significant(lowerBefore, 3)));
        assertThat(cyclic.maxLr()).isEqualTo(Double.parseDouble(lrwb.app.chart.NumberLabels.significant(upperAfter, 3)));
        assertThat(cyclic.stepSizeUp()).isEqualTo(40);
        assertThat(window.designer().totalStepsProperty().get()).as("the Designer's chart spans the planned run").isEqualTo(80);

        // and "Train with this" hands the same schedule to Training
        robot.clickOn("LR Finder");
        robot.clickOn("#finder-train");
        assertThat(window.tabs().getSelectionModel().getSelectedItem().getText()).isEqualTo("Training");
        assertThat(window.training().form().schedule().givenProperty().get()).isEqualTo(cyclic);
        assertThat(window.training().form().setup().batch().text()).isEqualTo("16"); // the test's setup came along
    }

    @Test
    void exportsThePointsAndTheChart(FxRobot robot) throws Exception {
        robot.clickOn("LR Finder");
        FinderViewModel vm = window.finder();
        type(robot, "#finder-dataset .text-field", "moons");
        robot.interact(() -> vm.iterations().textProperty().set("30"));
        robot.clickOn("#finder-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && vm.currentProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#finder-export-csv");
        // written off the FX thread: the notice says when it is done
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#finder-notice").queryLabeled().getText()
                .equals("Saved lr-finder.csv."));
        robot.clickOn("#finder-export-png");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#finder-notice").queryLabeled().getText()
                .equals("Saved lr-finder.png."));
        Path csv = home.resolve("exports/lr-finder.csv");
        Path png = home.resolve("exports/lr-finder.png");
        assertThat(Files.readAllLines(csv)).hasSize(31).first().isEqualTo("iteration,lr,loss,smoothed_loss");
        byte[] head = Files.readAllBytes(png);
        assertThat(head).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void theDatasetFieldOffersShapesAndOpensEveryKindOfDataFile(FxRobot robot) {
        robot.clickOn("LR Finder");
        var combo = robot.lookup("#finder-dataset").queryComboBox();
        assertThat(combo.getItems()).contains("shapes");
        // the "…" menu beside the field opens each kind; "Preview images…" is under it
        var menu = robot.lookup("#finder-open").queryAs(javafx.scene.control.MenuButton.class);
        assertThat(menu.isVisible()).isTrue();
        assertThat(menu.getItems()).extracting(javafx.scene.control.MenuItem::getId)
                .containsExactly("finder-open-csv", "finder-open-idx", "finder-open-cifar", "finder-open-images");
        assertThat(robot.lookup("#finder-preview-images").queryButton().isVisible()).isTrue();
        robot.clickOn("Training");
        var trainMenu = robot.lookup("#train-open").queryAs(javafx.scene.control.MenuButton.class);
        assertThat(trainMenu.isVisible()).isTrue();
        assertThat(((javafx.scene.control.Labeled) ((javafx.scene.control.CustomMenuItem) trainMenu.getItems().get(3)).getContent())
                .getText()).isEqualTo("Image folder…");
    }

    @Test
    void anInvalidFieldShowsItsMessageNextToIt(FxRobot robot) {
        robot.clickOn("LR Finder");
        robot.interact(() -> window.finder().endLr().textProperty().set("ten"));
        robot.clickOn("#finder-start");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".field-error").queryAllAs(Label.class))
                .anyMatch(l -> l.isVisible() && l.getText().equals("end LR must be a number, e.g. 0.01 or 1e-3 (got 'ten')"));
        assertThat(window.finder().runs()).isEmpty();
    }

    @Test
    void whenNoSuggestionsArePossibleItSaysWhyInsteadOfMarkers(FxRobot robot) throws Exception {
        robot.clickOn("LR Finder");
        FinderViewModel vm = window.finder();
        robot.interact(() -> {
            vm.startLr().textProperty().set("1000");
            vm.endLr().textProperty().set("1e9");
            vm.iterations().textProperty().set("100");
        });
        robot.clickOn("#finder-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && vm.currentProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        Label why = robot.lookup("#finder-no-suggestions").queryAs(Label.class);
        assertThat(why.isVisible()).isTrue();
        assertThat(why.getText()).startsWith("No suggestions: the loss diverged after");
        assertThat(robot.lookup(".plot-marker-line.marker-steepest").query().isVisible()).isFalse();
        assertThat(robot.lookup(".plot-band").query().isVisible()).isFalse();
    }

    @Test
    void theSuggestionsNameTheirRunInItsColourAndSayWhyTheyAreUnreliable(FxRobot robot) throws Exception {
        robot.clickOn("LR Finder");
        FinderViewModel vm = window.finder();
        // the empty chart spans the sweep the form would run, 1e-7 to 10, and no stray message shows
        lrwb.app.chart.ScaledAxis lrAxis = robot.lookup(n -> n instanceof lrwb.app.chart.ScaledAxis a
                && a.getSide() == javafx.geometry.Side.BOTTOM && a.axisScale() == lrwb.app.chart.AxisScale.LOG10).query();
        assertThat(lrAxis.getLowerBound()).as("log10 of the lowest LR shown").isBetween(-7.5, -7.0);
        assertThat(lrAxis.getUpperBound()).isBetween(1.0, 1.5);
        assertThat(robot.lookup(".field-error").queryAllAs(Label.class)).noneMatch(Node::isVisible);
        assertThat(robot.lookup("#finder-suggestions-run").queryAs(Label.class).getText()).isEqualTo("Run a test to get suggestions.");
        for (String[] rule : new String[][] {{"Steepest", "between the start of the descent and the minimum"},
                {"Valley", "longest stretch"}, {"Minimum ÷ 10", "divided by 10"}}) {
            Label name = robot.lookup(n -> n instanceof Label l && rule[0].equals(l.getText())).query();
            assertThat(name.getTooltip().getText()).as(rule[0]).contains(rule[1]);
        }

        // LRs too small to move the loss: values, and a warning that says why they mean little
        robot.interact(() -> {
            vm.setup().batch().textProperty().set("16");
            vm.endLr().textProperty().set("1e-6");
            vm.iterations().textProperty().set("60");
        });
        for (int i = 0; i < 2; i++) {
            robot.clickOn("#finder-start");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && vm.currentProperty().get() != null
                    && vm.currentProperty().get().resultProperty().get() != null);
        }
        WaitForAsyncUtils.waitForFxEvents();
        FinderRun first = vm.runs().get(0);
        FinderRun second = vm.runs().get(1);
        assertThat(second.label()).isEqualTo(first.label() + " (2)");
        Label unreliable = robot.lookup("#finder-unreliable").queryAs(Label.class);
        assertThat(unreliable.isVisible()).isTrue();
        assertThat(unreliable.getText()).matches("Unreliable: the (smoothed loss fell only [\\d.]+%|loss never fell) below where it started.*");
        assertThat(robot.lookup("#finder-status").queryAs(Label.class).getText()).endsWith(" Unreliable: see why under Suggestions.");
        assertThat(robot.lookup("#finder-steepest").queryAs(Label.class).getText()).isNotEqualTo("–");

        Label forRun = robot.lookup("#finder-suggestions-run").queryAs(Label.class);
        javafx.scene.shape.Shape band = robot.lookup(".plot-band").queryAs(javafx.scene.shape.Shape.class);
        javafx.scene.paint.Color secondColour = (javafx.scene.paint.Color) ((javafx.scene.shape.Rectangle) forRun.getGraphic()).getFill();
        assertThat(forRun.getText()).isEqualTo("For " + second.label());
        assertSameRgb((javafx.scene.paint.Color) band.getFill(), secondColour);
        robot.interact(() -> vm.select(first));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.paint.Color firstColour = (javafx.scene.paint.Color) ((javafx.scene.shape.Rectangle) forRun.getGraphic()).getFill();
        assertThat(forRun.getText()).isEqualTo("For " + first.label());
        assertThat(firstColour).isNotEqualTo(secondColour);
        assertSameRgb((javafx.scene.paint.Color) band.getFill(), firstColour);
    }

    private static void assertSameRgb(javafx.scene.paint.Color actual, javafx.scene.paint.Color expected) {
        assertThat(actual.getRed()).isCloseTo(expected.getRed(), org.assertj.core.api.Assertions.within(1 / 255.0));
        assertThat(actual.getGreen()).isCloseTo(expected.getGreen(), org.assertj.core.api.Assertions.within(1 / 255.0));
        assertThat(actual.getBlue()).isCloseTo(expected.getBlue(), org.assertj.core.api.Assertions.within(1 / 255.0));
    }

    @Test
    void reopenListsTheSavedRangeTestsAndOpensTheChosenOne(FxRobot robot) throws Exception {
        robot.clickOn("LR Finder");
        FinderViewModel vm = window.finder();
        robot.interact(() -> {
            vm.setup().batch().textProperty().set("16");
            vm.iterations().textProperty().set("30");
        });
        robot.clickOn("#finder-start");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && vm.currentProperty().get() != null
                && vm.currentProperty().get().resultProperty().get() != null);
        Path folder = vm.currentProperty().get().folderProperty().get();
        robot.interact(() -> vm.remove(vm.currentProperty().get()));
        robot.clickOn("#finder-reopen");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.TableView<?> table = robot.lookup("#reopen-table").queryAs(javafx.scene.control.TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        assertThat(table.getColumns()).extracting(c -> c.getText()).containsExactly("Name", "Started", "Dataset", "Model", "Ended");
        SavedRangeTest newest = (SavedRangeTest) table.getItems().get(0);
        assertThat(newest.dir()).isEqualTo(folder);
        assertThat(newest.dataset()).isEqualTo("iris");
        robot.interact(() -> table.getSelectionModel().select(0));
        robot.clickOn("#reopen-open");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.runs().size() == 1);
        assertThat(vm.runs().get(0).folderProperty().get()).isEqualTo(folder);
        assertThat(robot.lookup("#finder-notice").queryLabeled().getText()).isEqualTo("On the chart: " + vm.runs().get(0).label() + ".");
    }
}
