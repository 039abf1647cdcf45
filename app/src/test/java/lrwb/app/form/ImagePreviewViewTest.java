package lrwb.app.form;

import lrwb.engine.data.DataCache;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import lrwb.app.stream.CurrentThreadTaskExecutor;
import lrwb.engine.data.ImageSamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

/** "Preview images…" under the dataset field opens a window of a few images per class with their augmented draws. */
@ExtendWith(ApplicationExtension.class)
class ImagePreviewViewTest {
    private final RunSetupForm setup = new RunSetupForm();
    private final ImagePreview preview = new ImagePreview(setup, new CurrentThreadTaskExecutor(), new DataCache(0));

    @Start
    void start(Stage stage) {
        setup.dataset().textProperty().set("shapes:samples=80,size=16");
        setup.augment().textProperty().set("flip,cutout:4");
        stage.setScene(new Scene(new VBox(new DataFileMenu(setup.dataset(), "t", preview).previewButton()), 600, 200));
        stage.show();
    }

    @Test
    void showsEveryClassWithItsImagesAndDraws(FxRobot robot) {
        robot.clickOn("#t-preview-images");
        VBox classes = robot.lookup("#t-preview-classes").queryAs(VBox.class);
        assertThat(classes.getChildren()).hasSize(4); // shapes: circle, square, triangle, cross
        assertThat(robot.lookup("#t-preview-classes .label").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("circle", "square", "triangle", "cross");
        // 6 images per class, each with 3 draws beside it
        assertThat(robot.lookup("#t-preview-classes .image-view").queryAllAs(ImageView.class))
                .hasSize(4 * ImagePreview.PER_CLASS * (1 + ImageSamples.DRAWS));
        assertThat(robot.lookup("#t-preview-note").queryAs(Label.class).getText())
                .isEqualTo("shapes:samples=80,size=16: 4 classes, 16×16 colour images; the first 6 training images of"
                        + " each class; beside each, 3 random draws of flip,cutout:4");
    }

    @Test
    void aTableSaysThereIsNothingToSee(FxRobot robot) {
        robot.interact(() -> setup.dataset().textProperty().set("moons"));
        robot.clickOn("#t-preview-images");
        assertThat(robot.lookup("#t-preview-note").queryAs(Label.class).getText())
                .isEqualTo("moons is a table, not images: there is nothing to preview");
        assertThat(robot.lookup("#t-preview-classes").queryAs(VBox.class).getChildren()).isEmpty();
    }
}
