package lrwb.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** --normalize and --augment: recorded in run.json, refused on tabular data and when malformed. */
class ImageOptionsCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aTrainingRunRecordsTheAugmentationAndTheChannelStatistics() throws IOException {
        Path out = tmp.resolve("run");
        CliRun run = CliRun.of("train", "--dataset", "shapes:samples=64,size=16", "--model", "cnn", "--batch", "16",
                "--lr", "0.01", "--epochs", "1", "--normalize", "standard", "--augment", "crop:2,flip,cutout:4",
                "--out", out.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode json = JSON.readTree(out.resolve("run.json").toFile());
        JsonNode dataset = json.findValue("dataset");
        assertThat(dataset.path("normalize").asText()).isEqualTo("standard");
        assertThat(dataset.path("augment").asText()).isEqualTo("crop:2,flip,cutout:4");
        JsonNode normalization = json.findValue("normalization");
        assertThat(normalization.path("method").asText()).isEqualTo("standard");
        assertThat(normalization.path("means")).hasSize(3);
        assertThat(normalization.path("stds")).hasSize(3);
        assertThat(normalization.path("means").get(0).asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void aRangeTestRecordsUnitNormalisationOfImages() throws IOException {
        Path out = tmp.resolve("find");
        CliRun run = CliRun.of("find", "--dataset", "shapes:samples=64,size=16", "--model", "cnn", "--batch", "16",
                "--iterations", "10", "--augment", "cutout", "--out", out.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode json = JSON.readTree(out.resolve("run.json").toFile());
        assertThat(json.findValue("normalization").path("method").asText()).isEqualTo("unit");
        assertThat(json.findValue("normalization").has("means")).isFalse();
        assertThat(json.findValue("dataset").path("augment").asText()).isEqualTo("cutout");
    }

    @Test
    void tabularDataAndMalformedOptionsAreRefusedWithOneLine() {
        assertRefused(List.of("train", "--dataset", "iris", "--lr", "0.1", "--epochs", "1", "--augment", "flip"),
                "lrwb train: iris: augment applies to image data only");
        assertRefused(List.of("find", "--dataset", "moons", "--normalize", "standard"),
                "lrwb find: moons: normalize applies to image data only (tabular features are always standardised on the training split)");
        assertRefused(List.of("find", "--dataset", "shapes", "--augment", "crop:0"),
                "lrwb find: --augment crop must be an integer in [1, 1024] (got 0)");
        assertRefused(List.of("find", "--dataset", "shapes", "--augment", ""),
                "lrwb find: --augment must name at least one of " + lrwb.engine.data.Augmentation.FORMS);
        assertRefused(List.of("find", "--dataset", "shapes", "--normalize", "minmax"),
                "lrwb find: --normalize must be unit or standard (got 'minmax')");
    }

    private void assertRefused(List<String> args, String line) {
        Path out = tmp.resolve("refused");
        List<String> all = new java.util.ArrayList<>(args);
        all.addAll(List.of("--out", out.toString()));
        CliRun run = CliRun.of(all.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
        assertThat(run.errLines()).containsExactly(line);
        assertThat(out).doesNotExist();
    }
}
