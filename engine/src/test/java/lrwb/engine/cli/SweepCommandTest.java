package lrwb.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lrwb sweep} end to end, in process: the table, the files, and every refusal as one line with exit 2. */
class SweepCommandTest {
    private static final String GRID = "{\"base\": {\"dataset\": \"moons:samples=60\", \"model\": \"mlp:4\", \"batch\": 16, \"epochs\": 2,"
            + " \"lr\": 0.1}, \"axes\": {\"lr\": [0.05, 0.5], \"optimizer\": [\"sgd\", \"adam\"]}}";

    @Test
    void aSweepPrintsTheBestLrPerGroupAndWritesItsFiles(@TempDir Path tmp) throws IOException {
        Path grid = tmp.resolve("grid.json");
        Files.writeString(grid, GRID);
        Path out = tmp.resolve("sweep");
        CliRun run = CliRun.of("sweep", "--grid", grid.toString(), "--out", out.toString(), "--parallel", "2");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.lines()).hasSize(5);
        assertThat(run.lines().get(0)).isEqualTo("best lr per group (highest mean final validation accuracy over seeds; 4 of 4 cells done):");
        assertThat(run.lines().get(1)).isEqualTo("optimizer  best lr  final val acc  final val loss  best cells  diverged");
        assertThat(run.lines().get(2)).matches("sgd        (0\\.05|0\\.5 ) +0\\.\\d{4}  +\\d\\.\\d{4}  +[02] +0/2");
        assertThat(run.lines().get(3)).matches("adam       (0\\.05|0\\.5 ) +0\\.\\d{4}  +\\d\\.\\d{4}  +[13] +0/2");
        assertThat(run.lines().get(4)).isEqualTo("summary: " + out.resolve("summary.csv"));
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).hasSize(5);
        assertThat(out.resolve("sweep.json")).exists();
        assertThat(out.resolve("cells/0003/epochs.csv")).exists();

        CliRun again = CliRun.of("sweep", "--grid", GRID, "--out", out.toString());
        assertThat(again.exitCode()).as("the same grid inline resumes a finished sweep: nothing to run").isZero();
        assertThat(again.lines()).isEqualTo(run.lines());
    }

    private static void refused(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.errLines()).containsExactly(message);
    }

    @Test
    void aBadGridIsOneLineNamingTheFieldAndNothingIsWritten(@TempDir Path tmp) {
        Path out = tmp.resolve("s");
        refused(CliRun.of("sweep", "--grid", GRID.replace("\"optimizer\": [", "\"optimiser\": ["), "--out", out.toString()),
                "lrwb sweep: --grid (inline JSON): axes.optimiser is not an axis (axes: lr, schedule, optimizer, model, batch, seed, epochs, dataset)");
        refused(CliRun.of("sweep", "--grid", GRID.replace("[\"sgd\", \"adam\"]", "[]"), "--out", out.toString()),
                "lrwb sweep: --grid (inline JSON): axes.optimizer must list at least one value (got [])");
        refused(CliRun.of("sweep", "--grid", GRID.replace("[0.05, 0.5]", "{\"from\": 0.01, \"to\": 1, \"points\": 1}"), "--out", out.toString()),
                "lrwb sweep: --grid (inline JSON): axes.lr.points must be an integer >= 2 (got 1)");
        refused(CliRun.of("sweep", "--grid", GRID.replace("\"batch\": 16", "\"batch\": 100"), "--out", out.toString()),
                "lrwb sweep: --grid (inline JSON): cell 0 (lr=0.05, optimizer=sgd): base.batch must be at most the training set's size "
                        + "(48 examples of moons; got 100) (4 of 4 cells are invalid)");
        assertThat(out).doesNotExist();
    }

    @Test
    void badOptionsAreRefused(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("s");
        refused(CliRun.of("sweep", "--grid", GRID, "--out", out.toString(), "--parallel", "0"),
                "lrwb sweep: --parallel must be an integer >= 1 (got 0)");
        refused(CliRun.of("sweep", "--grid", GRID, "--out", out.toString(), "--master", "local[2]"),
                "lrwb sweep: --master: the Spark runner is not on the class path: run the lrwb-spark jar (see README \"Sweeps on Spark\")");
        CliRun missing = CliRun.of("sweep", "--grid", tmp.resolve("nope.json").toString(), "--out", out.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errLines()).singleElement().asString().startsWith("lrwb sweep: --grid: ").contains("nope.json")
                .endsWith("(give a grid JSON file, or inline JSON starting with '{')");
        assertThat(out).doesNotExist();

        Files.createDirectories(out);
        Files.writeString(out.resolve("sweep.json"), "{\"grid\": {\"name\": \"other\", \"base\": {}}, \"cells\": []}");
        refused(CliRun.of("sweep", "--grid", GRID, "--out", out.toString()),
                "lrwb sweep: --out " + out + " holds another sweep (\"other\", 0 cells): choose another folder, or give its own grid to resume it");

        CliRun noOut = CliRun.of("sweep", "--grid", GRID);
        assertThat(noOut.exitCode()).isEqualTo(2);
        assertThat(noOut.stderr()).startsWith("lrwb sweep: Missing required option: '--out=DIR'");
    }

    @Test
    void masterFindsItsRunnerThroughTheServiceLoader(@TempDir Path tmp) {
        Path out = tmp.resolve("s");
        CliRun run = CliRun.of("sweep", "--grid", GRID, "--out", out.toString(), "--master", "fake://cluster");
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.lines()).hasSize(5);
        assertThat(out.resolve("cells/0003/iterations.csv")).exists();

        refused(CliRun.of("sweep", "--grid", GRID, "--out", tmp.resolve("t").toString(), "--master", "fake://unreachable"),
                "lrwb sweep: --master fake://unreachable: cannot reach fake://unreachable within 1 s");
        assertThat(tmp.resolve("t")).doesNotExist();
    }

    @Test
    void helpNamesTheOptions() {
        CliRun run = CliRun.of("sweep", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("--grid=FILE|JSON", "--out=DIR", "--parallel=N", "--master=local[N]|spark://HOST:PORT");
    }
}
