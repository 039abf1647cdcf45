package lrwb.app.shell;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.startup.EngineStartup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Not a test: the real window on a real X display (e.g. Xvfb), crowded with ten training runs and ten range
 * tests (WindowFixtures), photographed per workspace at each size with ImageMagick's {@code import}, to look at
 * what users see. Run with the test classpath, {@code DISPLAY} set and no Monocle:
 * {@code java ... lrwb.app.shell.LayoutTour OUT_PREFIX 1200x780 1000x660}; writes OUT_PREFIX-workspace-WxH.png.
 */
public final class LayoutTour extends Application {
    private static String prefix;
    private static final List<int[]> SIZES = new ArrayList<>();
    private static final EngineContext ENGINE = EngineContext.create();
    private MainWindow window;
    private Stage stage;

    public static void main(String[] args) {
        prefix = args[0];
        for (int i = 1; i < args.length; i++) {
            String[] wh = args[i].split("x");
            SIZES.add(new int[] {Integer.parseInt(wh[0]), Integer.parseInt(wh[1])});
        }
        launch(LayoutTour.class);
    }

    @Override
    public void start(Stage stage) throws Exception {
        this.stage = stage;
        Path home = Files.createTempDirectory("lrwb-layout-tour");
        window = new MainWindow(ENGINE, CompletableFuture.completedFuture(new EngineStartup.EngineInfo("CpuBackend", 1, 900)),
                new WorkbenchHome(home), (owner, title, ext, suggested) -> suggested);
        window.show(stage);
        stage.setX(0);
        stage.setY(0);
        Thread tour = new Thread(this::tour, "layout-tour");
        tour.setDaemon(true);
        tour.start();
    }

    private void tour() {
        try {
            WindowFixtures.onFx(() -> window.show(Workspace.TRAINING));
            WindowFixtures.trainTenRuns(window);
            WindowFixtures.onFx(() -> window.show(Workspace.FINDER));
            WindowFixtures.rangeTestTen(window);
            WindowFixtures.onFx(() -> window.show(Workspace.RUNS));
            WindowFixtures.onFx(() -> window.runs().refresh()).get();
            WindowFixtures.onFx(() -> window.runs().selection().setAll(window.runs().shownRows().stream()
                    .filter(r -> !r.isRangeTest()).toList()));
            for (int[] size : SIZES) {
                WindowFixtures.onFx(() -> {
                    stage.setWidth(size[0]);
                    stage.setHeight(size[1]);
                });
                for (Workspace w : LayoutCheck.WORKSPACES) {
                    WindowFixtures.onFx(() -> window.show(w));
                    WindowFixtures.settle();
                    Thread.sleep(700);
                    WindowFixtures.settle();
                    for (String problem : WindowFixtures.onFx(() -> LayoutCheck.problems(window, w))) {
                        System.out.println("layout-tour: PROBLEM " + problem);
                    }
                    int[] actual = WindowFixtures.onFx(() -> new int[] {(int) stage.getWidth(), (int) stage.getHeight()});
                    String file = prefix + "-" + w.name().toLowerCase() + "-" + size[0] + "x" + size[1] + ".png";
                    Process p = new ProcessBuilder("import", "-window", "root", "-crop",
                            actual[0] + "x" + actual[1] + "+0+0", "+repage", file).inheritIO().start();
                    if (p.waitFor() != 0) {
                        throw new IllegalStateException("import failed for " + file);
                    }
                    System.out.println("layout-tour: " + file + " (window " + actual[0] + "x" + actual[1] + ")");
                }
            }
        } catch (Throwable t) {
            t.printStackTrace();
        } finally {
            Platform.runLater(() -> {
                stage.close();
                ENGINE.close();
                Platform.exit();
            });
        }
    }
}
