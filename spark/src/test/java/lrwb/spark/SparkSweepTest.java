package lrwb.spark;

import lrwb.engine.run.RunFiles;
import lrwb.engine.run.RunRecord;
import lrwb.engine.run.TrainingRecord;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.sweep.CellBackend;
import lrwb.engine.sweep.LocalCells;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The same grid on embedded Spark (local[2]) and on the local runner: same summary, same run files. One
 * SparkContext for the class (Spark allows one per JVM; starting one takes seconds).
 */
class SparkSweepTest {
    /** 2 LRs x 2 optimizers of a small moons set, one epoch each: 4 cells, two at a time. */
    private static final String GRID = "{\"name\": \"spark vs local\","
            + " \"base\": {\"dataset\": \"moons:samples=240\", \"model\": \"mlp:8\", \"batch\": 16, \"epochs\": 1, \"seed\": 7,"
            + " \"schedule\": {\"type\": \"cosine\", \"lr\": 0.1, \"decaySteps\": 12}},"
            + " \"axes\": {\"lr\": [0.03, 0.3], \"optimizer\": [\"sgd\", \"adam\"]}}";

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
    void sparkWritesTheSameSweepAsTheLocalRunnerAndRowsAsCellsFinish(@TempDir Path tmp) throws Exception {
        SweepGrid grid = SweepGrid.parse(GRID);
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
        // the executors' temporary copies are gone
        try (Stream<Path> left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("lrwb-cell-"))).isEmpty();
        }
    }

    @Test
    void aBadMasterIsOneLineBeforeSparkStarts() {
        SparkCellsProvider provider = new SparkCellsProvider();
        assertThat(provider.accepts("local[2]")).isTrue();
        assertThat(provider.accepts("spark://node1:7077")).isTrue();
        assertThatThrownBy(() -> provider.create("local[x]", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--master: 'local[x]' is not a Spark master: use local, local[N], local[*], spark://HOST:PORT,"
                        + " yarn or k8s://HOST:PORT");
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
