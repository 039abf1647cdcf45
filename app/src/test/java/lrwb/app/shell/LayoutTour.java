package lrwb.app.shell;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import lrwb.engine.runtime.EngineContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: the real window on a real X display (e.g. Xvfb), crowded with ten training runs and ten range
 * tests (WindowFixtures), photographed per workspace at each size with ImageMagick's {@code import}, to look at
 * what users see. Run with the test classpath, {@code DISPLAY} set and no Monocle:
 * {@code .ci/layout-shots OUT_PREFIX 1200x780 1000x660} writes OUT_PREFIX-workspace-WxH.png and exits 1 when
 * something does not fit.
 */
public final class LayoutTour extends Application {
    private static String prefix;
    /** A layout problem was found, or the tour broke: the exit code says so. */
    private static volatile boolean failed;
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
        System.exit(failed ? 1 : 0);
    }

    @Override
    public void start(Stage stage) throws Exception {
        this.stage = stage;
        window = WindowFixtures.showOnFreshHome(stage, ENGINE, "layout-tour");
        Thread tour = new Thread(this::tour, "layout-tour");
        tour.setDaemon(true);
        tour.start();
    }

    private static javafx.geometry.Point2D center(javafx.scene.Node n) throws Exception {
        return WindowFixtures.onFx(() -> {
            javafx.geometry.Bounds b = n.localToScreen(n.getLayoutBounds());
            return new javafx.geometry.Point2D(b.getCenterX(), b.getCenterY());
        });
    }

    private static void click(javafx.geometry.Point2D p) throws Exception {
        xdotool("mousemove", (int) p.getX(), (int) p.getY());
        xdotool("click", 1);
        Thread.sleep(200);
    }

    private static void xdotool(Object... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("xdotool"));
        for (Object a : args) {
            command.add(String.valueOf(a));
        }
        new ProcessBuilder(command).inheritIO().start().waitFor();
        Thread.sleep(60);
    }

    private void tour() {
        try {
            WindowFixtures.onFx(() -> window.show(Workspace.TRAINING));
            WindowFixtures.trainTenRuns(window);
            WindowFixtures.onFx(() -> window.show(Workspace.FINDER));
            WindowFixtures.rangeTestTen(window);
            WindowFixtures.onFx(() -> window.show(Workspace.SWEEPS));
            WindowFixtures.sweep(window, 9, 2, 6);
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
                    if (w == Workspace.DESIGNER) {
                        // the list focused, as after a click: the selected row in the selection colour
                        WindowFixtures.onFx(() -> window.root().lookup("#curve-list").requestFocus());
                    }
                    WindowFixtures.settle();
                    Thread.sleep(700);
                    WindowFixtures.settle();
                    for (String problem : WindowFixtures.onFx(() -> LayoutCheck.problems(window, w))) {
                        System.out.println("layout-tour: PROBLEM " + problem);
                        failed = true;
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
            if (Boolean.getBoolean("lrwb.tour.zoom")) {
                // With the real mouse (xdotool): hide run #10 in the legend, drag a box over the first epochs of the
                // loss chart, and hover it.
                WindowFixtures.onFx(() -> {
                    stage.setWidth(MainWindow.DEFAULT_WIDTH);
                    stage.setHeight(MainWindow.DEFAULT_HEIGHT);
                    window.show(Workspace.TRAINING);
                    ((javafx.scene.control.Slider) window.root().lookup("#train-smoothing")).setValue(0.6);
                });
                WindowFixtures.settle();
                Thread.sleep(500);
                click(center(window.root().lookup("#train-legend-10")));
                javafx.geometry.Bounds plot = WindowFixtures.onFx(() -> {
                    javafx.scene.Node p = window.root().lookup("#chart-loss .chart-plot-background");
                    return p.localToScreen(p.getLayoutBounds());
                });
                xdotool("mousemove", (int) (plot.getMinX() + 4), (int) (plot.getMinY() + plot.getHeight() * 0.55));
                xdotool("mousedown", 1);
                xdotool("mousemove", (int) (plot.getMinX() + plot.getWidth() * 0.3), (int) (plot.getMinY() + plot.getHeight() * 0.75));
                xdotool("mousemove", (int) (plot.getMinX() + plot.getWidth() * 0.35), (int) (plot.getMaxY() - 2));
                xdotool("mouseup", 1);
                Thread.sleep(300);
                xdotool("mousemove", (int) (plot.getMinX() + plot.getWidth() * 0.5), (int) (plot.getMinY() + plot.getHeight() * 0.5));
                WindowFixtures.settle();
                Thread.sleep(700);
                String file = prefix + "-training-zoomed.png";
                new ProcessBuilder("import", "-window", "root", "-crop", (int) MainWindow.DEFAULT_WIDTH + "x"
                        + (int) MainWindow.DEFAULT_HEIGHT + "+0+0", "+repage", file).inheritIO().start().waitFor();
                System.out.println("layout-tour: " + file);
            }
        } catch (Throwable t) {
            failed = true;
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
