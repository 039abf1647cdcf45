package lrwb.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import lrwb.app.shell.MainWindow;
import lrwb.engine.startup.EngineStartup;

import java.lang.management.ManagementFactory;

/** The desktop app: shows the window at once and lets ND4J start behind it. */
public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        MainWindow window = new MainWindow(EngineStartup.startInBackground());
        window.show(stage);
        if (Boolean.getBoolean("lrwb.exitWhenShown")) { // the start-up benchmark (bench/) times launch to window
            Platform.runLater(() -> {
                System.out.println("lrwb: window shown " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms after JVM start");
                Platform.exit();
            });
        }
    }
}
