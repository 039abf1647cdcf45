package lrwb.app.shell;

import javafx.application.Application;
import javafx.stage.Stage;
import javafx.stage.Window;
import lrwb.app.training.TrainingRun;
import lrwb.app.training.TrainingViewModel;
import lrwb.engine.run.RunFiles;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.ConstantSchedule;

import java.nio.file.Files;

/**
 * Not a test: the real window on a real X display, a 2-D run trained at a too-high LR in Training and its Inspect
 * window following the decision boundary live, photographed with ImageMagick's {@code import} mid-training (the
 * main window, the Inspect window at its default and its minimum size). Run like {@link LayoutTour}, with the test
 * classpath: {@code LiveBoundaryTour OUT_PREFIX DATASET MODEL LR EPOCHS SECONDS [OPTIMIZER]}.
 */
public final class LiveBoundaryTour extends Application {
    private static String[] args;
    private static volatile boolean failed;
    private static final EngineContext ENGINE = EngineContext.create();
    private MainWindow window;
    private Stage stage;

    public static void main(String[] a) {
        args = a;
        launch(LiveBoundaryTour.class);
        System.exit(failed ? 1 : 0);
    }

    @Override
    public void start(Stage stage) throws Exception {
        this.stage = stage;
        window = WindowFixtures.showOnFreshHome(stage, ENGINE, "boundary-tour");
        Thread tour = new Thread(this::tour, "boundary-tour");
        tour.setDaemon(true);
        tour.start();
    }

    private void tour() {
        try {
            String prefix = args[0];
            TrainingViewModel training = window.training();
            WindowFixtures.onFx(() -> {
                window.show(Workspace.TRAINING);
                training.form().setup().dataset().textProperty().set(args[1]);
                training.form().setup().model().textProperty().set(args[2]);
                training.form().setup().batch().textProperty().set("32");
                if (args.length > 6) {
                    training.form().setup().optimizer().textProperty().set(args[6]);
                }
                training.form().epochs().textProperty().set(args[4]);
                training.useSchedule(new ConstantSchedule(Double.parseDouble(args[3])));
                if (training.train() == null) {
                    throw new IllegalStateException("not started: " + training.statusProperty().get());
                }
            });
            WindowFixtures.await(60, () -> WindowFixtures.onFx(() -> {
                TrainingRun r = training.selectedProperty().get();
                return r != null && r.folder() != null && Files.exists(r.folder().resolve(RunFiles.MODEL));
            }));
            WindowFixtures.onFx(training::inspectSelected);
            Thread.sleep((long) (Double.parseDouble(args[5]) * 1000));
            WindowFixtures.settle();
            shoot(stage, prefix + "-training.png");
            Stage inspect = WindowFixtures.onFx(() -> (Stage) Window.getWindows().stream()
                    .filter(w -> w != stage && w.isShowing()).findFirst().orElseThrow());
            WindowFixtures.onFx(() -> {
                inspect.setX(0);
                inspect.setY(0);
                inspect.toFront();
            });
            Thread.sleep(1500);
            shoot(inspect, prefix + "-inspect.png");
            WindowFixtures.onFx(() -> {
                inspect.setWidth(inspect.getMinWidth());
                inspect.setHeight(inspect.getMinHeight());
            });
            Thread.sleep(1500);
            shoot(inspect, prefix + "-inspect-min.png");
            WindowFixtures.onFx(training::stopAll);
        } catch (Throwable t) {
            failed = true;
            t.printStackTrace();
        } finally {
            javafx.application.Platform.exit();
        }
    }

    private static void shoot(Stage s, String file) throws Exception {
        WindowFixtures.settle();
        int[] b = WindowFixtures.onFx(() -> new int[] {(int) s.getX(), (int) s.getY(), (int) s.getWidth(), (int) s.getHeight()});
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", b[2] + "x" + b[3] + "+" + b[0] + "+" + b[1],
                "+repage", file).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("boundary-tour: " + file + " (" + b[2] + "x" + b[3] + ")");
    }
}
