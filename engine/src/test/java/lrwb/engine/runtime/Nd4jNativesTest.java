package lrwb.engine.runtime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where ND4J has no native build, networks are refused in one line before ND4J fails deep inside (issue #19). */
class Nd4jNativesTest {

    @Test
    void aPlatformWithoutNd4jNativesIsRefusedInOneLineSayingWhatStillWorks() {
        assertThatThrownBy(() -> new Nd4jNatives("linux-ppc64le", false).require())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("networks cannot run on linux-ppc64le: ND4J has no native build for it on the class path (its"
                        + " builds cover Linux x86_64 and arm64, macOS x86_64 and arm64, Windows x86_64); schedules and"
                        + " code export still work")
                .hasNoCause();
    }

    @Test
    void aKnownPlatformIsNamedAsPeopleNameIt() {
        assertThatThrownBy(() -> new Nd4jNatives("windows-x86_64", false).require())
                .hasMessageStartingWith("networks cannot run on Windows x86_64:");
    }

    /** The build puts this platform's ND4J natives on the class path (engine/pom.xml, natives-*): the oneDNN build here. */
    @Test
    void thisMachineHasNd4jNatives() {
        Nd4jNatives host = Nd4jNatives.host();

        assertThat(host.present()).isTrue();
        assertThatCode(host::require).doesNotThrowAnyException();
        assertThat(Nd4jNatives.hasBuild(host.platform(), "-no-such-build")).isFalse();
    }
}
