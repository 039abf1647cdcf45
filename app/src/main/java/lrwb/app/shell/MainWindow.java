package lrwb.app.shell;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import lrwb.engine.runtime.EngineStartup.EngineInfo;

import java.util.concurrent.CompletionStage;

/** The window: one tab per workspace and a status line that tells when the engine is ready. */
public final class MainWindow {
    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final EngineStatusViewModel engineStatus;

    public MainWindow(CompletionStage<EngineInfo> engineStartup) {
        engineStatus = new EngineStatusViewModel(engineStartup);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (Workspace w : Workspace.values()) {
            Tab tab = new Tab(w.tabTitle(), emptyWorkspace(w));
            tab.setId("tab-" + w.name().toLowerCase());
            tabs.getTabs().add(tab);
        }
        Label status = new Label();
        status.setId("engine-status");
        status.textProperty().bind(engineStatus.statusProperty());
        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setPadding(new Insets(4, 10, 4, 10));
        root.setCenter(tabs);
        root.setBottom(statusBar);
    }

    /** Until a workspace is built, its tab says what it is for, not a dead control. */
    private static VBox emptyWorkspace(Workspace w) {
        Label heading = new Label(w.heading());
        heading.getStyleClass().add("workspace-heading");
        Label purpose = new Label(w.purpose());
        purpose.setWrapText(true);
        purpose.setMaxWidth(560);
        Label state = new Label("Not available in this version yet. The lrwb command line has the schedule engine today.");
        state.getStyleClass().add("workspace-note");
        VBox box = new VBox(10, heading, purpose, state);
        box.setPadding(new Insets(32));
        box.setId("workspace-" + w.name().toLowerCase());
        return box;
    }

    public BorderPane root() {
        return root;
    }

    public TabPane tabs() {
        return tabs;
    }

    public EngineStatusViewModel engineStatus() {
        return engineStatus;
    }

    public Scene scene() {
        Scene scene = new Scene(root, 1200, 780);
        scene.getStylesheets().add(MainWindow.class.getResource("/lrwb/app/workbench.css").toExternalForm());
        return scene;
    }

    public void show(Stage stage) {
        stage.setTitle("LR Workbench");
        stage.setScene(scene());
        stage.setMinWidth(800);
        stage.setMinHeight(560);
        stage.show();
    }
}
