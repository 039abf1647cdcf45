package lrwb.engine.run;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class RunCatalogTest {

    private static Path run(Path runs, String name, RunInfo info) throws IOException {
        Path dir = RunFolder.create(runs, info.kind(), name, LocalDateTime.of(2026, 11, 22, 10, 0));
        info.writeTo(dir);
        return dir;
    }

    @Test
    void listsRunsAndReportsCorruptOnesWithoutFailing(@TempDir Path runs) throws IOException {
        RunInfo done = RunInfo.started("training", "good", JsonNodeFactory.instance.objectNode().put("epochs", 3))
                .ended(RunStatus.FINISHED, "finished 3 epochs");
        Path good = run(runs, "good", done);
        Path corrupt = Files.createDirectories(runs.resolve("20261122-100001-training-corrupt"));
        Files.writeString(corrupt.resolve("run.json"), "{\"kind\": \"training\", \"name\": ");
        Files.createDirectories(runs.resolve("20261122-100002-training-empty"));
        Path noStatus = Files.createDirectories(runs.resolve("20261122-100003-training-nostatus"));
        Files.writeString(noStatus.resolve("run.json"), "{\"kind\":\"training\",\"name\":\"x\",\"startedAt\":\"2026-11-22T10:00:00Z\"}");

        RunCatalog.Listing listing = new RunCatalog(runs).list();

        assertThat(listing.runs()).extracting(RunCatalog.Entry::dir).containsExactly(good);
        assertThat(listing.runs().get(0).info()).isEqualTo(done);
        assertThat(listing.problems()).hasSize(3);
        assertThat(listing.problems()).anyMatch(p -> p.startsWith("20261122-100001-training-corrupt:") && p.contains("not readable JSON"));
        assertThat(listing.problems()).anyMatch(p -> p.equals("20261122-100002-training-empty: no run.json, skipped"));
        assertThat(listing.problems()).anyMatch(p -> p.contains("nostatus") && p.contains("'status'"));
    }

    @Test
    void aRunningRunWhoseProcessIsGoneIsInterrupted(@TempDir Path runs) throws IOException {
        RunInfo live = RunInfo.started("training", "live", JsonNodeFactory.instance.objectNode());
        RunInfo dead = new RunInfo("training", "dead", RunStatus.RUNNING, JsonNodeFactory.instance.objectNode(),
                live.startedAt(), null, null, Long.MAX_VALUE - 1);
        run(runs, "live", live);
        run(runs, "dead", dead);
        var byName = new RunCatalog(runs).list().runs();
        assertThat(byName).filteredOn(e -> e.info().name().equals("live")).singleElement()
                .extracting(e -> e.info().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(byName).filteredOn(e -> e.info().name().equals("dead")).singleElement()
                .satisfies(e -> {
                    assertThat(e.info().status()).isEqualTo(RunStatus.INTERRUPTED);
                    assertThat(e.info().message()).contains("killed or crashed");
                });
    }

    @Test
    void runJsonRoundTrips(@TempDir Path dir) throws IOException {
        RunInfo info = RunInfo.started("rangeTest", "iris mlp sgd", JsonNodeFactory.instance.objectNode().put("batchSize", 16))
                .ended(RunStatus.DIVERGED, "the loss diverged");
        info.writeTo(dir);
        assertThat(RunInfo.read(dir)).isEqualTo(info);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("run.json");
    }

    @Test
    void missingHomeFolderListsNothing(@TempDir Path home) {
        RunCatalog.Listing listing = new RunCatalog(home.resolve("runs")).list();
        assertThat(listing.runs()).isEmpty();
        assertThat(listing.problems()).isEmpty();
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
