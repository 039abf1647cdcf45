package lrwb.app.inspect;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import lrwb.app.files.FileTarget;
import lrwb.app.stream.TaskExecutor;

import lrwb.engine.run.RunHandle;

import java.nio.file.Path;

/** A window of its own for inspecting one training run, beside the workspace it was opened from. */
public final class InspectWindow {
    public static final double WIDTH = 1000;
    public static final double HEIGHT = 720;
    public static final double MIN_WIDTH = 640;
    public static final double MIN_HEIGHT = 480;

    private InspectWindow() {
    }

    /**
     * Opens the window and starts reading the run.
     *
     * @param owner        the main window: its stylesheets are used, and the window stays above it
     * @param exportFolder where PNG exports are suggested
     * @param live         the run's handle while it trains in this process (a 2-D run's boundary follows it), else null
     */
    public static Stage show(Window owner, TaskExecutor executor, FileTarget files, Path exportFolder, Path runDir,
                             RunHandle live) {
        InspectViewModel vm = new InspectViewModel(executor);
        InspectView view = new InspectView(vm, files, exportFolder);
        Stage stage = new Stage();
        Scene scene = new Scene(view.node(), WIDTH, HEIGHT);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            stage.initOwner(owner);
        }
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.titleProperty().bind(vm.titleProperty().map(t -> "Inspect — " + t));
        stage.setOnHidden(e -> vm.close());
        stage.show();
        vm.open(runDir, live);
        return stage;
    }
}
