package lrwb.app;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import lrwb.app.designer.FileTarget;
import lrwb.app.shell.MainWindow;
import lrwb.app.stream.FxTaskExecutor;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.startup.EngineStartup;

import java.lang.management.ManagementFactory;

/** The desktop app: shows the window at once and lets ND4J start behind it. */
public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        // The one executor for the engine and disk work of every workspace.
        MainWindow window = new MainWindow(EngineStartup.readiness(), WorkbenchHome.resolve(null), FileTarget.dialog(),
                new FxTaskExecutor());
        window.show(stage);
        startEngineAfterTheFirstFrame();
        if (Boolean.getBoolean("lrwb.exitWhenShown")) { // the start-up benchmark (bench/) times launch to window
            Platform.runLater(() -> {
                System.out.println("lrwb: window shown " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms after JVM start");
                Platform.exit();
            });
        }
    }

    /**
     * ND4J's start-up and warm-up keep a core and the JIT compilers busy for a second: begun together with the
     * window, they held it up by half a second on a 2-core machine. The status line says when the engine is ready.
     */
    private static void startEngineAfterTheFirstFrame() {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) { // the first frame has been drawn
                    stop();
                    EngineStartup.startInBackground();
                }
            }
        }.start();
    }
}
