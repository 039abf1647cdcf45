package lrwb.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** Bad input of every kind: exit 2, exactly one line on stderr naming the option and the rule, no stdout, no folder. */
class BadInputTest {
    @TempDir
    Path tmp;

    private CliRun refused(String... args) {
        Path out = tmp.resolve("out");
        List<String> all = new ArrayList<>(List.of(args));
        if (args[0].equals("find") || args[0].equals("train")) {
            all.addAll(List.of("--out", out.toString()));
        }
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as("exit code (stderr: %s)", run.stderr()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.errLines()).as("one line on stderr").hasSize(1);
        assertThat(run.stderr()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out).as("no folder for bad input").doesNotExist();
        return run;
    }

    @Test
    void headerOutsideAutoYesNo() {
        assertThat(refused("find", "--dataset", "iris", "--header", "maybe").errLines())
                .containsExactly("lrwb find: --header must be auto, yes or no (got 'maybe')");
        assertThat(refused("train", "--dataset", "iris", "--header", "maybe", "--lr", "0.1", "--epochs", "1").errLines())
                .containsExactly("lrwb train: --header must be auto, yes or no (got 'maybe')");
    }

    @Test
    void epochsAboveTheLimitTheAppEnforces() {
        assertThat(refused("train", "--dataset", "iris", "--lr", "0.1", "--epochs", "100001").errLines())
                .containsExactly("lrwb train: --epochs must be an integer in [1, 100000] (got 100001)");
    }

    @Test
    void batchAboveTheLimitTheAppEnforces() {
        assertThat(refused("train", "--dataset", "iris", "--lr", "0.1", "--epochs", "1", "--batch", "2147483647").errLines())
                .containsExactly("lrwb train: --batch must be an integer in [1, 1000000] (got 2147483647)");
        assertThat(refused("find", "--dataset", "iris", "--batch", "2147483647").errLines())
                .containsExactly("lrwb find: --batch must be an integer in [1, 1000000] (got 2147483647)");
    }

    @Test
    void batchLargerThanTheTrainingSet() {
        // iris: 150 rows, 120 after the 20% validation split
        assertThat(refused("train", "--dataset", "iris", "--lr", "0.1", "--epochs", "1", "--batch", "5000").errLines())
                .containsExactly("lrwb train: --batch 5000 is larger than the training set (120 examples of iris); use 120 or less");
        assertThat(refused("find", "--dataset", "iris", "--batch", "121").errLines())
                .containsExactly("lrwb find: --batch 121 is larger than the training set (120 examples of iris); use 120 or less");
    }

    @Test
    void aNewlineInAValueStaysOnOneLine() {
        assertThat(refused("find", "--dataset", "csv:" + tmp.resolve("a\nb")).errLines())
                .containsExactly("lrwb find: " + tmp.resolve("a\\nb") + ": no such file");
        assertThat(refused("find", "--dataset", "iris", "--header", "may\nbe").errLines())
                .containsExactly("lrwb find: --header must be auto, yes or no (got 'may\\nbe')");
        assertThat(refused("schedule", "--spec", "{\"type\":\"con\\nstant\",\"lr\":0.1}", "--steps", "3").stderr())
                .startsWith("lrwb schedule: --spec (inline JSON): type must be one of").contains("(got \"con\\nstant\"");
        assertThat(refused("schedule", "--spec", "{\"type\":\"constant\",\n\"lr\":0.1,\"l\\nr\":1}", "--steps", "3").errLines())
                .containsExactly("lrwb schedule: --spec (inline JSON): constant.\"l\\nr\" is not a field of constant (did you mean \"lr\"?)");
        assertThat(refused("schedule", "--spec", "{\"type\":\"constant\",\"lr\":0.1}", "--steps", "3", "--nope\nx").errLines())
                .hasSize(1).first().asString().startsWith("lrwb schedule: Unknown option: '--nope\\nx'");
    }

    @Test
    void unreadableFilesSayWhy() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("folder"));
        Path missing = tmp.resolve("missing.csv");
        assertThat(refused("find", "--dataset", "csv:" + dir).errLines())
                .containsExactly("lrwb find: " + dir + " is a folder, not a file");
        assertThat(refused("find", "--dataset", "csv:" + missing).errLines())
                .containsExactly("lrwb find: " + missing + ": no such file");
        assertThat(refused("find", "--dataset", "idx:" + missing).errLines())
                .containsExactly("lrwb find: " + missing + ": no such folder");
        assertThat(refused("schedule", "--spec", dir.toString(), "--steps", "3").errLines())
                .containsExactly("lrwb schedule: --spec: " + dir + " is a folder, not a file"
                        + " (give a schedule JSON file, or inline JSON starting with '{')");
        assertThat(refused("schedule", "--spec", missing.toString(), "--steps", "3").errLines())
                .containsExactly("lrwb schedule: --spec: no such file: " + missing
                        + " (give a schedule JSON file, or inline JSON starting with '{')");
    }

    @Test
    void fileWithoutReadPermission() throws Exception {
        Path csv = Files.writeString(tmp.resolve("secret.csv"), "1,2,a\n3,4,b\n");
        Path spec = Files.writeString(tmp.resolve("secret.json"), "{\"type\":\"constant\",\"lr\":0.1}");
        assumeThat(csv.getFileSystem().supportedFileAttributeViews()).contains("posix");
        Files.setPosixFilePermissions(csv, Set.of());
        Files.setPosixFilePermissions(spec, Set.of());
        assumeThat(Files.isReadable(csv)).as("permissions are enforced (not running as root)").isFalse();

        assertThat(refused("find", "--dataset", "csv:" + csv).errLines())
                .containsExactly("lrwb find: " + csv + ": permission denied");
        assertThat(refused("schedule", "--spec", spec.toString(), "--steps", "3").errLines())
                .containsExactly("lrwb schedule: --spec: permission denied: " + spec
                        + " (give a schedule JSON file, or inline JSON starting with '{')");
    }

    @Test
    void dataTooLargeOrOutsideFloatRange() throws Exception {
        assertThat(refused("find", "--dataset", "moons:samples=2147483647").errLines())
                .containsExactly("lrwb find: moons: samples must be at most 10000000 (got 2147483647)");
        assertThat(refused("train", "--dataset", "moons:noise=1e308", "--lr", "0.1", "--epochs", "1").errLines())
                .containsExactly("lrwb train: moons: noise must be at most 1000000 (got 1e308)");
        Path csv = Files.writeString(tmp.resolve("big.csv"), "x,y,label\n1,2,a\n3,1e39,b\n5,6,a\n");
        assertThat(refused("find", "--dataset", "csv:" + csv).errLines())
                .containsExactly("lrwb find: " + csv + " line 3: column 1 (y) must be a finite number within float range"
                        + " (|x| <= 3.4e38), got '1e39'");
    }

    @Test
    void scheduleWhoseCurveLeavesTheNumbers() {
        assertThat(refused("schedule", "--spec", "{\"type\":\"step\",\"lr\":1e308,\"stepSize\":1,\"gamma\":10}",
                "--steps", "5").errLines())
                .containsExactly("lrwb schedule: --spec (inline JSON): step.gamma makes the LR overflow to infinity at step 1:"
                        + " lr·gamma^1 = 1e308·10^1 (stepSize 1); use gamma <= 1 or a smaller lr");
        assertThat(refused("train", "--dataset", "iris", "--schedule",
                "{\"type\":\"oneCycle\",\"maxLr\":0.1,\"totalSteps\":100,\"divFactor\":1e-320}", "--epochs", "1").stderr())
                .startsWith("lrwb train: --schedule (inline JSON): oneCycle.divFactor makes the initial LR");
        assertThat(refused("schedule", "--spec", "{\"type\":\"constant\",\"lrr\":0.1}", "--steps", "5").errLines())
                .containsExactly("lrwb schedule: --spec (inline JSON): constant.lrr is not a field of constant (did you mean \"lr\"?)");
    }
}
