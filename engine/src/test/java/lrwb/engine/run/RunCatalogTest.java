package lrwb.engine.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class RunCatalogTest {

    private static Path run(Path runs, String name, RunInfo info) throws IOException {
        Path dir = RunFolder.create(runs, info.kind().json(), name, LocalDateTime.of(2026, 11, 22, 10, 0));
        info.writeTo(dir);
        return dir;
    }

    @Test
    void damagedRunsAreListedFlaggedAndFoldersWithoutRunFilesSkipped(@TempDir Path runs) throws IOException {
        RunInfo done = RunInfo.started(RunKind.TRAINING, "good", JsonNodeFactory.instance.objectNode().put("epochs", 3))
                .ended(RunStatus.FINISHED, "finished 3 epochs");
        Path good = run(runs, "good", done);
        Path corrupt = Files.createDirectories(runs.resolve("20261122-100001-training-corrupt"));
        Files.writeString(corrupt.resolve("run.json"), "{\"kind\": \"training\", \"name\": ");
        Files.createDirectories(runs.resolve("20261122-100002-training-empty"));
        Path noStatus = Files.createDirectories(runs.resolve("20261122-100003-training-nostatus"));
        Files.writeString(noStatus.resolve("run.json"), "{\"kind\":\"training\",\"name\":\"x\",\"startedAt\":\"2026-11-22T10:00:00Z\"}");

        RunCatalog.Listing listing = new RunCatalog(runs).list();

        assertThat(listing.runs()).extracting(RunCatalog.Entry::dir).containsExactly(noStatus, corrupt, good);
        assertThat(listing.skipped()).containsExactly("20261122-100002-training-empty: no run files");
        RunRecord goodRecord = listing.runs().get(2).record();
        assertThat(goodRecord.info()).isEqualTo(done);
        assertThat(goodRecord.problems()).as("a run.json whose config is not a request, and no epochs.csv").hasSize(2);
        RunRecord corruptRecord = listing.runs().get(1).record();
        assertThat(corruptRecord.status()).isEqualTo(RunStatus.DAMAGED);
        assertThat(corruptRecord.name()).isEqualTo("20261122-100001-training-corrupt");
        assertThat(corruptRecord.problems()).singleElement().asString().startsWith("run.json is not readable JSON");
        assertThat(listing.runs().get(0).record().problems()).singleElement().asString().contains("'status'");
    }

    @Test
    void aRunningRunWhoseProcessIsGoneIsInterruptedAndStopsGrowing(@TempDir Path runs) throws IOException {
        RunInfo live = RunInfo.started(RunKind.TRAINING, "live", JsonNodeFactory.instance.objectNode());
        RunInfo dead = new RunInfo(RunKind.TRAINING, "dead", RunStatus.RUNNING, JsonNodeFactory.instance.objectNode(),
                live.startedAt().minusSeconds(600), null, null, Long.MAX_VALUE - 1, null);
        run(runs, "live", live);
        Path deadDir = run(runs, "dead", dead);
        Instant lastWrite = live.startedAt().minusSeconds(500);
        Files.setLastModifiedTime(deadDir.resolve(RunFiles.RUN_JSON), FileTime.from(lastWrite));
        var entries = new RunCatalog(runs).list().runs();
        assertThat(entries).filteredOn(e -> e.record().name().equals("live")).singleElement()
                .extracting(e -> e.record().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(entries).filteredOn(e -> e.record().name().equals("dead")).singleElement()
                .satisfies(e -> {
                    assertThat(e.record().status()).isEqualTo(RunStatus.INTERRUPTED);
                    assertThat(e.record().info().message()).contains("killed or crashed");
                    assertThat(e.record().duration()).isEqualTo(Duration.ofSeconds(100));
                });
    }

    @Test
    void aReusedPidIsNotMistakenForTheWriter(@TempDir Path runs) throws IOException {
        RunInfo started = RunInfo.started(RunKind.TRAINING, "x", JsonNodeFactory.instance.objectNode());
        assertThat(started.processStartedAt()).as("this platform tells process start times").isNotNull();
        // this very process's PID, but a start an hour before ours: after a reboot the PID was handed out again
        RunInfo reused = new RunInfo(RunKind.TRAINING, "reused", RunStatus.RUNNING, started.config(), started.startedAt(),
                null, null, started.pid(), started.processStartedAt().minus(Duration.ofHours(1)));
        run(runs, "mine", started);
        run(runs, "reused", reused);
        var entries = new RunCatalog(runs).list().runs();
        assertThat(entries).filteredOn(e -> e.record().name().equals("x")).singleElement()
                .extracting(e -> e.record().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(entries).filteredOn(e -> e.record().name().equals("reused")).singleElement()
                .extracting(e -> e.record().status()).isEqualTo(RunStatus.INTERRUPTED);
    }

    @Test
    void runJsonRoundTrips(@TempDir Path dir) throws IOException {
        RunInfo info = RunInfo.started(RunKind.RANGE_TEST, "iris mlp sgd", JsonNodeFactory.instance.objectNode().put("batchSize", 16))
                .ended(RunStatus.DIVERGED, "the loss diverged");
        info.writeTo(dir);
        assertThat(RunInfo.read(dir)).isEqualTo(info);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("run.json");
        }
    }

    @Test
    void missingHomeFolderListsNothing(@TempDir Path home) {
        RunCatalog.Listing listing = new RunCatalog(home.resolve("runs")).list();
        assertThat(listing.runs()).isEmpty();
        assertThat(listing.skipped()).isEmpty();
    }

    @Test
    void folderNamesAreStampedSluggedAndUnique(@TempDir Path runs) throws IOException {
        LocalDateTime t = LocalDateTime.of(2026, 1, 2, 3, 4, 5);
        Path a = RunFolder.create(runs, "training", "Cosine / Adam (lr=1e-3)", t);
        Path b = RunFolder.create(runs, "training", "Cosine / Adam (lr=1e-3)", t);
        assertThat(a.getFileName().toString()).isEqualTo("20260102-030405-training-cosine-adam-lr-1e-3");
        assertThat(b.getFileName().toString()).isEqualTo("20260102-030405-training-cosine-adam-lr-1e-3-2");
    }
}
