package lrwb.engine.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lrwb.engine.run.RunRefusedException;
import lrwb.engine.run.RunStatus;
import lrwb.engine.runtime.EngineContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local runner on real training of tiny data: the files, resume, cancel, and the same numbers at any parallelism. */
class SweepRunnerTest {
    private static final EngineContext ENGINE = EngineContext.create();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** 48 training examples, batch 16: 3 updates an epoch. */
    static final String GRID = "{\"name\": \"tiny\", \"base\": {\"dataset\": \"moons:samples=60\", \"model\": \"mlp:4\", \"batch\": 16,"
            + " \"epochs\": 2, \"schedule\": {\"type\": \"cosine\", \"lr\": 0.1, \"decaySteps\": 6}},"
            + " \"axes\": {\"lr\": [0.05, 0.5], \"optimizer\": [\"sgd\", \"adam\"]}}";
    /**
     * GRID with cells of some 0.1 s: a cancel sent as a cell starts must land while it trains. GRID's cells (6 updates)
     * can finish in the microseconds between the run's start and the cancel.
     */
    static final String LONGER_GRID = GRID.replace("moons:samples=60", "moons:samples=2000")
            .replace("\"epochs\": 2,", "\"epochs\": 30,").replace("\"decaySteps\": 6", "\"decaySteps\": 3000");

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    /** What a listener heard. */
    static class Heard implements SweepListener {
        final List<Integer> started = new CopyOnWriteArrayList<>();
        final List<SweepRow> finished = new CopyOnWriteArrayList<>();
        volatile int total = -1;
        volatile int alreadyDone = -1;
        volatile SweepOutcome ended;

        @Override
        public void onStarted(int total, int alreadyDone) {
            this.total = total;
            this.alreadyDone = alreadyDone;
        }

        @Override
        public void onCellStarted(SweepCell cell) {
            started.add(cell.index());
        }

        @Override
        public void onCellFinished(SweepRow row, int done, int total) {
            finished.add(row);
        }

        @Override
        public void onEnded(SweepOutcome outcome) {
            ended = outcome;
        }
    }

    static SweepOutcome run(SweepGrid grid, Path dir, int parallel, SweepListener listener) throws Exception {
        try (LocalCells cells = new LocalCells(parallel, ENGINE)) {
            return SweepRunner.start(grid, dir, cells, listener).await();
        }
    }

    private static List<SweepRow> rowsByCell(Path dir) {
        SweepRecord record = SweepRecord.read(dir);
        assertThat(record.problems()).isEmpty();
        return record.rows().stream().sorted(Comparator.comparingInt(SweepRow::cell)).map(SweepRow::withoutTiming).toList();
    }

    /**
     * Several at a time, the cells expected to train longest go first (more epochs, then more optimizer state), so
     * that the sweep's last cells are short ones; in index order, a grid alternating sgd and adam gave one of two
     * workers every adam cell.
     */
    @Test
    void severalAtATimeTheLongestCellsGoFirst() {
        SweepGrid grid = SweepGrid.parse(GRID.replace("\"optimizer\": [\"sgd\", \"adam\"]",
                "\"optimizer\": [\"sgd\", \"adam\", \"nesterov\"], \"epochs\": [2, 3]"));
        List<String> order = LocalCells.longestFirst(grid.cells()).stream().map(SweepCell::label).toList();
        assertThat(order).containsExactly(
                "lr=0.05, optimizer=adam, epochs=3", "lr=0.5, optimizer=adam, epochs=3",
                "lr=0.05, optimizer=nesterov, epochs=3", "lr=0.5, optimizer=nesterov, epochs=3",
                "lr=0.05, optimizer=sgd, epochs=3", "lr=0.5, optimizer=sgd, epochs=3",
                "lr=0.05, optimizer=adam, epochs=2", "lr=0.5, optimizer=adam, epochs=2",
                "lr=0.05, optimizer=nesterov, epochs=2", "lr=0.5, optimizer=nesterov, epochs=2",
                "lr=0.05, optimizer=sgd, epochs=2", "lr=0.5, optimizer=sgd, epochs=2");
    }

    @Test
    void aSweepWritesItsGridItsCellsFoldersAndOneRowPerCellAndTheSameNumbersAtAnyParallelism(@TempDir Path tmp) throws Exception {
        SweepGrid grid = SweepGrid.parse(GRID);
        Heard heard = new Heard();
        SweepOutcome one = run(grid, tmp.resolve("one"), 1, heard);
        SweepOutcome two = run(grid, tmp.resolve("two"), 2, SweepListener.NONE);

        assertThat(one).isEqualTo(new SweepOutcome(SweepOutcome.Status.FINISHED, 4, 4, 0, "finished 4 cells"));
        assertThat(two.status()).isEqualTo(SweepOutcome.Status.FINISHED);
        assertThat(heard.total).isEqualTo(4);
        assertThat(heard.alreadyDone).isZero();
        assertThat(heard.started).containsExactly(0, 1, 2, 3); // one at a time: in index order
        assertThat(heard.ended).isEqualTo(one);

        Path dir = tmp.resolve("one");
        assertThat(SweepGrid.read(dir)).isEqualTo(grid);
        assertThat(JSON.readTree(dir.resolve("sweep.json").toFile()).path("grid")).isEqualTo(JSON.readTree(GRID));
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertThat(summary.get(0)).isEqualTo(SweepRow.header());
        assertThat(summary).hasSize(5);
        List<SweepRow> rows = rowsByCell(dir);
        assertThat(rows).extracting(SweepRow::cell).containsExactly(0, 1, 2, 3);
        assertThat(rows).extracting(SweepRow::lr).containsExactly(0.05, 0.05, 0.5, 0.5);
        assertThat(rows).extracting(SweepRow::optimizer).containsExactly("sgd", "adam:beta1=0.9,beta2=0.999,eps=1e-8", "sgd",
                "adam:beta1=0.9,beta2=0.999,eps=1e-8");
        assertThat(rows).extracting(SweepRow::run).containsExactly("cells/0000", "cells/0001", "cells/0002", "cells/0003");
        for (SweepRow row : rows) {
            assertThat(row.status()).isEqualTo("finished");
            assertThat(row.epochsDone()).isEqualTo(2);
            assertThat(row.finalValAccuracy()).isBetween(0.0, 1.0);
            assertThat(row.bestValLoss()).isLessThanOrEqualTo(row.finalValLoss()).isPositive();
            assertThat(row.dataset()).isEqualTo("moons:samples=60");
            assertThat(row.schedule()).contains("\"type\":\"cosine\"");
            Path cell = dir.resolve(row.run());
            for (String file : List.of("run.json", "iterations.csv", "epochs.csv", "events.csv")) {
                assertThat(cell.resolve(file)).exists();
            }
            assertThat(JSON.readTree(cell.resolve("run.json").toFile()).path("status").asText()).isEqualTo("finished");
            assertThat(Files.readAllLines(cell.resolve("iterations.csv"))).hasSize(1 + 6);
        }
        assertThat(dir.resolve("sweep.lock")).doesNotExist();
        // the schedule's peak is the lr axis value: a cosine decays from its first update
        assertThat(Files.readAllLines(dir.resolve("cells/0002/iterations.csv")).get(1).split(",")[2]).isEqualTo("0.5");

        assertThat(rowsByCell(tmp.resolve("two"))).as("parallel 2 gives parallel 1's numbers").isEqualTo(rows);
    }

    @Test
    void aKilledSweepResumesWithoutRerunningFinishedCells(@TempDir Path tmp) throws Exception {
        SweepGrid grid = SweepGrid.parse(GRID);
        Path whole = tmp.resolve("whole");
        run(grid, whole, 2, SweepListener.NONE);
        List<String> wholeLines = Files.readAllLines(whole.resolve("summary.csv"));

        // the state kill -9 leaves: sweep.json, two rows and half a third, two finished cells and one still "running"
        Path killed = tmp.resolve("killed");
        Files.createDirectories(killed.resolve("cells"));
        Files.copy(whole.resolve("sweep.json"), killed.resolve("sweep.json"));
        List<String> kept = new ArrayList<>();
        kept.add(wholeLines.get(0));
        for (String line : wholeLines.subList(1, wholeLines.size())) {
            if (line.startsWith("0,") || line.startsWith("1,")) {
                kept.add(line);
            }
        }
        Files.writeString(killed.resolve("summary.csv"), String.join("\n", kept) + "\n2,0.5,sg");
        for (String cell : List.of("0000", "0001", "0002")) {
            copyTree(whole.resolve("cells").resolve(cell), killed.resolve("cells").resolve(cell));
        }
        Path running = killed.resolve("cells/0002");
        ObjectNode info = (ObjectNode) JSON.readTree(running.resolve("run.json").toFile());
        info.put("status", "running");
        Files.writeString(running.resolve("run.json"), info.toString());
        Files.writeString(running.resolve("iterations.csv"), "iteration,epoch,lr,loss\n0,0,0.5,0.7\n1,0,0.4");
        long finishedCellTime = Files.getLastModifiedTime(killed.resolve("cells/0000/run.json")).toMillis();

        Heard heard = new Heard();
        SweepOutcome outcome = run(grid, killed, 2, heard);

        assertThat(outcome.status()).isEqualTo(SweepOutcome.Status.FINISHED);
        assertThat(heard.alreadyDone).isEqualTo(2);
        assertThat(heard.started).containsExactlyInAnyOrder(2, 3);
        List<String> lines = Files.readAllLines(killed.resolve("summary.csv"));
        assertThat(lines).hasSize(5);
        assertThat(lines.subList(0, 3)).as("the rows before the kill are kept as they were").isEqualTo(kept);
        assertThat(rowsByCell(killed)).isEqualTo(rowsByCell(whole));
        assertThat(JSON.readTree(running.resolve("run.json").toFile()).path("status").asText()).isEqualTo("finished");
        assertThat(Files.readAllLines(running.resolve("iterations.csv"))).hasSize(7);
        assertThat(Files.getLastModifiedTime(killed.resolve("cells/0000/run.json")).toMillis()).isEqualTo(finishedCellTime);

        Heard again = new Heard();
        assertThat(run(grid, killed, 2, again).status()).isEqualTo(SweepOutcome.Status.FINISHED);
        assertThat(again.started).as("a finished sweep started again runs nothing").isEmpty();
        assertThat(Files.readAllLines(killed.resolve("summary.csv"))).hasSize(5);
    }

    @Test
    void aCancelledSweepWritesNoRowForItsCancelledCellsAndAResumeRunsThem(@TempDir Path dir) throws Exception {
        SweepGrid grid = SweepGrid.parse(LONGER_GRID);
        assertThat(LONGER_GRID).isNotEqualTo(GRID).contains("\"epochs\": 30,");
        try (LocalCells cells = new LocalCells(1, ENGINE)) {
            java.util.concurrent.CompletableFuture<SweepHandle> handle = new java.util.concurrent.CompletableFuture<>();
            Heard heard = new Heard() {
                @Override
                public void onCellStarted(SweepCell cell) {
                    super.onCellStarted(cell);
                    handle.join().cancel(); // before the cell's run exists: it is cancelled as soon as it does
                }
            };
            handle.complete(SweepRunner.start(grid, dir, cells, heard));
            SweepOutcome outcome = handle.join().await();
            assertThat(outcome.status()).isEqualTo(SweepOutcome.Status.CANCELLED);
            assertThat(outcome.message()).isEqualTo("cancelled with 0 of 4 cells done: run it again on the same folder to go on");
            assertThat(heard.started).containsExactly(0);
        }
        assertThat(Files.readAllLines(dir.resolve("summary.csv"))).containsExactly(SweepRow.header());
        assertThat(JSON.readTree(dir.resolve("cells/0000/run.json").toFile()).path("status").asText()).isEqualTo("cancelled");

        Heard resumed = new Heard();
        assertThat(run(grid, dir, 2, resumed).status()).isEqualTo(SweepOutcome.Status.FINISHED);
        assertThat(resumed.started).containsExactlyInAnyOrder(0, 1, 2, 3);
        assertThat(rowsByCell(dir)).hasSize(4);
    }

    @Test
    void aFolderHoldingAnotherGridOrSomethingElseIsRefused(@TempDir Path tmp) throws Exception {
        SweepGrid grid = SweepGrid.parse(GRID);
        Path dir = tmp.resolve("s");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("sweep.json"), SweepGrid.parse(GRID.replace("[0.05, 0.5]", "[0.05]")).toText());
        assertThatThrownBy(() -> run(grid, dir, 1, SweepListener.NONE))
                .isInstanceOf(RunRefusedException.class)
                .hasMessage("out " + dir + " holds another sweep (\"tiny\", 2 cells): choose another folder, or give its own grid to resume it");
        assertThat(dir.resolve("summary.csv")).doesNotExist();

        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> run(grid, other, 1, SweepListener.NONE))
                .isInstanceOf(RunRefusedException.class)
                .hasMessage("out " + other + " is not empty and holds no sweep: choose a new or empty folder");
        assertThat(other.resolve("sweep.json")).doesNotExist();

        Path file = tmp.resolve("file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> run(grid, file, 1, SweepListener.NONE)).hasMessage("out " + file + " is a file, not a folder");
    }

    @Test
    void aCellWhoseLossRunsAwayStopsAsDiverged(@TempDir Path dir) throws Exception {
        SweepGrid grid = SweepGrid.parse("{\"base\": {\"dataset\": \"moons:samples=100\", \"model\": \"mlp:8\", \"batch\": 16,"
                + " \"epochs\": 4, \"lr\": 0.1}, \"axes\": {\"lr\": [0.1, 300]}}");
        assertThat(run(grid, dir, 2, SweepListener.NONE).status()).isEqualTo(SweepOutcome.Status.FINISHED);

        List<SweepRow> rows = rowsByCell(dir);
        assertThat(rows.get(0).status()).isEqualTo("finished");
        assertThat(rows.get(0).epochsDone()).isEqualTo(4);
        assertThat(rows.get(1).status()).isEqualTo("diverged");
        assertThat(rows.get(1).epochsDone()).isLessThan(4);
        assertThat(JSON.readTree(dir.resolve("cells/0001/run.json").toFile()).path("status").asText()).isEqualTo("diverged");
    }

    @Test
    void theWatchStopsARunWhoseEpochLossExceedsFourTimesTheFirst() {
        DivergenceWatch watch = new DivergenceWatch().withStepsPerEpoch(2);
        double[] losses = {1.5, 0.5, 3, 4, 5, 4};
        List<String> verdicts = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            verdicts.add(watch.check(new lrwb.engine.train.IterationMetrics(i, i / 2, 0.1, losses[i])));
        }
        assertThat(verdicts.subList(0, 5)).containsOnlyNulls(); // epoch 2's mean 3.5 is under 4 x 1
        assertThat(verdicts.get(5)).isEqualTo("the training loss ran away: 4.5 in epoch 3, more than 4x the first epoch's 1: "
                + "lower the learning rate");
    }

    @Test
    void aRunStoppedAsDivergedEndsWithThatStatusAndMessage(@TempDir Path dir) throws Exception {
        SweepGrid grid = SweepGrid.parse(GRID);
        try (lrwb.engine.run.RunService service = new lrwb.engine.run.RunService(ENGINE)) {
            lrwb.engine.run.RunHandle handle = service.startTraining(grid.cell(0).request(),
                    lrwb.engine.run.RunTarget.folder(dir, false), new lrwb.engine.run.RunListener() {
                        private lrwb.engine.run.RunHandle h;

                        @Override
                        public void onStarted(lrwb.engine.run.RunStart start) {
                            h = start.handle();
                        }

                        @Override
                        public void onIteration(lrwb.engine.train.IterationMetrics m) {
                            if (m.iteration() == 3) {
                                h.stopDiverged("too far");
                            }
                        }
                    });
            lrwb.engine.run.RunOutcome outcome = handle.await();
            assertThat(outcome.status()).isEqualTo(RunStatus.DIVERGED);
            assertThat(outcome.message()).isEqualTo("too far");
        }
        assertThat(Files.readAllLines(dir.resolve("iterations.csv"))).hasSize(1 + 4);
        assertThat(Files.readAllLines(dir.resolve("epochs.csv"))).as("the finished epoch keeps its row").hasSize(1 + 1);
    }

    @Test
    void cellsRunElsewhereAreWrittenInPlaceWithTheLocalRunnersNumbers(@TempDir Path tmp) throws Exception {
        SweepGrid grid = SweepGrid.parse(GRID);
        run(grid, tmp.resolve("local"), 2, SweepListener.NONE);
        SweepOutcome outcome;
        try (RemoteLikeCells remote = new RemoteLikeCells()) {
            outcome = SweepRunner.start(grid, tmp.resolve("remote"), remote, SweepListener.NONE).await();
        }
        assertThat(outcome.status()).isEqualTo(SweepOutcome.Status.FINISHED);
        assertThat(rowsByCell(tmp.resolve("remote"))).isEqualTo(rowsByCell(tmp.resolve("local")));
        Path remoteCell = tmp.resolve("remote/cells/0003");
        assertThat(Files.readString(remoteCell.resolve("iterations.csv")))
                .isEqualTo(Files.readString(tmp.resolve("local/cells/0003/iterations.csv")));
        assertThat(JSON.readTree(remoteCell.resolve("run.json").toFile()).path("status").asText()).isEqualTo("finished");
        assertThat(remoteCell.resolve("epochs.csv")).exists();
        assertThat(remoteCell.resolve("run.lock")).doesNotExist();
    }

    @Test
    void aCellsFilesAreWrittenWholeAndNeverOutsideItsFolder(@TempDir Path tmp) throws Exception {
        Path folder = tmp.resolve("cells/0001");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("iterations.csv"), "half a run");
        SweepRunner.writeCellFolder(folder, java.util.Map.of("run.json", "{}".getBytes(), "sub/x.csv", "a\n".getBytes()));
        try (Stream<Path> files = Files.walk(folder)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/')))
                    .containsExactlyInAnyOrder("run.json", "sub/x.csv");
        }
        assertThat(tmp.resolve("cells/.0001.part")).doesNotExist();
        assertThatThrownBy(() -> SweepRunner.writeCellFolder(folder, java.util.Map.of("../evil", new byte[1])))
                .isInstanceOf(IOException.class).hasMessage("a cell's file ../evil lies outside its folder");
        assertThat(tmp.resolve("cells/evil")).doesNotExist();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
