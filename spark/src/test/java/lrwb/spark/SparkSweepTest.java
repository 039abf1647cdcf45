package lrwb.spark;

import lrwb.engine.cli.Lrwb;
import lrwb.engine.run.RunFiles;
import lrwb.engine.run.RunRecord;
import lrwb.engine.run.TrainingRecord;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.sweep.CellBackend;
import lrwb.engine.sweep.LocalCells;
import lrwb.engine.sweep.SweepCell;
import lrwb.engine.sweep.SweepGrid;
import lrwb.engine.sweep.SweepHandle;
import lrwb.engine.sweep.SweepListener;
import lrwb.engine.sweep.SweepOutcome;
import lrwb.engine.sweep.SweepRecord;
import lrwb.engine.sweep.SweepRow;
import lrwb.engine.sweep.SweepRunner;
import lrwb.engine.train.EpochMetrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same grid on embedded Spark (local[2]) and on the local runner: same summary, same run files. One
 * SparkContext for the class (Spark allows one per JVM; starting one takes seconds).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SparkSweepTest {
    /** 2 LRs x 2 optimizers of a small moons set, one epoch each: 4 cells, two at a time. */
    private static final String GRID = "{\"name\": \"spark vs local\","
            + " \"base\": {\"dataset\": \"moons:samples=240\", \"model\": \"mlp:8\", \"batch\": 16, \"epochs\": 1, \"seed\": 7,"
            + " \"schedule\": {\"type\": \"cosine\", \"lr\": 0.1, \"decaySteps\": 12}},"
            + " \"axes\": {\"lr\": [0.03, 0.3], \"optimizer\": [\"sgd\", \"adam\"]}}";

    /**
     * GRID with cells long enough (~0.3 s each here) that a cell's run outlasts Spark's return of a finished cell's
     * row and files to the driver (tens of milliseconds): with cells of a few milliseconds the last one ends before
     * the first row can be written, rows streamed or not.
     */
    private static final String LONGER_GRID = GRID.replace("moons:samples=240", "moons:samples=2000")
            .replace("\"epochs\": 1,", "\"epochs\": 100,").replace("\"decaySteps\": 12", "\"decaySteps\": 10000");

    private static CellBackend spark;

    @BeforeAll
    static void startSpark() {
        spark = new SparkCellsProvider().create("local[2]", 2);
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.close();
        }
    }

    @Test
    @Order(1)
    void sparkWritesTheSameSweepAsTheLocalRunnerAndRowsAsCellsFinish(@TempDir Path tmp) throws Exception {
        SweepGrid grid = SweepGrid.parse(LONGER_GRID);
        assertThat(LONGER_GRID).isNotEqualTo(GRID).contains("\"epochs\": 100,");
        Path local = tmp.resolve("local");
        Path onSpark = tmp.resolve("spark");
        try (EngineContext context = EngineContext.create(); LocalCells cells = new LocalCells(2, context)) {
            assertThat(run(grid, local, cells, new ArrayList<>()).status()).isEqualTo(SweepOutcome.Status.FINISHED);
        }
        List<Long> rowsWrittenAt = Collections.synchronizedList(new ArrayList<>());
        SweepOutcome outcome = run(grid, onSpark, spark, rowsWrittenAt);
        assertThat(outcome.status()).isEqualTo(SweepOutcome.Status.FINISHED);
        assertThat(outcome.done()).isEqualTo(4);

        SweepRecord a = SweepRecord.read(local);
        SweepRecord b = SweepRecord.read(onSpark);
        assertThat(a.problems()).isEmpty();
        assertThat(b.problems()).isEmpty();
        assertThat(timeless(b.rows())).hasSize(4).isEqualTo(timeless(a.rows()));
        assertThat(b.rows()).allSatisfy(r -> assertThat(r.status()).isEqualTo("finished"));
        for (SweepRow row : a.rows()) {
            sameRunFiles(SweepRecord.runFolder(local, row), SweepRecord.runFolder(onSpark, row));
        }

        // Rows are written as cells finish: the first row was in summary.csv before the last cell's run had ended
        // (4 cells on 2 task slots: the last starts only when an earlier one is done).
        Instant lastRunEnded = b.rows().stream().map(r -> RunRecord.read(SweepRecord.runFolder(onSpark, r)).info().endedAt())
                .max(Comparator.naturalOrder()).orElseThrow();
        assertThat(rowsWrittenAt).hasSize(4);
        assertThat(Instant.ofEpochMilli(Collections.min(rowsWrittenAt))).isBefore(lastRunEnded);
        assertThat(cellTempFolders()).as("the executors' temporary copies are removed").isEmpty();
    }

    @Test
    @Order(2)
    void aBadMasterIsOneLineOnTheCommandLineAndNothingIsWritten(@TempDir Path tmp) {
        assertThat(new SparkCellsProvider().accepts("spark://node1:7077")).isTrue();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Path dir = tmp.resolve("never");
        int code = Lrwb.run(new String[]{"sweep", "--grid", GRID, "--out", dir.toString(), "--master", "local[x]"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(Lrwb.EXIT_BAD_INPUT);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("lrwb sweep: --master local[x]: not a Spark master: use local,"
                + " local[N], local[*], spark://HOST:PORT, yarn or k8s://HOST:PORT" + System.lineSeparator());
        assertThat(dir).doesNotExist();
    }

    /** Last: a cancelled backend starts no more cells. */
    @Test
    @Order(3)
    void cancellingStopsTheRunningCellsOnTheExecutors(@TempDir Path tmp) throws Exception {
        // the same 4 cells, 40,000 epochs each (480,000 small updates): minutes if the cancel did not reach the runs,
        // and no cell can finish (and write its row) before the cancel does reach them
        SweepGrid grid = SweepGrid.parse(GRID.replace("\"epochs\": 1", "\"epochs\": 40000"));
        CountDownLatch started = new CountDownLatch(1);
        SweepHandle handle = SweepRunner.start(grid, tmp.resolve("cancelled"), spark, new SweepListener() {
            @Override
            public void onCellStarted(SweepCell cell) {
                started.countDown();
            }
        });
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        handle.cancel();
        SweepOutcome outcome = handle.await();
        assertThat(outcome.status()).isEqualTo(SweepOutcome.Status.CANCELLED);
        assertThat(SweepRecord.read(tmp.resolve("cancelled")).rows()).isEmpty();
        // the killed tasks' runs end as cancelled and remove their temporary folders, long before 40,000 epochs
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!cellTempFolders().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(cellTempFolders()).isEmpty();
    }

    private static List<Path> cellTempFolders() throws IOException {
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return left.filter(p -> p.getFileName().toString().startsWith("lrwb-cell-")).toList();
        }
    }

    private static SweepOutcome run(SweepGrid grid, Path dir, CellBackend backend, List<Long> rowsWrittenAt) throws Exception {
        SweepHandle handle = SweepRunner.start(grid, dir, backend, new SweepListener() {
            @Override
            public void onCellFinished(SweepRow row, int done, int total) {
                rowsWrittenAt.add(System.currentTimeMillis());
            }
        });
        return handle.await();
    }

    private static List<SweepRow> timeless(List<SweepRow> rows) {
        return rows.stream().map(SweepRow::withoutTiming).sorted(Comparator.comparingInt(SweepRow::cell)).toList();
    }

    /** Same files; run.json's configuration equal; metrics equal but for the epochs' seconds. */
    private static void sameRunFiles(Path local, Path spark) throws IOException {
        assertThat(names(spark)).isEqualTo(names(local)).contains(RunFiles.RUN_JSON, RunFiles.ITERATIONS, RunFiles.EPOCHS,
                RunFiles.EVENTS, RunFiles.MODEL);
        assertThat(RunRecord.read(spark).info().config()).isEqualTo(RunRecord.read(local).info().config());
        assertThat(Files.readString(spark.resolve(RunFiles.ITERATIONS))).isEqualTo(Files.readString(local.resolve(RunFiles.ITERATIONS)));
        assertThat(Files.readString(spark.resolve(RunFiles.EVENTS))).isEqualTo(Files.readString(local.resolve(RunFiles.EVENTS)));
        List<EpochMetrics> a = TrainingRecord.read(local).epochs();
        List<EpochMetrics> b = TrainingRecord.read(spark).epochs();
        assertThat(b).hasSameSizeAs(a).isNotEmpty();
        for (int i = 0; i < a.size(); i++) {
            assertThat(withoutSeconds(b.get(i))).isEqualTo(withoutSeconds(a.get(i)));
        }
    }

    private static EpochMetrics withoutSeconds(EpochMetrics m) {
        return new EpochMetrics(m.epoch(), m.lr(), m.trainLoss(), m.trainAccuracy(), m.valLoss(), m.valAccuracy(), 0);
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
