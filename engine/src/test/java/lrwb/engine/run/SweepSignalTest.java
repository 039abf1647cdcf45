package lrwb.engine.run;

import lrwb.engine.runtime.EngineContext;
import lrwb.engine.sweep.LocalCells;
import lrwb.engine.sweep.SweepCell;
import lrwb.engine.sweep.SweepGrid;
import lrwb.engine.sweep.SweepListener;
import lrwb.engine.sweep.SweepOutcome;
import lrwb.engine.sweep.SweepRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static lrwb.engine.run.ChildLrwb.lines;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code lrwb sweep} in a process of its own: kill -9 then resume without rerunning finished cells; SIGTERM exits 130. */
class SweepSignalTest {
    /**
     * 6 cells of 12,000 small updates each (0.2–0.5 s here): long enough to be stopped half way whenever the test acts,
     * which a few hundred updates (milliseconds) were not.
     */
    private static final String GRID = "{\"base\": {\"dataset\": \"moons:samples=400\", \"model\": \"mlp:8\", \"batch\": 8, \"epochs\": 300,"
            + " \"lr\": 0.1}, \"axes\": {\"lr\": [0.01, 0.1, 0.3], \"seed\": [1, 2]}}";

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aSweepKilledWithSigkillResumesWhereItStopped(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep");
        Path summary = out.resolve("summary.csv");
        try (ChildLrwb child = ChildLrwb.start(dir, "sweep", "sweep", "--grid", GRID, "--out", out.toString(), "--parallel", "1")) {
            child.awaitUntil("two finished cells in summary.csv", 60, () -> lines(summary) >= 3);
            child.kill9();
        }
        List<String> before = Files.readAllLines(summary);
        int finished = before.size() - 1;
        assertThat(finished).isBetween(2, 5);
        List<Integer> finishedCells = before.subList(1, before.size()).stream().map(l -> Integer.parseInt(l.split(",")[0])).toList();

        List<Integer> started = new CopyOnWriteArrayList<>();
        SweepOutcome outcome;
        try (EngineContext engine = EngineContext.create(); LocalCells cells = new LocalCells(2, engine)) {
            outcome = SweepRunner.start(SweepGrid.parse(GRID), out, cells, new SweepListener() {
                @Override
                public void onCellStarted(SweepCell cell) {
                    started.add(cell.index());
                }
            }).await();
        }
        assertThat(outcome.status()).isEqualTo(SweepOutcome.Status.FINISHED);
        assertThat(started).hasSize(6 - finished).doesNotContainAnyElementsOf(finishedCells);
        List<String> after = Files.readAllLines(summary);
        assertThat(after).hasSize(7);
        assertThat(after.subList(0, before.size())).isEqualTo(before);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sigtermStopsTheRunningCellsAndExits130(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sweep");
        try (ChildLrwb child = ChildLrwb.start(dir, "sweep", "sweep", "--grid", GRID, "--out", out.toString(), "--parallel", "2")) {
            child.awaitUntil("a cell under way", 60, () -> lines(out.resolve("cells/0000/iterations.csv")) > 20);
            child.signal("TERM");
            int code = child.awaitExit(30);
            assertThat(code).as("stderr: %s", child.stderr()).isEqualTo(130);
            assertThat(child.stderr().lines().toList()).singleElement().asString()
                    .matches("lrwb sweep: cancelled with \\d of 6 cells done: run it again on the same folder to go on");
            assertThat(child.stdout()).isEmpty();
        }
        assertThat(RunInfo.read(out.resolve("cells/0000")).status()).isIn(RunStatus.CANCELLED, RunStatus.FINISHED);
        assertThat(out.resolve("sweep.lock")).doesNotExist();
        assertThat(Files.readString(out.resolve("summary.csv"))).endsWith("\n");
    }
}
