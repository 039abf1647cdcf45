package lrwb.app.shell;

import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;

/**
 * The window without its workspaces: the tab bar (one empty tab per {@link Workspace}) and the status line, in the
 * window's scene with its stylesheet. Cheap to build and to lay out, so the app shows it first and a {@link MainWindow}
 * fills it in once it has been drawn: building and styling the Designer, the ViewModels behind every tab, and
 * reading the runs on disk held the window up by a second. FX thread.
 */
public final class WindowFrame {
    /** What the status line says until the workspaces are in (then it tells how the engine is doing). */
    static final String OPENING = "Opening the workspaces…";

    private final BorderPane root = new BorderPane();
    private final TabPane tabs = new TabPane();
    private final Label status = new Label(OPENING);

    public WindowFrame() {
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (Workspace w : Workspace.values()) {
            Tab tab = new Tab(w.tabTitle());
            tab.setId("tab-" + w.name().toLowerCase());
            tabs.getTabs().add(tab);
        }
        status.setId("engine-status");
        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        statusBar.setPadding(new Insets(4, 10, 4, 10));
        root.setCenter(tabs);
        root.setBottom(statusBar);
    }

    BorderPane root() {
        return root;
    }

    TabPane tabs() {
        return tabs;
    }

    /** The tab of a workspace. */
    Tab tab(Workspace w) {
        return tabs.getTabs().get(w.ordinal());
    }

    Label status() {
        return status;
    }

    /** The window's scene: this frame at the default size, with the workbench's stylesheet. */
    Scene scene() {
        Scene scene = new Scene(root, MainWindow.DEFAULT_WIDTH, MainWindow.DEFAULT_HEIGHT);
        scene.getStylesheets().add(WindowFrame.class.getResource("/lrwb/app/workbench.css").toExternalForm());
        return scene;
    }

    /** Shows the frame in {@code stage}: title, minimum size, and the size and place the last session left. */
    public void show(Stage stage, WorkbenchState remembered) {
        stage.setTitle("LR Workbench");
        stage.setScene(scene());
        stage.setMinWidth(MainWindow.MIN_WIDTH);
        stage.setMinHeight(MainWindow.MIN_HEIGHT);
        RememberedWindow.restoreGeometry(remembered, stage);
        stage.show();
    }
}
