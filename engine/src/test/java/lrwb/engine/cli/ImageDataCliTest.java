package lrwb.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The image sources on the command line: a CNN trains on shapes, cifar and image folders load, bad files exit 2. */
class ImageDataCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void theCnnTrainsOnShapesAndRunJsonRecordsTheSource() throws IOException {
        Path out = tmp.resolve("run");
        CliRun run = CliRun.of("train", "--dataset", "shapes:samples=64,size=16", "--model", "cnn", "--batch", "16",
                "--lr", "0.01", "--epochs", "1", "--out", out.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.lines().get(run.lines().size() - 1)).isEqualTo("finished: " + out.resolve("epochs.csv"));
        JsonNode dataset = JSON.readTree(out.resolve("run.json").toFile()).path("request").path("dataset");
        if (dataset.isMissingNode()) {
            dataset = JSON.readTree(out.resolve("run.json").toFile()).findValue("dataset");
        }
        assertThat(dataset.path("source").asText()).isEqualTo("shapes:samples=64,size=16");
        assertThat(Files.readAllLines(out.resolve("iterations.csv"))).hasSize(1 + 4); // 51 training images / 16
    }

    @Test
    void theCifarCnnFindsOnACifarFolder() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("cifar-10-batches-bin"));
        for (int b = 1; b <= 5; b++) {
            Files.write(dir.resolve("data_batch_" + b + ".bin"), records(b, 9 - b, b % 3));
        }
        Files.write(dir.resolve("test_batch.bin"), records(0, 1, 2, 3));
        Path out = tmp.resolve("find");
        CliRun run = CliRun.of("find", "--dataset", "cifar:" + dir, "--model", "cifar-cnn", "--batch", "5",
                "--iterations", "10", "--out", out.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(Files.readAllLines(out.resolve("range.csv"))).hasSizeGreaterThan(1);
    }

    @Test
    void aCifarFolderWithALimitIsStandardisedAndAugmented() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("cifar-10-batches-bin"));
        for (int b = 1; b <= 5; b++) {
            Files.write(dir.resolve("data_batch_" + b + ".bin"), records(b, 9 - b, b % 3));
        }
        Files.write(dir.resolve("test_batch.bin"), records(0, 1, 2, 3));
        Path out = tmp.resolve("find-standard");
        CliRun run = CliRun.of("find", "--dataset", "cifar:" + dir, "--model", "cifar-cnn", "--batch", "5", "--limit", "12",
                "--normalize", "standard", "--augment", "crop:4,flip,cutout", "--iterations", "10", "--out", out.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode normalization = JSON.readTree(out.resolve("run.json").toFile()).findValue("normalization");
        assertThat(normalization.path("means")).hasSize(3);
        assertThat(normalization.path("stds").get(2).asDouble()).isPositive();
    }

    @Test
    void badImageDataExitsWithOneLine() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("cifar"));
        for (int b = 1; b <= 5; b++) {
            Files.write(dir.resolve("data_batch_" + b + ".bin"), records(1, 2));
        }
        Files.write(dir.resolve("test_batch.bin"), new byte[3000]);
        assertRefused(List.of("find", "--dataset", "cifar:" + dir), "lrwb find: " + dir.resolve("test_batch.bin")
                + ": 3000 bytes is not a whole number of CIFAR-10 records of 3073 bytes (30730000 for a full batch of 10000);"
                + " the file is cut short or not CIFAR-10 binary");
        Path images = Files.createDirectories(tmp.resolve("images/cat"));
        Files.writeString(images.resolve("a.png"), "not a png");
        Files.createDirectories(tmp.resolve("images/dog"));
        Files.writeString(tmp.resolve("images/dog/b.png"), "not a png either");
        assertRefused(List.of("train", "--dataset", "images:" + tmp.resolve("images"), "--lr", "0.1", "--epochs", "1"),
                "lrwb train: " + images.resolve("a.png") + ": not a PNG or JPEG image javax.imageio can read");
        assertRefused(List.of("find", "--dataset", "shapes:size=2"), "lrwb find: shapes: size must be an integer in [8, 128] (got 2)");
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

    /** CIFAR-10 records of those labels, with pixels that differ by image. */
    private static byte[] records(int... labels) {
        byte[] bytes = new byte[labels.length * 3073];
        for (int r = 0; r < labels.length; r++) {
            bytes[r * 3073] = (byte) labels[r];
            for (int p = 0; p < 3072; p++) {
                bytes[r * 3073 + 1 + p] = (byte) (p * (labels[r] + 1));
            }
        }
        return bytes;
    }
}
