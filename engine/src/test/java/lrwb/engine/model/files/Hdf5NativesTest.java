package lrwb.engine.model.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Keras import on a platform without HDF5 natives (macOS arm64) is refused in one line, before DL4J's import runs. */
class Hdf5NativesTest {

    @Test
    void aKerasFileOnAPlatformWithoutHdf5NativesIsRefusedInOneLineSayingWhatToDo() {
        Hdf5Natives appleSilicon = new Hdf5Natives("macosx-arm64", false);

        assertThatThrownBy(() -> KerasFile.read(Fixtures.path("mlp_4_8_3.h5"), appleSilicon))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Keras HDF5 import is not available on macOS arm64: HDF5 has no native build for it;"
                        + " save the model as a DL4J zip on another machine")
                .hasNoCause();
    }

    @Test
    void aPlatformWithoutAFriendlyNameIsNamedAsJavaCppNamesIt() {
        assertThatThrownBy(() -> new Hdf5Natives("linux-riscv64", false).requireForKeras())
                .hasMessageStartingWith("Keras HDF5 import is not available on linux-riscv64:");
    }

    @Test
    void theSameFileImportsWhenTheNativesAreThere() {
        SourceNetwork source = KerasFile.read(Fixtures.path("mlp_4_8_3.h5"), new Hdf5Natives("linux-x86_64", true));

        assertThat(source.network()).isNotNull();
    }

    /** The build puts HDF5's natives on the classpath on every platform that has them (engine/pom.xml, natives-*). */
    @Test
    void thisMachineHasHdf5NativesUnlessItIsAppleSilicon() {
        Hdf5Natives host = Hdf5Natives.host();

        assertThat(host.platform()).isNotBlank();
        assertThat(host.present()).isEqualTo(!host.platform().equals("macosx-arm64"));
    }
}
