package lrwb.engine.model.files;

import lrwb.engine.model.NetworkShape;
import lrwb.engine.schedule.SteerableSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every file the workbench cannot use is refused with one line that says what is wrong and what to do. */
class ModelFileRefusalsTest {
    private static final NetworkShape TABULAR = NetworkShape.tabular(4, 3);

    private static String refusal(ModelFileFormat format, Path path, NetworkShape shape) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> ModelFiles.load(format, path, shape, new Adam(SteerableSchedule.constant(0.01)), 1, false));
        assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage()).doesNotContain("\n");
        // describe() refuses the same files (it has no data, so it cannot refuse a shape).
        return thrown.getMessage();
    }

    private static void describeRefuses(ModelFileFormat format, Path path, String message) {
        assertThatThrownBy(() -> ModelFiles.describe(format, path))
                .isExactlyInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void aKeras3ArchiveIsRefusedWithHowToSaveHdf5() {
        Path path = Fixtures.path("keras3_model.keras");
        String expected = path + " is a Keras 3 .keras archive, which is not supported: save the model as HDF5 from"
                + " Keras 2 / tf.keras with model.save(\"m.h5\") and use keras:m.h5";
        assertThat(refusal(ModelFileFormat.KERAS, path, TABULAR)).isEqualTo(expected);
        assertThat(refusal(ModelFileFormat.DL4J, path, TABULAR)).isEqualTo(expected);
        describeRefuses(ModelFileFormat.KERAS, path, expected);
    }

    @Test
    void aFileThatIsNoModelIsRefusedByName() {
        Path path = Fixtures.path("not_a_model.h5");
        String expected = path + " is neither a Keras HDF5 file (.h5) nor a DL4J model zip";
        assertThat(refusal(ModelFileFormat.KERAS, path, TABULAR)).isEqualTo(expected);
        assertThat(refusal(ModelFileFormat.DL4J, path, TABULAR)).isEqualTo(expected);
        describeRefuses(ModelFileFormat.DL4J, path, expected);
    }

    @Test
    void aMissingFileIsRefused(@TempDir Path dir) {
        Path path = dir.resolve("nothing.h5");
        assertThat(refusal(ModelFileFormat.KERAS, path, TABULAR)).isEqualTo("no such file: " + path);
    }

    @Test
    void theWrongPrefixIsNamed() {
        Path h5 = Fixtures.path("mlp_4_8_3.h5");
        assertThat(refusal(ModelFileFormat.DL4J, h5, TABULAR))
                .isEqualTo(h5 + " is a Keras HDF5 file, not a DL4J model zip: use keras:" + h5);
    }

    @Test
    void anUnsupportedLayerIsNamedWithItsIndex() {
        Path path = Fixtures.path("unsupported_layer.h5");
        String expected = path + ": layer 1 ('layer_normalization_1', LayerNormalization) is not supported by the Keras"
                + " import; replace or remove it and save the model again";
        assertThat(refusal(ModelFileFormat.KERAS, path, TABULAR)).isEqualTo(expected);
        describeRefuses(ModelFileFormat.KERAS, path, expected);
    }

    @Test
    void aRegressionHeadIsNoClassifier() {
        assertThat(refusal(ModelFileFormat.KERAS, Fixtures.path("regression_mse.h5"), TABULAR))
                .isEqualTo("the model has no classification output: its loss is mean_squared_error; the workbench trains"
                        + " classifiers: a softmax output with categorical cross-entropy");
    }

    @Test
    void anInputOfAnotherShapeIsRefusedWithBothShapes() {
        assertThat(refusal(ModelFileFormat.KERAS, Fixtures.path("conv_8x8x1.h5"), NetworkShape.image(3, 32, 32, 3)))
                .isEqualTo("the model reads 8×8×1 images, the data has 32×32×3 images");
        assertThat(refusal(ModelFileFormat.KERAS, Fixtures.path("conv_8x8x1.h5"), TABULAR))
                .isEqualTo("the model reads 8×8×1 images, the data has 4 features");
        assertThat(refusal(ModelFileFormat.KERAS, Fixtures.path("mlp_4_8_3.h5"), NetworkShape.image(1, 28, 28, 3)))
                .isEqualTo("the model reads 4 features, the data has 28×28×1 images");
    }

    @Test
    void damagedFilesAreRefused(@TempDir Path dir) throws IOException {
        byte[] h5 = Files.readAllBytes(Fixtures.path("mlp_4_8_3.h5"));
        Path cut = dir.resolve("cut.h5");
        Files.write(cut, java.util.Arrays.copyOf(h5, 600));
        assertThat(refusal(ModelFileFormat.KERAS, cut, TABULAR)).startsWith(cut + " is a damaged HDF5 file (");

        Path zip = dir.resolve("cut.zip");
        Files.write(zip, new byte[] {'P', 'K', 3, 4, 1, 2, 3});
        assertThat(refusal(ModelFileFormat.DL4J, zip, TABULAR)).startsWith(zip + " is a damaged zip file (");
    }
}
