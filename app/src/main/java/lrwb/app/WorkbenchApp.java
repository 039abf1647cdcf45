package lrwb.app;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import lrwb.app.files.FileTarget;
import lrwb.app.shell.MainWindow;
import lrwb.app.shell.WorkbenchState;
import lrwb.app.stream.FxTaskExecutor;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.startup.EngineStartup;

import java.lang.management.ManagementFactory;

/**
 * The desktop app: shows the window at once and lets ND4J start behind it. Owns the app's one
 * {@link EngineContext}: every workspace runs its jobs on it, and it is closed when the app stops.
 */
public final class WorkbenchApp extends Application {
    private EngineContext engine;
    private WorkbenchHome home;
    private WorkbenchState remembered = WorkbenchState.empty();

    /** On the launcher thread, before the window: what the last session left (the FX thread reads no files). */
    @Override
    public void init() {
        home = WorkbenchHome.resolve(null);
        remembered = MainWindow.readRemembered(home);
    }

    @Override
    public void start(Stage stage) {
        engine = EngineContext.create();
        EngineStartup startup = new EngineStartup(engine);
        // The one executor for the engine and disk work of every workspace.
        MainWindow window = new MainWindow(engine, startup.readiness(), home != null ? home : WorkbenchHome.resolve(null),
                FileTarget.dialog(), new FxTaskExecutor(), remembered);
        window.show(stage);
        startEngineAfterTheFirstFrame(startup);
        if (Boolean.getBoolean("lrwb.exitWhenShown")) { // the start-up benchmark (bench/) times launch to window
            Platform.runLater(() -> {
                System.out.println("lrwb: window shown " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms after JVM start");
                Platform.exit();
            });
        }
    }

    /** After the window has closed (and stopped its runs): the engine's pools take no more work. */
    @Override
    public void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    /**
     * ND4J's start-up and warm-up keep a core and the JIT compilers busy for a second: begun together with the
     * window, they held it up by half a second on a 2-core machine. The status line says when the engine is ready.
     */
    private static void startEngineAfterTheFirstFrame(EngineStartup startup) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) { // the first frame has been drawn
                    stop();
                    startup.startInBackground();
                }
            }
        }.start();
    }
}
