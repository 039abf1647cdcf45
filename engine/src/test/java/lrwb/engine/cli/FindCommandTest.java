package lrwb.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import lrwb.engine.finder.RangePoint;
import lrwb.engine.run.RangeTestRecord;
import lrwb.engine.run.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FindCommandTest {

    @Test
    void writesRangeCsvSuggestionsAndRunJson(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("find");
        CliRun run = CliRun.of("find", "--dataset", "iris", "--iterations", "60", "--batch", "16", "--out", out.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("recorded 60 of 60 iterations").contains("steepest").contains("cyclic");

        List<String> range = Files.readAllLines(out.resolve("range.csv"));
        assertThat(range.get(0)).isEqualTo("iteration,lr,loss,smoothed_loss");
        assertThat(range).hasSize(61);
        assertThat(range.get(1)).startsWith("0,1.0E-7,");
        assertThat(Double.parseDouble(range.get(60).split(",")[1])).isEqualTo(10.0);

        JsonNode s = new ObjectMapper().readTree(out.resolve("suggestions.json").toFile());
        assertThat(s.fieldNames()).toIterable().containsExactly("minimum10", "steepest", "valley", "slide", "cyclic", "diverged",
                "stoppedAt", "iterations", "message", "warning");
        assertThat(s.get("iterations").asInt()).isEqualTo(60);
        assertThat(s.get("stoppedAt").asInt()).isEqualTo(59);

        JsonNode runJson = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        assertThat(runJson.get("status").asText()).isEqualTo("finished");
        JsonNode config = runJson.get("config");
        assertThat(config.get("dataset").get("source").asText()).isEqualTo("iris");
        assertThat(config.get("model").asText()).isEqualTo("mlp:64,32");
        assertThat(config.get("optimizer").asText()).isEqualTo("sgd");
        assertThat(config.get("startLr").asDouble()).isEqualTo(1e-7);
        assertThat(config.get("endLr").asDouble()).isEqualTo(10.0);
        assertThat(config.get("iterations").asInt()).isEqualTo(60);
        assertThat(config.get("beta").asDouble()).isEqualTo(0.98);
        assertThat(config.get("divergeFactor").asDouble()).isEqualTo(4.0);
        assertThat(config.get("seed").asLong()).isEqualTo(42);
        assertThat(config.get("batchSize").asInt()).isEqualTo(16);

        RangeTestRecord back = RangeTestRecord.read(out);
        assertThat(back.points()).hasSize(60);
        assertThat(back.run().status()).isEqualTo(RunStatus.FINISHED);
        assertThat(back.suggestions().steepest()).isEqualTo(s.get("steepest").asDouble());
    }

    @Test
    void anUnreliableResultIsPrintedAndRecordedWithWhy(@TempDir Path tmp) throws IOException {
        // LRs far too small to move the loss: the values come with the reason they mean little.
        Path out = tmp.resolve("tiny");
        CliRun run = CliRun.of("find", "--dataset", "iris", "--iterations", "40", "--batch", "16", "--start", "1e-7",
                "--end", "1e-6", "--out", out.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).containsPattern("unreliable: the (smoothed loss fell only [\\d.]+%|loss never fell) below where it started");
        JsonNode s = new ObjectMapper().readTree(out.resolve("suggestions.json").toFile());
        assertThat(s.get("warning").asText()).isEqualTo(RangeTestRecord.read(out).suggestions().warning());
        assertThat(run.stdout()).contains("unreliable: " + s.get("warning").asText());
    }

    @Test
    void sameSeedWritesTheSameRangeCsv(@TempDir Path tmp) throws IOException {
        String[] common = {"find", "--dataset", "moons", "--iterations", "30", "--optimizer", "adam", "--seed", "5", "--out"};
        assertThat(CliRun.of(concat(common, tmp.resolve("a").toString())).exitCode()).isZero();
        assertThat(CliRun.of(concat(common, tmp.resolve("b").toString())).exitCode()).isZero();
        assertThat(Files.readString(tmp.resolve("b/range.csv"))).isEqualTo(Files.readString(tmp.resolve("a/range.csv")));
    }

    @Test
    void badInputExitsTwoWithOneLineAndWritesNothing(@TempDir Path tmp) throws IOException {
        Path ragged = tmp.resolve("ragged.csv");
        Files.writeString(ragged, "a,b,label\n1,2,x\n3,4,y\n5,z\n");
        assertBadInput(tmp, "data.csv", List.of("--dataset", "csv:" + ragged), "ragged.csv line 4");
        assertBadInput(tmp, "nodata", List.of("--dataset", "csv:" + tmp.resolve("missing.csv")), "missing.csv");
        assertBadInput(tmp, "unknown", List.of("--dataset", "cifar"), "cifar");
        assertBadInput(tmp, "optimizer", List.of("--dataset", "iris", "--optimizer", "adam:beta3=0.9"),
                "--optimizer adam:beta3=0.9: unknown key 'beta3' (adam takes beta1, beta2, eps, wd)");
        assertBadInput(tmp, "wd", List.of("--dataset", "iris", "--optimizer", "adamw:wd=-1e-4"),
                "--optimizer adamw:wd=-1e-4: wd must be a number >= 0");
        assertBadInput(tmp, "cnn", List.of("--dataset", "iris", "--model", "cnn"), "--model cnn: layers[0] conv2d needs image data");
        assertBadInput(tmp, "start", List.of("--dataset", "iris", "--start", "0"),
                "lrwb find: --start must be a finite number > 0 (got 0)");
        assertBadInput(tmp, "end", List.of("--dataset", "iris", "--start", "1", "--end", "0.1"), "lrwb find: --end must be");
        assertBadInput(tmp, "iters", List.of("--dataset", "iris", "--iterations", "5"),
                "lrwb find: --iterations must be an integer >= 10 (got 5)");
        assertBadInput(tmp, "mode", List.of("--dataset", "iris", "--mode", "log"), "lrwb find: --mode must be exp or linear");
        assertBadInput(tmp, "split", List.of("--dataset", "iris", "--val-split", "1.5"), "lrwb find: --val-split must be in (0, 1)");
        assertBadInput(tmp, "lr", List.of("--dataset", "iris", "--lr", "0.1"), "lrwb find: --lr does not apply to find");
        assertBadInput(tmp, "model", List.of("--dataset", "iris", "--model", "rnn"), "lrwb find: --model: unknown model 'rnn'");
        assertBadInput(tmp, "loss", List.of("--dataset", "iris", "--loss", "test"), "lrwb find: --loss must be train or val (got 'test')");
        for (String bad : List.of("0,-1e-4", "0,x", "1e-4,1e-4", "", "0,1,2,3,4,5,6,7,8", "NaN")) {
            assertBadInput(tmp, "wd" + bad.hashCode(), List.of("--dataset", "iris", "--wd", bad),
                    "lrwb find: --wd must be a comma-separated list of 1 to 8 distinct numbers >= 0, e.g. 0,1e-4,1e-3 (got '" + bad + "')");
        }
        assertBadInput(tmp, "wdtwice", List.of("--dataset", "iris", "--optimizer", "adam:wd=0.1", "--wd", "0,1e-4"),
                "lrwb find: --wd sets the optimizer's wd for each test: leave wd out of --optimizer");
    }

    @Test
    void wdRunsOneTestPerWeightDecayInItsOwnFolderGrouped(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("group");
        CliRun run = CliRun.of("find", "--dataset", "iris", "--optimizer", "adam", "--iterations", "30", "--batch", "16",
                "--wd", "0,1e-4,0.5", "--out", out.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stdout()).contains("== wd 0  (" + out.resolve("wd-0") + ")", "== wd 1e-4  (" + out.resolve("wd-1e-4") + ")",
                "== wd 0.5  (" + out.resolve("wd-0.5") + ")");
        assertThat(run.stdout().split("steepest", -1)).hasSize(4); // each one's suggestions
        List<String> ranges = new java.util.ArrayList<>();
        for (String wd : List.of("0", "1e-4", "0.5")) {
            JsonNode config = new ObjectMapper().readTree(out.resolve("wd-" + wd).resolve("run.json").toFile()).get("config");
            assertThat(config.get("group").get("id").asText()).isEqualTo("group");
            assertThat(config.get("group").get("by").asText()).isEqualTo("wd");
            assertThat(config.get("group").get("weightDecays").toString()).isEqualTo("[0.0,1.0E-4,0.5]");
            assertThat(config.get("group").get("weightDecay").asDouble()).isEqualTo(Double.parseDouble(wd));
            assertThat(config.get("seed").asLong()).isEqualTo(42);
            assertThat(config.get("optimizer").asText()).isEqualTo(wd.equals("0") ? "adam:beta1=0.9,beta2=0.999,eps=1e-8"
                    : "adam:beta1=0.9,beta2=0.999,eps=1e-8,wd=" + (wd.equals("1e-4") ? "0.0001" : wd));
            ranges.add(Files.readString(out.resolve("wd-" + wd).resolve("range.csv")));
        }
        // the same first update (same data, seed and weights), then the decay shows
        assertThat(ranges.get(1).lines().skip(1).findFirst()).isEqualTo(ranges.get(0).lines().skip(1).findFirst());
        assertThat(ranges.get(2)).isNotEqualTo(ranges.get(0));
    }

    @Test
    void lossValRecordsTheValidationLossAndSaysSo(@TempDir Path tmp) throws IOException {
        Path train = tmp.resolve("train");
        Path val = tmp.resolve("val");
        String[] common = {"find", "--dataset", "iris", "--iterations", "20", "--batch", "16", "--start", "1e-6", "--end", "1e-5"};
        assertThat(CliRun.of(concat(common, "--out", train.toString())).exitCode()).isZero();
        CliRun run = CliRun.of(concat(common, "--loss", "val", "--out", val.toString()));
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode config = new ObjectMapper().readTree(val.resolve("run.json").toFile()).get("config");
        assertThat(config.get("lossSource").asText()).isEqualTo("val");
        assertThat(new ObjectMapper().readTree(train.resolve("run.json").toFile()).get("config").get("lossSource").asText())
                .isEqualTo("train");
        // at LRs this small every update lowers the loss of the same validation examples a little; the minibatches'
        // losses jump from batch to batch
        List<Double> v = RangeTestRecord.read(val).points().stream().map(p -> p.loss()).toList();
        List<Double> t = RangeTestRecord.read(train).points().stream().map(p -> p.loss()).toList();
        assertThat(v).hasSize(20).isSortedAccordingTo(java.util.Comparator.reverseOrder()).doesNotHaveDuplicates();
        assertThat(t).hasSize(20).isNotEqualTo(t.stream().sorted(java.util.Comparator.reverseOrder()).toList());
    }

    @Test
    void aGraphModelFileRecordsTheUnclippedLossAndStopsOnIt(@TempDir Path tmp) throws IOException {
        // a Keras functional model (a ComputationGraph) at LRs that make it diverge: DL4J's score can't pass 23.03
        Path out = tmp.resolve("graph");
        CliRun run = CliRun.of("find", "--dataset", "iris", "--model", "keras:" + ModelFormsCliTest.fixture("functional_4_6_3.h5"),
                "--optimizer", "momentum:0.9", "--start", "1e-3", "--end", "1e4", "--iterations", "40", "--batch", "16",
                "--out", out.toString());
        assertThat(run.exitCode()).as(run.stderr()).isZero();
        List<RangePoint> points = RangeTestRecord.read(out).points();
        assertThat(points.get(points.size() - 1).loss()).isGreaterThan(-Math.log(1e-10));
        JsonNode s = new ObjectMapper().readTree(out.resolve("suggestions.json").toFile());
        assertThat(s.get("diverged").asBoolean()).isTrue();
        assertThat(s.get("stoppedAt").asInt()).isEqualTo(points.size() - 1).isLessThan(39);
    }

    @Test
    void anOutThatIsAFileIsBadInput(@TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "x");
        CliRun run = CliRun.of("find", "--dataset", "iris", "--iterations", "10", "--out", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("lrwb find: --out " + file + ": " + file + " is a file, not a folder");
    }

    private static void assertBadInput(Path tmp, String name, List<String> args, String expectedStart) {
        Path out = tmp.resolve("out-" + name);
        String[] all = concat(concat(new String[] {"find"}, args.toArray(String[]::new)), "--out", out.toString());
        CliRun run = CliRun.of(all);
        assertThat(run.exitCode()).as(name + ": " + run.stderr()).isEqualTo(2);
        assertThat(run.errLines()).as(name).hasSize(1);
        assertThat(run.stderr()).as(name).contains(expectedStart);
        assertThat(run.stdout()).as(name).isEmpty();
        assertThat(out).as(name + ": nothing written").doesNotExist();
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
