package lrwb.engine.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

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

    /** Numbers are written as the shortest text that reads back as the same value (Java 17 writes 2e23 with 17 digits). */
    @Test
    void numbersAreWrittenShortestAndReadBackExactly(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.csv");
        Random random = new Random(3);
        double[] values = new double[2000];
        try (CsvLog log = CsvLog.create(file, "iteration,lr,loss")) {
            log.append(0, 2e23, Double.POSITIVE_INFINITY);
            log.append(1, 0.05f, -0.0);
            for (int i = 0; i < values.length; i++) {
                values[i] = i % 2 == 0 ? random.nextDouble() * 3 : Double.longBitsToDouble(random.nextLong());
                log.append(i + 2, 1e-4, Double.isNaN(values[i]) ? 0.0 : values[i]);
            }
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.subList(1, 3)).containsExactly("0,2.0E23,Infinity", "1,0.05,-0.0");
        CsvTable t = CsvTable.read(file, "iteration,lr,loss");
        for (int i = 0; i < values.length; i++) {
            double expected = Double.isNaN(values[i]) ? 0.0 : values[i];
            assertThat(t.column(2)[i + 2]).as(lines.get(i + 3)).isEqualTo(expected);
        }
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
