package lrwb.app.model;

import lrwb.engine.data.DataCache;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import lrwb.app.form.RunSetupForm;
import lrwb.app.stream.CurrentThreadTaskExecutor;
import lrwb.engine.model.layers.LayerActivation;
import lrwb.engine.model.layers.LayerSpec;
import lrwb.engine.model.layers.LayerStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The picker's "Edit layers…" opens the editor on the field's layers; OK writes the edited stack back. */
@ExtendWith(ApplicationExtension.class)
class LayerEditorViewTest {
    @TempDir
    static Path runs;
    private final RunSetupForm setup = new RunSetupForm();
    private ModelPickerView view;

    @Start
    void start(Stage stage) {
        setup.model().textProperty().set("mlp:8");
        setup.dataset().textProperty().set("iris");
        view = new ModelPickerView(new ModelPicker(setup, runs, new CurrentThreadTaskExecutor(), new DataCache(0)), "m", ModelPickerView.HINT);
        stage.setScene(new Scene(new VBox(view.node()), 320, 200));
        stage.show();
    }

    @Test
    void editsTheLayersWithTheEnginesMessagesAndWritesThemBack(FxRobot robot) {
        robot.clickOn("#m-menu").clickOn("Edit layers…");
        TableView<?> layers = robot.lookup("#layer-table").queryAs(TableView.class);
        assertThat(layers.getItems()).hasSize(1);
        TableView<?> summary = robot.lookup("#layer-summary").queryAs(TableView.class);
        assertThat(summary.getItems()).hasSize(2); // dense 8 and the softmax output over iris' 3 classes
        assertThat(robot.lookup("#layer-total").queryAs(Label.class).getText()).isEqualTo("Total params: 67"); // 4*8+8 + 8*3+3

        robot.clickOn("#layer-add").clickOn("#layer-add-dropout");
        TextField rate = robot.lookup("#layer-field-rate").queryAs(TextField.class);
        robot.interact(() -> rate.setText("1.5"));
        assertThat(robot.lookup("#layer-field-rate-error").queryAs(Label.class).getText())
                .isEqualTo("layers[1].rate must be in [0, 1) (got 1.5)");
        assertThat(robot.lookup("#layer-table .table-cell").queryAllAs(javafx.scene.control.Labeled.class))
                .extracting(javafx.scene.control.Labeled::getText)
                .contains("⚠ layers[1].rate must be in [0, 1) (got 1.5)"); // the row says it too
        assertThat(robot.lookup("#layer-ok").queryButton().isDisabled()).isTrue();
        robot.interact(() -> rate.setText("0.5"));
        assertThat(robot.lookup("#layer-ok").queryButton().isDisabled()).isFalse();
        robot.clickOn("#layer-ok");

        assertThat(setup.model().text()).isEqualTo(new LayerStack(List.of(new LayerSpec.Dense(8, LayerActivation.RELU),
                new LayerSpec.Dropout(0.5)), null, 0).toJson());
    }
}
