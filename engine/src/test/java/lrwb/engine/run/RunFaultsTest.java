package lrwb.engine.run;

import lrwb.engine.runtime.EngineContext;
import lrwb.engine.data.DataOptions;
import lrwb.engine.data.HeaderMode;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.IterationMetrics;
import lrwb.engine.train.TrainingRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static lrwb.engine.run.ChildLrwb.lines;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN.md "Files on disk": a run killed at any moment — validating included — loses at most the last ~0.3 s of
 * rows, and reads back as interrupted, complete up to then.
 */
class RunFaultsTest {
    /** A small training part (short epochs) and a large validation part, on a wide network: validation takes seconds. */
    private static final String SLOW_VALIDATION = "moons:samples=120000";
    /** In the test's own JVM (warm): twice the validation set for the same figure. */
    private static final String SLOWER_VALIDATION = "moons:samples=240000";
    /** 512 wide: with its products on oneDNN's matmul a 256-wide network validated 240,000 rows in 0.4 s. */
    private static final String WIDE = "mlp:512,512";

    /**
     * Every iteration row is on disk at most ~0.25 s after the job produced it, also the rows of an epoch whose
     * validation then holds the job's thread for a second or more (nothing appends meanwhile; the flusher writes).
     */
    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void rowsReachTheDiskWithinAQuarterSecondAlsoWhileTheJobValidates(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        TrainingRequest request = new TrainingRequest(new DataOptions(SLOWER_VALIDATION, null, HeaderMode.AUTO, 0.99, null, 7),
                ModelSpec.parse(WIDE), OptimizerSpec.parse("sgd"), new ConstantSchedule(0.05), 2, 32, 7, null);
        List<Long> produced = new ArrayList<>(); // wall-clock nanos of each row, by iteration
        List<Long> epochEnds = new ArrayList<>();
        // wall-clock nanos by which each row was on disk: the file's mtime when the row was first seen (the write
        // time of the newest rows, later than the write of older ones seen at once: an upper bound, so a watcher
        // that is scheduled late does not count as a late flush)
        List<Long> seen = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        Thread watcher = new Thread(() -> {
            try {
                Path file = out.resolve(RunFiles.ITERATIONS);
                while (!done.get()) {
                    int rows = Math.max(0, lines(file) - 1);
                    if (rows > seen.size()) {
                        long written = nanos(Files.getLastModifiedTime(file).toInstant());
                        synchronized (seen) {
                            while (seen.size() < rows) {
                                seen.add(written);
                            }
                        }
                    }
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "rows-watcher");
        RunOutcome outcome;
        long gcBefore = gcMillis();
        try (EngineContext engine = EngineContext.create(); RunService runs = new RunService(engine)) {
            RunHandle handle = runs.startTraining(request, RunTarget.folder(out, false), new RunListener() {
                @Override
                public void onIteration(IterationMetrics m) {
                    synchronized (produced) {
                        produced.add(nanos(Instant.now()));
                    }
                }

                @Override
                public void onEpoch(EpochMetrics m) {
                    synchronized (produced) {
                        epochEnds.add(nanos(Instant.now()));
                    }
                }
            });
            watcher.start();
            outcome = handle.await();
        } finally {
            done.set(true);
            watcher.join(5000);
        }
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(RunStatus.FINISHED);
        int steps = RunInfo.read(out).config().path("stepsPerEpoch").asInt();
        assertThat(produced).hasSize(2 * steps);
        long lastRow = produced.get(produced.size() - 1);
        double validationSeconds = (epochEnds.get(epochEnds.size() - 1) - lastRow) / 1e9;
        assertThat(validationSeconds).as("the last epoch's validation on the job's thread takes long enough to matter")
                .isGreaterThan(0.5);
        double worst = 0;
        int worstRow = -1;
        double worstLastEpoch = 0;
        synchronized (seen) {
            assertThat(seen).as("rows seen on disk before the run ended").hasSize(produced.size());
            for (int i = 0; i < produced.size(); i++) {
                double lag = (seen.get(i) - produced.get(i)) / 1e9;
                if (lag > worst) {
                    worst = lag;
                    worstRow = i;
                }
                if (i >= steps) {
                    worstLastEpoch = Math.max(worstLastEpoch, lag);
                }
            }
            // the last row was on disk well before the validation (and so the run) ended
            assertThat((seen.get(seen.size() - 1) - lastRow) / 1e9).isLessThan(0.3);
        }
        System.out.printf("row lag: worst %.3f s (row %d of %d), last epoch %.3f s; last validation %.2f s; GC %d ms%n",
                worst, worstRow, produced.size(), worstLastEpoch, validationSeconds, gcMillis() - gcBefore);
        assertThat(worst).as("worst row lag, s").isLessThan(0.3);
    }

    /** kill -9 while the job's thread validates the last epoch: every iteration row is already on disk. */
    @Test
    @Timeout(value = 40, unit = TimeUnit.SECONDS)
    void aKillDuringValidationKeepsEveryRowOfTheEpoch(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        long allRowsSeen;
        long killed;
        int steps;
        try (ChildLrwb child = ChildLrwb.start(dir, "validating", train(out, 2))) {
            child.awaitUntil("training started", 25, () -> RunInfo.read(out).config().has("stepsPerEpoch"));
            steps = RunInfo.read(out).config().path("stepsPerEpoch").asInt();
            int all = 2 * steps + 1;
            child.awaitUntil("every row on disk", 25, () -> lines(out.resolve(RunFiles.ITERATIONS)) == all);
            allRowsSeen = System.nanoTime();
            assertThat(lines(out.resolve(RunFiles.EPOCHS))).as("still validating the last epoch").isLessThan(3);
            child.kill9();
            killed = System.nanoTime();
        }
        assertThat(lines(out.resolve(RunFiles.EPOCHS))).as("killed before the last epoch's row").isLessThan(3);
        TrainingRecord record = assertInterrupted(out);
        assertThat(record.iterations().size()).isEqualTo(2 * steps);
        System.out.printf("killed %.3f s after the last row was seen on disk%n", (killed - allRowsSeen) / 1e9);
    }

    /** kill -9 at random moments (seeded): each run reads back interrupted, complete up to its kill. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void killsAtRandomMomentsLeaveInterruptedCompleteRecords(@TempDir Path dir) throws Exception {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Random random = new Random(20261204);
        int kills = 3;
        // side by side, each killed at its own moment: the delays count from its record's start
        List<ChildLrwb> children = new ArrayList<>();
        long[] delays = new long[kills];
        long[] killAt = new long[kills];
        try {
            for (int k = 0; k < kills; k++) {
                delays[k] = random.nextInt(3000);
                children.add(ChildLrwb.start(dir, "kill-" + k, train(runs.resolve("kill-" + k), 1000))); // never done before its kill
            }
            int left = kills;
            while (left > 0) {
                for (int k = 0; k < kills; k++) {
                    ChildLrwb child = children.get(k);
                    Path out = runs.resolve("kill-" + k);
                    if (killAt[k] == 0 && lines(out.resolve(RunFiles.ITERATIONS)) >= 1) {
                        killAt[k] = System.nanoTime() + delays[k] * 1_000_000;
                    }
                    if (killAt[k] > 0 && killAt[k] != Long.MAX_VALUE && System.nanoTime() >= killAt[k]) {
                        assertThat(child.isAlive()).as("run %d still running when killed; stderr: %s", k, child.stderr()).isTrue();
                        child.kill9();
                        killAt[k] = Long.MAX_VALUE;
                        left--;
                    }
                    assertThat(child.isAlive() || killAt[k] == Long.MAX_VALUE).as("run %d ended early: %s", k, child.stderr()).isTrue();
                }
                Thread.sleep(5);
            }
        } finally {
            for (ChildLrwb child : children) {
                child.close();
            }
        }
        for (int k = 0; k < kills; k++) {
            TrainingRecord record = assertInterrupted(runs.resolve("kill-" + k));
            System.out.printf("kill %d after %d ms: %d iteration rows, %d epochs%n", k, delays[k], record.iterations().size(),
                    record.epochs().size());
        }
        RunCatalog.Listing listing = new RunCatalog(runs).list();
        assertThat(listing.skipped()).isEmpty();
        assertThat(listing.runs()).hasSize(kills).allSatisfy(e -> {
            assertThat(e.record().status()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(e.record().problems()).isEmpty();
        });
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static long gcMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static String[] train(Path out, int epochs) {
        return new String[] {"train", "--dataset", SLOW_VALIDATION, "--val-split", "0.99", "--model", WIDE, "--lr", "0.05",
                "--epochs", String.valueOf(epochs), "--seed", "7", "--out", out.toString()};
    }

    /** The folder of a killed run reads back interrupted, its end its last write, its rows sound and consecutive. */
    private static TrainingRecord assertInterrupted(Path out) throws Exception {
        TrainingRecord record = TrainingRecord.read(out);
        RunRecord run = record.run();
        assertThat(run.problems()).isEmpty();
        assertThat(run.status()).isEqualTo(RunStatus.INTERRUPTED);
        Instant lastWrite;
        try (Stream<Path> files = Files.list(out)) {
            lastWrite = files.map(f -> {
                try {
                    return Files.getLastModifiedTime(f).toInstant();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }).max(Instant::compareTo).orElseThrow();
        }
        assertThat(run.info().endedAt()).as("ended at its last write").isEqualTo(lastWrite);
        Duration duration = run.duration();
        assertThat(duration).isEqualTo(Duration.between(run.info().startedAt(), lastWrite));
        assertThat(RunRecord.read(out).duration()).as("read again: it stopped growing").isEqualTo(duration);
        IterationTable it = record.iterations();
        int steps = RunInfo.read(out).config().path("stepsPerEpoch").asInt(-1);
        for (int i = 0; i < it.size(); i++) {
            assertThat(it.iteration()[i]).as("iteration row %d", i).isEqualTo(i);
            if (steps > 0) {
                assertThat(it.epoch()[i]).isEqualTo(i / steps);
            }
        }
        for (int e = 0; e < record.epochs().size(); e++) {
            assertThat(record.epochs().get(e).epoch()).isEqualTo(e);
        }
        if (steps > 0) {
            assertThat(it.size()).as("an epoch row on disk has its iterations there").isGreaterThanOrEqualTo(record.epochs().size() * steps);
        }
        // stops growing even when something touches the folder later: the lock file left behind is not a write
        FileTime lockTime = Files.exists(out.resolve(RunFiles.LOCK)) ? Files.getLastModifiedTime(out.resolve(RunFiles.LOCK)) : null;
        assertThat(lockTime == null || !lockTime.toInstant().isAfter(lastWrite)).isTrue();
        return record;
    }
}
