package lrwb.engine.runtime;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.CrashReportingUtil;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The path DL4J takes after an {@link OutOfMemoryError} in {@code fit} (MultiLayerNetwork and ComputationGraph call
 * {@link CrashReportingUtil#writeMemoryCrashDump}) works without OSHI, which engine/pom.xml leaves out: the engine turns
 * the dump off, so the error reaches the engine as it is (the CLI's one line), no {@link NoClassDefFoundError}
 * replaces it and no dump file lands in the working directory.
 */
class CrashDumpTest {

    @Test
    void oshiIsNotOnTheClasspath() {
        assertThat(getClass().getResource("/oshi/SystemInfo.class")).isNull();
        assertThat(getClass().getResource("/com/sun/jna/Native.class")).isNull();
    }

    @Test
    void afterAnOutOfMemoryErrorDl4jWritesNoDumpAndNeedsNoOshi() throws Exception {
        NativeSettings.apply();
        MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(2).nOut(2).build()).build());
        net.init();
        Path workingDirectory = Path.of(System.getProperty("user.dir"));
        assertThatCode(() -> CrashReportingUtil.writeMemoryCrashDump(net, new OutOfMemoryError("test")))
                .doesNotThrowAnyException();
        try (Stream<Path> files = Files.list(workingDirectory)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("dl4j-memory-crash-dump"));
        }
    }
}
