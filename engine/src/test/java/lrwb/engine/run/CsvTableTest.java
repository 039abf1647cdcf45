package lrwb.engine.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableTest {

    @Test
    void writtenRowsReadBackExactly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.csv");
        try (CsvLog log = CsvLog.create(file, "iteration,lr,loss")) {
            log.append(0, 0.1, 1.0 / 3);
            log.append(1, 1e-7, Double.NaN);
        }
        CsvTable t = CsvTable.read(file, "iteration,lr,loss");
        assertThat(t.rows()).hasSize(2);
        assertThat(t.column(2)[0]).isEqualTo(1.0 / 3);
        assertThat(t.column(1)[1]).isEqualTo(1e-7);
        assertThat(t.column(2)[1]).isNaN();
    }

    @Test
    void halfWrittenLastLineIsDroppedAndBadLinesSkipped(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.csv");
        Files.writeString(file, "iteration,lr,loss\n0,0.1,2.5\ngarbage\n1,0.1,2.4\n2,0.1,2.3");
        CsvTable t = CsvTable.read(file, "iteration,lr,loss");
        assertThat(t.column(0)).containsExactly(0, 1);
        assertThat(t.lines()).containsExactly(2, 4);
        assertThat(t.problems()).containsExactly("m.csv line 3 is not 3 numbers (left out)");
    }

    @Test
    void flushesWhileRunningSoAKillLosesAtMostAMoment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("m.csv");
        CsvLog log = CsvLog.create(file, "iteration,lr,loss");
        log.append(0, 0.1, 1.0);
        Thread.sleep(CsvLog.FLUSH_MILLIS + 50);
        log.append(1, 0.1, 0.9); // this append is past the flush interval: both rows reach the file
        assertThat(Files.readAllLines(file)).containsExactly("iteration,lr,loss", "0,0.1,1.0", "1,0.1,0.9");
        log.close();
    }

    @Test
    void wrongHeaderIsAnError(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.csv");
        Files.writeString(file, "a,b\n1,2\n");
        assertThatThrownBy(() -> CsvTable.read(file, "iteration,lr,loss")).hasMessage("m.csv: expected the header iteration,lr,loss");
    }
}
