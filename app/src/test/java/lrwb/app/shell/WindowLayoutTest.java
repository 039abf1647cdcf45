package lrwb.app.shell;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.startup.EngineStartup.EngineInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static lrwb.app.shell.WindowFixtures.onFx;
import static lrwb.app.shell.WindowFixtures.settle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Every workspace at the default window size, at 1100 x 700 and at the minimum, with the crowd a class leaves behind:
 * ten training runs and ten range tests (real, tiny: WindowFixtures) and their comparison in Runs. The key
 * controls of each workspace lie inside the window, whole (a button shows all its words), not cut by the pane
 * around them; every chart's plot lies inside the window with at least 200 x 120 px. And the Stage refuses to
 * get smaller than the minimum.
 */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutTest {
    private static final EngineContext ENGINE = EngineContext.create();

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    @TempDir
    static Path home;
    private MainWindow window;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new MainWindow(ENGINE, CompletableFuture.<EngineInfo>completedFuture(new EngineInfo("CpuBackend", 1, 1)),
                new WorkbenchHome(home), (owner, title, ext, suggested) -> suggested);
        window.show(stage);
        stage.setX(0);
        stage.setY(0);
    }

    @Test
    void everyWorkspaceFitsAtTheDefaultSizeAndAtTheMinimumWithTenRunsAndTenRangeTests(FxRobot robot) throws Exception {
        onFx(() -> window.show(Workspace.TRAINING));
        WindowFixtures.trainTenRuns(window);
        onFx(() -> window.show(Workspace.FINDER));
        WindowFixtures.rangeTestTen(window);
        onFx(() -> window.show(Workspace.SWEEPS));
        WindowFixtures.sweep(window, 2, 1, 1);
        onFx(() -> window.show(Workspace.RUNS));
        onFx(() -> window.runs().refresh()).get();
        onFx(() -> window.runs().selection().setAll(window.runs().shownRows().stream().filter(r -> !r.isRangeTest()).toList()));
        settle();
        assertThat(onFx(() -> window.runs().compared().size())).isEqualTo(10);

        List<String> problems = new ArrayList<>();
        // The first size, the one of issue 13's report, and the smallest.
        for (double[] size : List.of(new double[] {MainWindow.DEFAULT_WIDTH, MainWindow.DEFAULT_HEIGHT}, new double[] {1100, 700},
                new double[] {MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT})) {
            resize(size[0], size[1]);
            for (Workspace w : LayoutCheck.WORKSPACES) {
                onFx(() -> window.show(w));
                settle();
                problems.addAll(onFx(() -> LayoutCheck.problems(window, w)));
            }
            problems.addAll(onFx(() -> {
                List<String> p = new ArrayList<>();
                // The run table shows two rows at least.
                TableView<?> table = (TableView<?>) window.root().lookup("#train-queue");
                if (table.getHeight() < 26 * 2 + 26) {
                    p.add(LayoutCheck.sizeName(window) + ": the Training run table is " + table.getHeight() + " px tall");
                }
                return p;
            }));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theStageRefusesToBeSmallerThanTheMinimum() throws Exception {
        assertThat(onFx(() -> stage.getMinWidth())).isEqualTo(MainWindow.MIN_WIDTH);
        assertThat(onFx(() -> stage.getMinHeight())).isEqualTo(MainWindow.MIN_HEIGHT);
        resize(700, 500);
        assertThat(onFx(() -> stage.getWidth())).isGreaterThanOrEqualTo(MainWindow.MIN_WIDTH);
        assertThat(onFx(() -> stage.getHeight())).isGreaterThanOrEqualTo(MainWindow.MIN_HEIGHT);
    }

    @Test
    void theDesignerKeepsItsSpinnersAndItsSidePanesWhateverTheSizeAndTheText(FxRobot robot) throws Exception {
        resize(MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
        Spinner<?> epochs = robot.lookup("#epochs").queryAs(Spinner.class);
        Spinner<?> steps = robot.lookup("#steps-per-epoch").queryAs(Spinner.class);
        for (Spinner<?> s : List.of(epochs, steps)) {
            TextField editor = s.getEditor();
            assertThat(editor.getText()).isEqualTo("100");
            // the digits fit: "100", not "1("
            assertThat(editor.getWidth()).isGreaterThan(textWidth(editor, "100000"));
        }
        double epochsWidth = epochs.getWidth();
        // A huge length: the total is cut with "…", the spinners keep their width.
        robot.clickOn(epochs.getEditor()).press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL).write("99999999")
                .type(KeyCode.ENTER);
        settle();
        assertThat(epochs.getWidth()).isEqualTo(epochsWidth);
        assertThat(steps.getWidth()).isEqualTo(epochsWidth);
        assertThat(onFx(() -> LayoutCheck.problems(window, Workspace.DESIGNER))).isEmpty();

        // Resized small, large and back, and a very long name: the side panes come back to their widths, and
        // the list's buttons are whole.
        SplitPane split = onFx(() -> (SplitPane) window.root().lookup("#workspace-designer .split-pane"));
        Region list = (Region) split.getItems().get(0);
        Region editor = (Region) split.getItems().get(2);
        resize(MainWindow.DEFAULT_WIDTH, MainWindow.DEFAULT_HEIGHT);
        double listWidth = list.getWidth();
        double editorWidth = editor.getWidth();
        resize(MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
        resize(1280, 800);
        onFx(() -> window.designer().selected().nameProperty().set("A schedule with a very long name ".repeat(12)));
        settle();
        resize(MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
        resize(MainWindow.DEFAULT_WIDTH, MainWindow.DEFAULT_HEIGHT);
        assertThat(list.getWidth()).isCloseTo(listWidth, within(1.0));
        assertThat(editor.getWidth()).isCloseTo(editorWidth, within(1.0));
        assertThat(onFx(() -> LayoutCheck.problems(window, Workspace.DESIGNER))).isEmpty();
        Node remove = robot.lookup("#remove-curve").query();
        Bounds inList = list.sceneToLocal(remove.localToScene(remove.getLayoutBounds()));
        assertThat(inList.getMaxX()).isLessThanOrEqualTo(list.getWidth());
    }

    @Test
    void theSelectedScheduleRowsSubtitleIsReadableOnTheSelectionColour(FxRobot robot) throws Exception {
        ListView<?> list = robot.lookup("#curve-list").queryAs(ListView.class);
        robot.clickOn(robot.lookup("#curve-list .list-cell").nth(1).queryAs(Node.class));
        settle();
        assertThat(list.isFocused()).isTrue();
        ListCell<?> cell = robot.lookup("#curve-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(ListCell::isSelected).findFirst().orElseThrow();
        Label subtitle = (Label) cell.lookup(".hint");
        Color text = (Color) subtitle.getTextFill();
        Color background = (Color) cell.getBackground().getFills().get(cell.getBackground().getFills().size() - 1).getFill();
        assertThat(contrast(text, background)).as("subtitle %s on %s", text, background).isGreaterThanOrEqualTo(4.5);
        // and unselected rows keep their grey hint on white
        ListCell<?> other = robot.lookup("#curve-list .list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> !c.isSelected() && !c.isEmpty()).findFirst().orElseThrow();
        assertThat(contrast((Color) ((Label) other.lookup(".hint")).getTextFill(), Color.WHITE)).isGreaterThanOrEqualTo(4.5);
    }

    @Test
    void controlsStayPutWhenMessagesComeAndGo(FxRobot robot) throws Exception {
        resize(MainWindow.MIN_WIDTH, MainWindow.MIN_HEIGHT);
        // Training: a run that cannot start says why on its message line; a queued run has nothing to say.
        onFx(() -> window.show(Workspace.TRAINING));
        settle();
        onFx(() -> {
            window.training().form().setup().dataset().textProperty().set("csv:" + home.resolve("missing.csv"));
            window.training().train();
        });
        WindowFixtures.await(30, () -> onFx(() -> window.training().selectedProperty().get().state().hasEnded()));
        settle();
        Node setLr = robot.lookup("#train-override-apply").query();
        Node charts = robot.lookup("#train-charts").query();
        assertThat(robot.lookup("#train-run-message").queryLabeled().getText()).isNotEmpty();
        double[] with = onFx(() -> new double[] {sceneY(setLr), sceneY(charts)});
        onFx(() -> {
            window.training().form().setup().dataset().textProperty().set("iris");
            window.training().addToQueue();
        });
        settle();
        assertThat(robot.lookup("#train-run-message").queryLabeled().getText()).isEmpty();
        assertThat(onFx(() -> new double[] {sceneY(setLr), sceneY(charts)})).containsExactly(with);

        // Finder: an error under a field does not push Find LR down.
        onFx(() -> window.show(Workspace.FINDER));
        settle();
        Node find = robot.lookup("#finder-start").query();
        double before = onFx(() -> sceneY(find));
        onFx(() -> {
            window.finder().iterations().textProperty().set("abc");
            window.finder().setup().batch().textProperty().set("-3");
            window.finder().start();
        });
        settle();
        assertThat(robot.lookup("#finder-iterations-error").queryLabeled().isVisible()).isTrue();
        assertThat(onFx(() -> sceneY(find))).isEqualTo(before);
    }

    private static double sceneY(Node n) {
        return n.localToScene(n.getLayoutBounds()).getMinY();
    }

    private static double textWidth(TextField field, String text) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(field.getFont());
        return t.getLayoutBounds().getWidth();
    }

    /** WCAG contrast ratio of two colours. */
    private static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /**
     * TestFX shows every test class in the same Stage: leave it as the other tests expect it (no minimum, the
     * size of Monocle's screen), not at the sizes tried here.
     */
    @AfterEach
    void restoreTheSharedStage() throws Exception {
        onFx(() -> {
            stage.setMinWidth(0);
            stage.setMinHeight(0);
            stage.setWidth(1280);
            stage.setHeight(800);
        });
    }

    private void resize(double w, double h) throws Exception {
        onFx(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        settle();
    }

}
