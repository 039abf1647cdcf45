package lrwb.app.form;

import lrwb.engine.data.Augmentation;
import lrwb.engine.data.DataOptions;
import lrwb.engine.data.HeaderMode;
import lrwb.engine.data.ImageNormalization;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The normalize and augment fields: read into the request, refused at the field, filled back from a record. */
class RunSetupFormImageOptionsTest {
    @Test
    void imageOptionsReachTheDataOptions() {
        RunSetupForm form = new RunSetupForm();
        form.dataset().textProperty().set("shapes");
        form.normalize().textProperty().set("standard");
        form.augment().textProperty().set("crop:4, flip");
        RunSetup setup = form.read(new FormErrors());
        assertThat(setup.data().normalize()).isEqualTo(ImageNormalization.STANDARD);
        assertThat(setup.data().augment()).isEqualTo(new Augmentation(4, true, 0, false));
    }

    @Test
    void theDefaultsAreNoImageOptionsSoTabularDataStaysValid() {
        RunSetupForm form = new RunSetupForm();
        RunSetup setup = form.read(new FormErrors());
        assertThat(setup.data().normalize()).isNull();
        assertThat(setup.data().augment()).isNull();
    }

    @Test
    void wrongValuesAndImageOptionsOnTabularDataAreMarkedAtTheirField() {
        RunSetupForm form = new RunSetupForm();
        form.augment().textProperty().set("crop:0");
        form.normalize().textProperty().set("minmax");
        FormErrors errors = new FormErrors();
        assertThat(form.read(errors)).isNull();
        assertThat(form.augment().error()).isEqualTo("augment crop must be an integer in [1, 1024] (got 0)");
        assertThat(form.normalize().error()).isEqualTo("normalize must be unit or standard (got 'minmax')");

        form.augment().textProperty().set("flip");
        form.normalize().textProperty().set("unit");
        assertThat(form.read(new FormErrors())).isNull(); // iris, the default dataset, is tabular
        assertThat(form.augment().error()).isEqualTo("iris: augment applies to image data only");
        assertThat(form.dataset().error()).isEmpty();

        form.augment().textProperty().set("none");
        form.normalize().textProperty().set("standard");
        assertThat(form.read(new FormErrors())).isNull();
        assertThat(form.normalize().error()).startsWith("iris: normalize applies to image data only");
    }

    @Test
    void theFinderIgnoresAugmentationAndFillingRestoresBoth() {
        DataOptions recorded = new DataOptions("shapes", null, HeaderMode.AUTO, 0.2, null, 7, ImageNormalization.STANDARD,
                Augmentation.parse("flip,cutout"));
        RunSetupForm training = new RunSetupForm();
        training.fill(recorded, "cnn", "sgd", 16);
        assertThat(training.normalize().text()).isEqualTo("standard");
        assertThat(training.augment().text()).isEqualTo("flip,cutout");

        RunSetupForm finder = new RunSetupForm(false);
        finder.fill(recorded, "cnn", "sgd", 16);
        finder.augment().textProperty().set("nonsense");
        RunSetup setup = finder.read(new FormErrors());
        assertThat(setup.data().augment()).isNull();
        assertThat(setup.data().normalize()).isEqualTo(ImageNormalization.STANDARD);
    }
}
