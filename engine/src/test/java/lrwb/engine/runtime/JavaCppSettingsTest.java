package lrwb.engine.runtime;

import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JavaCPP reads {@code org.bytedeco.javacpp.maxPhysicalBytes} once, when its classes load; left unset it reads
 * {@code /proc/self/statm} on every native allocation, which made every update of a small network 2-4x slower (ND4J's
 * plain matrix-product loop too: iris 61 → 157 µs). {@link NativeSettings#apply} must set it before anything of ours
 * loads JavaCPP — the platform check ({@link Nd4jNatives}) once did, first. Checked in a fresh JVM, where nothing
 * else loaded JavaCPP before. The same holds for ND4J's shape provider ({@link CachedShapeInfoProvider}).
 */
class JavaCppSettingsTest {

    /** The child JVM: the engine's first step, then what JavaCPP read. */
    public static void main(String[] args) {
        NativeSettings.apply();
        System.out.println("maxPhysicalBytes=" + Pointer.maxPhysicalBytes());
        System.out.println("shapeInfoProvider=" + Nd4j.getShapeInfoProvider().getClass().getSimpleName());
        INDArray a = Nd4j.create(DataType.FLOAT, 3, 4);
        INDArray b = Nd4j.createUninitialized(DataType.FLOAT, 3, 4);
        System.out.println("sharedShape=" + (a.shapeInfoDataBuffer() == b.shapeInfoDataBuffer()));
    }

    @Test
    void applyTurnsJavaCppsPerAllocationMemoryCheckOff() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                JavaCppSettingsTest.class.getName())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(out.lines().filter(l -> l.startsWith("maxPhysicalBytes=")).toList()).containsExactly("maxPhysicalBytes=0");
        // ND4J reads its shape provider from the system properties once, when it starts: ours must be set before
        assertThat(out.lines().filter(l -> l.startsWith("shapeInfoProvider=") || l.startsWith("sharedShape=")).toList())
                .containsExactly("shapeInfoProvider=CachedShapeInfoProvider", "sharedShape=true");
    }
}
