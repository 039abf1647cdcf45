package lrwb.app.form;

import lrwb.engine.data.DataOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What each open button writes into the dataset field, and that the engine takes it. */
class DataFileKindTest {
    @Test
    void aChosenPathBecomesTheEnginesSourceText() {
        Path folder = Path.of("/data/cifar-10-batches-bin");
        assertThat(DataFileKind.CSV.source(Path.of("/data/t.csv"))).isEqualTo("csv:/data/t.csv");
        assertThat(DataFileKind.IDX.source(Path.of("/data/mnist"))).isEqualTo("idx:/data/mnist");
        assertThat(DataFileKind.CIFAR.source(folder)).isEqualTo("cifar:/data/cifar-10-batches-bin");
        assertThat(DataFileKind.IMAGES.source(Path.of("/data/pets"))).isEqualTo("images:/data/pets");
        assertThat(DataFileKind.all()).filteredOn(DataFileKind::folder)
                .containsExactly(DataFileKind.IDX, DataFileKind.CIFAR, DataFileKind.IMAGES);
        for (DataFileKind kind : DataFileKind.all()) {
            assertThat(DataOptions.of(kind.source(folder)).source()).startsWith(kind.source(folder));
        }
    }

    @Test
    void shapesIsOfferedWithTheBuiltInSets() {
        assertThat(RunSetupForm.builtInDatasets()).contains("shapes", "iris", "moons");
        // then whatever MNIST-format folders this computer has (Debian's dataset-fashion-mnist, DL4J's, Keras')
        assertThat(RunSetupForm.datasetChoices()).startsWith(RunSetupForm.builtInDatasets().toArray(String[]::new))
                .allMatch(s -> RunSetupForm.builtInDatasets().contains(s) || s.startsWith("idx:"));
        assertThat(DataFileKind.FIELD_HINT).contains("shapes", "cifar:DIR", "images:DIR");
    }
}
