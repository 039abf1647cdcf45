package lrwb.app;

import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import lrwb.app.files.FileTarget;
import lrwb.app.shell.MainWindow;
import lrwb.app.shell.WindowFrame;
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

    /**
     * Shows the window's frame (tab bar and status line) at once and builds the workspaces into it once the frame has
     * been drawn; ND4J starts once they have been drawn. Everything but the frame waits, so the window is on screen,
     * drawn, as soon as the toolkit can draw it.
     */
    @Override
    public void start(Stage stage) {
        WindowFrame frame = new WindowFrame();
        frame.show(stage, remembered);
        report("window shown");
        afterItIsDrawn(stage.getScene(), () -> {
            report("window drawn");
            if (!stage.isShowing()) {
                return; // closed before its workspaces were in
            }
            engine = EngineContext.create();
            EngineStartup startup = new EngineStartup(engine);
            // The one executor for the engine and disk work of every workspace.
            new MainWindow(engine, startup.readiness(), home != null ? home : WorkbenchHome.resolve(null),
                    FileTarget.dialog(), new FxTaskExecutor(), remembered, frame).attachTo(stage);
            afterItIsDrawn(stage.getScene(), () -> {
                startup.startInBackground();
                report("workspaces drawn");
                if (Boolean.getBoolean(EXIT_WHEN_SHOWN)) {
                    Platform.exit();
                }
            });
        });
    }

    /**
     * The start-up benchmark ({@code -Dlrwb.exitWhenShown=true}; bench/, README "Install", .ci/cds-classlist): prints
     * the JVM's uptime and CPU time as each step happens (the window mapped, its frame drawn, the workspaces drawn), and
     * exits once the workspaces have been drawn.
     */
    private static final String EXIT_WHEN_SHOWN = "lrwb.exitWhenShown";

    private static void report(String what) {
        if (Boolean.getBoolean(EXIT_WHEN_SHOWN)) {
            System.out.println("lrwb: " + what + " " + ManagementFactory.getRuntimeMXBean().getUptime()
                    + " ms after JVM start (CPU " + processCpuMillis() + " ms)");
        }
    }

    private static long processCpuMillis() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
    }

    /** After the window has closed (and stopped its runs): the engine's pools take no more work. */
    @Override
    public void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    /**
     * Runs {@code next} on the FX thread once the scene as it is now has been drawn in its window. Counting pulses is
     * not enough: the first frames are drawn on the render thread while pulses go on (under load the frame was still
     * blank after 6 pulses), and in the software pipeline the pixels reach the window in a task queued on the FX
     * thread afterwards. A snapshot is rendered after every frame queued before it, and the task queued from its
     * callback runs after those uploads. ND4J's start-up and warm-up keep a core and the JIT compilers busy for a
     * second: begun together with the window, they held it up by half a second on a 2-core machine; so did building the
     * workspaces before the frame. The status line says when the engine is ready.
     */
    private static void afterItIsDrawn(Scene scene, Runnable next) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) { // the scene has had a pulse of its own, so the snapshot comes after its frame
                    stop();
                    scene.snapshot(drawn -> {
                        Platform.runLater(next);
                        return null;
                    }, null);
                }
            }
        }.start();
    }
}
