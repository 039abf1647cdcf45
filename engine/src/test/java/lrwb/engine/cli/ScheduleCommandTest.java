package lrwb.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleCommandTest {

    @Test
    void printsOneCsvRowPerStepWithFullPrecision() {
        CliRun run = CliRun.of("schedule", "--spec", "{\"type\":\"cyclic\",\"baseLr\":1,\"maxLr\":5,\"stepSizeUp\":4,"
                + "\"cycleMomentum\":false}", "--steps", "11", "--steps-per-epoch", "4");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.lines()).containsExactly("step,epoch,lr",
                "0,0,1.0", "1,0,2.0", "2,0,3.0", "3,0,4.0", "4,1,5.0", "5,1,4.0", "6,1,3.0", "7,1,2.0", "8,2,1.0",
                "9,2,2.0", "10,2,3.0");
    }

    @Test
    void aSpecThatCyclesMomentumGetsAMomentumColumn() {
        CliRun run = CliRun.of("schedule", "--spec", "{\"type\":\"oneCycle\",\"maxLr\":25,\"totalSteps\":10,"
                + "\"divFactor\":25,\"finalDivFactor\":2,\"anneal\":\"linear\"}", "--steps", "10");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.lines().get(0)).isEqualTo("step,epoch,lr,momentum");
        double[] lr = {1, 13, 25, 21.5, 18, 14.5, 11, 7.5, 4, 0.5};
        double[] momentum = {0.95, 0.9, 0.85, 0.8642857143, 0.8785714286, 0.8928571429, 0.9071428571, 0.9214285714,
                0.9357142857, 0.95};
        for (int t = 0; t < 10; t++) {
            String[] row = run.lines().get(t + 1).split(",");
            assertThat(Double.parseDouble(row[2])).as("lr t=%d", t).isCloseTo(lr[t], org.assertj.core.api.Assertions.within(1e-12));
            assertThat(Double.parseDouble(row[3])).as("momentum t=%d", t)
                    .isCloseTo(momentum[t], org.assertj.core.api.Assertions.within(1e-10));
        }
        CliRun off = CliRun.of("schedule", "--spec", "{\"type\":\"oneCycle\",\"maxLr\":1,\"totalSteps\":10,"
                + "\"cycleMomentum\":false}", "--steps", "2");
        assertThat(off.lines().get(0)).isEqualTo("step,epoch,lr");
    }

    @Test
    void aSequentialSaysItsOneCycleDoesNotCycleMomentum() {
        CliRun run = CliRun.of("schedule", "--spec", "{\"type\":\"sequential\",\"milestones\":[2],\"schedules\":["
                + "{\"type\":\"constant\",\"lr\":0.01},{\"type\":\"oneCycle\",\"maxLr\":1,\"totalSteps\":10}]}",
                "--steps", "3");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines().get(0)).isEqualTo("step,epoch,lr");
        assertThat(run.errLines()).containsExactly("note: momentum is not cycled: schedules[1] (oneCycle) of the sequential"
                + " set cycleMomentum, but momentum cycles only when the whole schedule is cyclic or oneCycle;"
                + " the optimizer's own momentum holds");
    }

    @Test
    void wsdWorkedValues() {
        CliRun run = CliRun.of("schedule", "--spec", "{\"type\":\"wsd\",\"lr\":1,\"warmupSteps\":4,\"stableSteps\":2,"
                + "\"decaySteps\":4,\"warmupType\":\"linear\",\"decayType\":\"linear\"}", "--steps", "12");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.lines()).containsExactly("step,epoch,lr", "0,0,0.0", "1,1,0.25", "2,2,0.5", "3,3,0.75", "4,4,1.0",
                "5,5,1.0", "6,6,1.0", "7,7,0.75", "8,8,0.5", "9,9,0.25", "10,10,0.0", "11,11,0.0");
    }

    @Test
    void inverseSqrtWorkedValues() {
        CliRun run = CliRun.of("schedule", "--spec", "{\"type\":\"inverseSqrt\",\"lr\":1,\"warmupSteps\":4}", "--steps", "9");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stderr()).isEmpty();
        assertThat(run.lines()).hasSize(10);
        assertThat(run.lines().subList(1, 6)).containsExactly("0,0,0.0", "1,1,0.25", "2,2,0.5", "3,3,0.75", "4,4,1.0");
        double[] worked = {0.894427, 0.816497, 0.755929, 0.707107};
        for (int t = 5; t <= 8; t++) {
            String lr = run.lines().get(t + 1).split(",")[2];
            assertThat(String.format(java.util.Locale.ROOT, "%.6f", Double.parseDouble(lr))).as("t=%d", t)
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.6f", worked[t - 5]));
        }
    }

    @Test
    void wsdWithoutStableStepsIsNamed() {
        CliRun run = CliRun.of("schedule", "--spec", "{\"type\":\"wsd\",\"lr\":1,\"decaySteps\":4}", "--steps", "5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.errLines()).containsExactly("lrwb schedule: --spec (inline JSON): wsd.stableSteps is required");
    }

    @Test
    void lrColumnRoundTripsExactly() {
        CliRun run = CliRun.of("schedule", "--spec", "{\"type\":\"exponential\",\"lr\":0.05,\"decayRate\":0.96,\"decaySteps\":10}",
                "--steps", "6");
        String lastLr = run.lines().get(6).split(",")[2];
        assertThat(Double.parseDouble(lastLr)).isEqualTo(0.05 * Math.pow(0.96, 0.5));
    }

    @Test
    void readsTheSpecFromAFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("step.json");
        Files.writeString(file, "{\"type\":\"step\",\"lr\":0.1,\"stepSize\":2,\"unit\":\"epoch\"}");
        CliRun run = CliRun.of("schedule", "--spec", file.toString(), "--steps", "6", "--steps-per-epoch", "3");
        assertThat(run.exitCode()).isZero();
        assertThat(run.lines()).containsExactly("step,epoch,lr", "0,0,0.1", "1,0,0.1", "2,0,0.1", "3,1,0.1", "4,1,0.1",
                "5,1,0.1");
        CliRun longer = CliRun.of("schedule", "--spec", file.toString(), "--steps", "7", "--steps-per-epoch", "3");
        assertThat(Double.parseDouble(longer.lines().get(7).split(",")[2])).isCloseTo(0.01, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void plateauPrintsOneRowPerEpochAgainstTheMetrics() {
        CliRun run = CliRun.of("schedule", "--spec", "{\"type\":\"plateau\",\"lr\":1,\"patience\":1,\"factor\":0.5}",
                "--metrics", "5,4,4,4,4,4", "--steps-per-epoch", "10");
        assertThat(run.exitCode()).isZero();
        // improve, improve, bad 1, bad 2 > patience -> halve, bad 1, bad 2 -> halve
        assertThat(run.lines()).containsExactly("step,epoch,lr", "0,0,1.0", "10,1,1.0", "20,2,1.0", "30,3,1.0",
                "40,4,0.5", "50,5,0.5", "60,6,0.25");
    }

    @Test
    void badValueExitsTwoWithOneLineNamingTheFieldAndNoCsv() {
        CliRun run = CliRun.of("schedule", "--spec", "{\"type\":\"cyclic\",\"baseLr\":0.01,\"maxLr\":0.001}", "--steps", "5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                "lrwb schedule: --spec (inline JSON): cyclic.maxLr must be > baseLr (got 0.001 <= 0.01)");
    }

    @Test
    void unknownFieldIsAnError() {
        CliRun run = CliRun.of("schedule", "--spec", "{\"type\":\"step\",\"lr\":0.1,\"stepSize\":10,\"gama\":0.5}", "--steps", "5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.stderr()).contains("step.gama is not a field of step");
    }

    @Test
    void malformedJsonIsAnError() {
        CliRun run = CliRun.of("schedule", "--spec", "{\"type\":\"step\",", "--steps", "5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.stderr()).contains("is not valid JSON");
    }

    @Test
    void missingStepsIsAnError() {
        CliRun run = CliRun.of("schedule", "--spec", "{\"type\":\"constant\",\"lr\":0.1}");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.errLines()).containsExactly("lrwb schedule: --steps is required: the number of steps to print");
    }

    @Test
    void nonPositiveOrNonNumericStepsIsAnError() {
        assertThat(CliRun.of("schedule", "--spec", "{\"type\":\"constant\",\"lr\":0.1}", "--steps", "0").errLines())
                .containsExactly("lrwb schedule: --steps must be an integer > 0 (got 0)");
        CliRun words = CliRun.of("schedule", "--spec", "{\"type\":\"constant\",\"lr\":0.1}", "--steps", "ten");
        assertThat(words.exitCode()).isEqualTo(2);
        assertThat(words.errLines()).hasSize(1);
        assertThat(words.stderr()).contains("--steps").contains("ten");
    }

    @Test
    void missingSpecFileIsAnError() {
        CliRun run = CliRun.of("schedule", "--spec", "/nonexistent/spec.json", "--steps", "5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("lrwb schedule: --spec: no such file: /nonexistent/spec.json"
                + " (give a schedule JSON file, or inline JSON starting with '{')");
    }

    @Test
    void epochUnitNeedsStepsPerEpoch() {
        CliRun run = CliRun.of("schedule", "--spec", "{\"type\":\"step\",\"lr\":0.1,\"stepSize\":2,\"unit\":\"epoch\"}",
                "--steps", "5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(
                "lrwb schedule: --steps-per-epoch is required: the spec counts epochs (\"unit\": \"epoch\")");
    }

    @Test
    void plateauNeedsMetricsAndOthersRefuseThem() {
        CliRun plateau = CliRun.of("schedule", "--spec", "{\"type\":\"plateau\",\"lr\":1}", "--steps", "5");
        assertThat(plateau.exitCode()).isEqualTo(2);
        assertThat(plateau.stderr()).contains("--metrics is required for a plateau spec");
        CliRun bad = CliRun.of("schedule", "--spec", "{\"type\":\"plateau\",\"lr\":1}", "--metrics", "1,x");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.errLines()).containsExactly("lrwb schedule: --metrics: value 2 ('x') is not a number");
        CliRun constant = CliRun.of("schedule", "--spec", "{\"type\":\"constant\",\"lr\":1}", "--steps", "3", "--metrics", "1");
        assertThat(constant.exitCode()).isEqualTo(2);
        assertThat(constant.stdout()).isEmpty();
    }

    @Test
    void unknownOptionAndMissingSubcommandAreUsageErrors() {
        CliRun unknown = CliRun.of("schedule", "--spec", "{}", "--stpes", "3");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.errLines()).hasSize(1);
        CliRun none = CliRun.of();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.errLines()).hasSize(1);
    }

    @Test
    void helpExitsZero() {
        CliRun help = CliRun.of("schedule", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.stdout()).contains("--spec").contains("--steps").contains("--metrics");
    }
}
