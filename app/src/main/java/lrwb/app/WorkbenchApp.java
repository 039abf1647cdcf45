package lrwb.app;

import javafx.application.Application;
import javafx.stage.Stage;
import lrwb.app.shell.MainWindow;
import lrwb.engine.runtime.EngineStartup;

/** The desktop app: shows the window at once and lets ND4J start behind it. */
public final class WorkbenchApp extends Application {
    @Override
    public void start(Stage stage) {
        MainWindow window = new MainWindow(EngineStartup.startInBackground());
        window.show(stage);
    }
}
