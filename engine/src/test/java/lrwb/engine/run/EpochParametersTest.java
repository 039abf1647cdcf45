package lrwb.engine.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

/** epoch-params.bin: whole epochs appended, a cut last one dropped, long runs of large networks thinned out. */
class EpochParametersTest {
    @Test
    void recordsReadBackAsWrittenAndACutLastRecordIsDropped(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(RunFiles.EPOCH_PARAMETERS);
        try (EpochParametersLog log = EpochParametersLog.create(file, 3, 10)) {
            log.append(0, 4, new float[] {1, 2, 3});
            log.append(1, 8, new float[] {-1.5f, 0, Float.MIN_VALUE});
            log.append(2, 12, new float[] {7, 8, 9});
        }
        EpochParametersRecord whole = EpochParametersRecord.read(dir);
        assertThat(whole.problems()).isEmpty();
        assertThat(whole.paramCount()).isEqualTo(3);
        assertThat(whole.epochs()).hasSize(3);
        assertThat(whole.epochs().get(1).iteration()).isEqualTo(8);
        assertThat(whole.epochs().get(1).params()).containsExactly(-1.5f, 0, Float.MIN_VALUE);

        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(Files.size(file) - 5); // a kill in the middle of the last write
        }
        EpochParametersRecord cut = EpochParametersRecord.read(dir);
        assertThat(cut.problems()).isEmpty();
        assertThat(cut.epochs()).extracting(EpochParameters::epoch).containsExactly(0, 1);
    }

    @Test
    void noFileIsAnEmptyRecordAndAnotherFileIsAProblem(@TempDir Path dir) throws IOException {
        assertThat(EpochParametersRecord.read(dir).isEmpty()).isTrue();
        assertThat(EpochParametersRecord.read(dir).problems()).isEmpty();
        Files.writeString(dir.resolve(RunFiles.EPOCH_PARAMETERS), "epoch,params\n0,1\n");
        assertThat(EpochParametersRecord.read(dir).problems()).containsExactly("epoch-params.bin: not an epoch parameters file");
    }

    @Test
    void aLongRunOfALargeNetworkRecordsEveryKthEpochAndItsLast(@TempDir Path dir) throws IOException {
        // 4 + 8 + 4 * 100,000 bytes an epoch, 1,000 epochs: 400 MB, six times the 64 MB allowed
        assertThat(EpochParametersLog.stride(100_000, 1000)).isEqualTo(6);
        assertThat(EpochParametersLog.stride(1_000, 1000)).isEqualTo(1);
        try (EpochParametersLog log = EpochParametersLog.create(dir.resolve(RunFiles.EPOCH_PARAMETERS), 100_000, 1000)) {
            float[] params = new float[100_000];
            for (int epoch = 0; epoch < 14; epoch++) {
                log.append(epoch, epoch, params);
            }
            log.append(999, 999, params);
        }
        assertThat(EpochParametersRecord.read(dir).epochs()).extracting(EpochParameters::epoch).containsExactly(5, 11, 999);
    }
}
