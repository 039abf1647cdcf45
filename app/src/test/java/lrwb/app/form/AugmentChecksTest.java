package lrwb.app.form;

import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static lrwb.app.form.AugmentChecks.Part.CROP;
import static lrwb.app.form.AugmentChecks.Part.CUTOUT;
import static lrwb.app.form.AugmentChecks.Part.FLIP;
import static org.assertj.core.api.Assertions.assertThat;

/** The crop, flip and cutout boxes write their part of the augment text and follow what is typed there. */
@ExtendWith(ApplicationExtension.class)
class AugmentChecksTest {
    private final InputField augment = new InputField("augment", "none");

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new VBox(new AugmentChecks(augment, "t").node()), 300, 80));
        stage.show();
    }

    @Test
    void togglingKeepsTheOtherPartsAndTheSizesTyped() {
        assertThat(AugmentChecks.toggled("none", CROP, true)).isEqualTo("crop:4");
        assertThat(AugmentChecks.toggled("crop:2", FLIP, true)).isEqualTo("crop:2,flip");
        assertThat(AugmentChecks.toggled("crop:2,flip", CROP, false)).isEqualTo("flip");
        assertThat(AugmentChecks.toggled("flip", CUTOUT, true)).isEqualTo("flip,cutout");
        assertThat(AugmentChecks.toggled("flip,cutout:8", CUTOUT, true)).isEqualTo("flip,cutout:8");
        assertThat(AugmentChecks.toggled("flip,cutout:8", CUTOUT, false)).isEqualTo("flip");
        assertThat(AugmentChecks.toggled("flip", FLIP, false)).isEqualTo("none");
        assertThat(AugmentChecks.toggled("crop:x", FLIP, true)).isEqualTo("flip"); // unreadable text counts as none
    }

    @Test
    void theBoxesWriteAndFollowTheField(FxRobot robot) {
        robot.clickOn("#t-augment-flip").clickOn("#t-augment-crop");
        assertThat(augment.text()).isEqualTo("crop:4,flip");
        robot.interact(() -> augment.textProperty().set("cutout:6"));
        assertThat(robot.lookup("#t-augment-crop").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(robot.lookup("#t-augment-flip").queryAs(CheckBox.class).isSelected()).isFalse();
        assertThat(robot.lookup("#t-augment-cutout").queryAs(CheckBox.class).isSelected()).isTrue();
        robot.interact(() -> augment.textProperty().set("crop:"));  // being typed: the boxes wait
        assertThat(robot.lookup("#t-augment-cutout").queryAs(CheckBox.class).isSelected()).isTrue();
    }
}
