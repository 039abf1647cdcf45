package lrwb.app.model;

import lrwb.engine.data.DataCache;
import lrwb.app.form.RunSetupForm;
import lrwb.app.stream.CurrentThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The picker's note says what a chosen network file holds, or why it cannot be used. */
class ModelPickerTest {
    /** A Keras fixture of the engine's tests: Sequential 4-8-3 with a softmax output. */
    private static final Path KERAS = Path.of("../engine/src/test/resources/models/mlp_4_8_3.h5").toAbsolutePath().normalize();

    @Test
    void aKerasFileIsDescribed(@TempDir Path runs) {
        ModelPicker picker = new ModelPicker(new RunSetupForm(), runs, new CurrentThreadTaskExecutor(), new DataCache(0));
        picker.useFile(KERAS);
        assertThat(picker.noteProperty().get())
                .startsWith("Sequential (MultiLayerNetwork): ")
                .contains("→ 3 outputs, 67 parameters in 2 layers")
                .endsWith(ModelPicker.FILE_NOTE);
    }

    @Test
    void aFileThatIsNoModelSaysWhy(@TempDir Path runs) {
        ModelPicker picker = new ModelPicker(new RunSetupForm(), runs, new CurrentThreadTaskExecutor(), new DataCache(0));
        picker.model().textProperty().set("keras:" + runs.resolve("missing.h5"));
        assertThat(picker.noteProperty().get()).contains("missing.h5").contains("no such file");
    }

    @Test
    void layersHaveNoNote(@TempDir Path runs) {
        ModelPicker picker = new ModelPicker(new RunSetupForm(), runs, new CurrentThreadTaskExecutor(), new DataCache(0));
        picker.useFile(KERAS);
        picker.model().textProperty().set("mlp:16");
        assertThat(picker.noteProperty().get()).isEmpty();
    }
}
