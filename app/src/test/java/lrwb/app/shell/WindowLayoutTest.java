package lrwb.app.shell;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import lrwb.app.chart.CurveChart;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.startup.EngineStartup.EngineInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static lrwb.app.shell.WindowFixtures.onFx;
import static lrwb.app.shell.WindowFixtures.settle;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every workspace at the default window size and at the minimum one, with the crowd a class leaves behind:
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
        onFx(() -> window.show(Workspace.RUNS));
        onFx(() -> window.runs().refresh()).get();
        onFx(() -> window.runs().selection().setAll(window.runs().shownRows().stream().filter(r -> !r.isRangeTest()).toList()));
        settle();
        assertThat(onFx(() -> window.runs().compared().size())).isEqualTo(10);

        List<String> problems = new ArrayList<>();
        for (double[] size : List.of(new double[] {MainWindow.DEFAULT_WIDTH, MainWindow.DEFAULT_HEIGHT},
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

    private void resize(double w, double h) throws Exception {
        onFx(() -> {
            stage.setWidth(w);
            stage.setHeight(h);
        });
        settle();
    }

}
