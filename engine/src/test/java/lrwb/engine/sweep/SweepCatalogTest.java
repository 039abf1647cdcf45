package lrwb.engine.sweep;

import lrwb.engine.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweeps folder read as one entry per sweep, with the status the Runs list shows. */
class SweepCatalogTest {
    private static final String GRID = "{\"name\": \"two lrs\", \"base\": {\"dataset\": \"iris\", \"model\": \"mlp:8\","
            + " \"optimizer\": \"sgd\", \"batch\": 16, \"epochs\": 1, \"lr\": 0.1}, \"axes\": {\"lr\": [0.01, 0.3]}}";

    @TempDir
    Path sweeps;

    @Test
    void aSweepIsRunningWhileItsLockIsHeldInterruptedAfterAndDamagedWithoutAGrid() throws Exception {
        Path dir = Files.createDirectories(sweeps.resolve("20260101-120000-two-lrs"));
        Files.writeString(dir.resolve(SweepGrid.FILE), SweepGrid.parse(GRID).toText());
        Files.createDirectories(sweeps.resolve("not-a-sweep"));
        Path broken = Files.createDirectories(sweeps.resolve("20250101-120000-broken"));
        Files.writeString(broken.resolve(SweepGrid.FILE), "{\"grid\": 1}");

        try (SweepLock lock = SweepLock.acquire(dir)) {
            SweepCatalog.Entry live = SweepCatalog.entry(dir);
            assertThat(live.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(SweepCatalog.entry(dir).status()).as("asking twice keeps the lock").isEqualTo(RunStatus.RUNNING);
        }
        var list = new SweepCatalog(sweeps).list();
        assertThat(list).extracting(SweepCatalog.Entry::dir).containsExactly(dir, broken);
        SweepCatalog.Entry stopped = list.get(0);
        assertThat(stopped.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(stopped.name()).isEqualTo("two lrs");
        assertThat(stopped.cellsDone()).isZero();
        assertThat(stopped.cellsTotal()).isEqualTo(2);
        SweepCatalog.Entry damaged = list.get(1);
        assertThat(damaged.status()).isEqualTo(RunStatus.DAMAGED);
        assertThat(damaged.name()).isEqualTo("20250101-120000-broken");
        assertThat(damaged.problems()).containsExactly("sweep.json must hold grid and cells");
        assertThat(new SweepCatalog(sweeps.resolve("none")).list()).isEmpty();
    }
}
