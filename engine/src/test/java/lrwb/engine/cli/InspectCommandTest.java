package lrwb.engine.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code lrwb inspect} end to end on tiny runs the test trains, and its one-line refusals. */
class InspectCommandTest {
    @TempDir
    static Path runs;
    private static Path cnnRun;
    private static Path moonsRun;

    @TempDir
    Path tmp;

    @BeforeAll
    static void trainTinyRuns() {
        cnnRun = runs.resolve("cnn");
        CliRun cnn = CliRun.of("train", "--dataset", "shapes:samples=200,size=16", "--model", "cnn", "--batch", "16",
                "--lr", "0.01", "--epochs", "1", "--out", cnnRun.toString());
        assertThat(cnn.exitCode()).as(cnn.stderr()).isZero();
        moonsRun = runs.resolve("moons");
        CliRun moons = CliRun.of("train", "--dataset", "moons", "--model", "mlp:16", "--batch", "32", "--lr", "0.1",
                "--epochs", "2", "--out", moonsRun.toString());
        assertThat(moons.exitCode()).as(moons.stderr()).isZero();
    }

    /**
     * The predictions run on our lean layers (as the job validated), so they agree with the accuracy the run recorded
     * for its last epoch, whose parameters model.zip holds.
     */
    @Test
    void theInspectionsPredictionsAreTheRunsOwnValidation() throws IOException {
        lrwb.engine.inspect.RunInspection inspection = lrwb.engine.inspect.RunInspection.open(cnnRun);
        lrwb.engine.inspect.ValidationPredictions predictions = inspection.predictions();
        int correct = 0;
        for (int i = 0; i < predictions.trueClasses().length; i++) {
            correct += predictions.trueClasses()[i] == predictions.predictedClasses()[i] ? 1 : 0;
        }
        java.util.List<lrwb.engine.train.EpochMetrics> epochs = lrwb.engine.run.TrainingRecord.read(cnnRun).epochs();
        double recorded = epochs.get(epochs.size() - 1).valAccuracy();
        assertThat((double) correct / predictions.trueClasses().length).isEqualTo(recorded);
        // the saved network itself stays on DL4J's stock layers (Grad-CAM and the activations read it)
        assertThat(inspection.network().asLayerList().orElseThrow().getLayer(0))
                .isExactlyInstanceOf(org.deeplearning4j.nn.layers.convolution.ConvolutionLayer.class);
    }

    @Test
    void aShapesCnnRunGivesTheTablesTheGridAndGradCam() throws IOException {
        Path out = tmp.resolve("inspect");
        CliRun run = CliRun.of("inspect", cnnRun.toString(), "--out", out.toString(), "--limit", "8");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.stderr()).contains("lrwb inspect: Grad-CAM at layer 2: conv 5x5, 16 filters, of the class's logit");
        assertThat(run.lines().get(0)).matches("validation accuracy \\d\\.\\d{4}: \\d+ of 40 misclassified");
        List<String> confusion = Files.readAllLines(out.resolve("confusion.csv"));
        assertThat(confusion.get(0)).startsWith("true\\predicted,");
        int classes = confusion.get(0).split(",").length - 1;
        assertThat(confusion).hasSize(1 + classes);
        long total = confusion.stream().skip(1).flatMap(l -> java.util.Arrays.stream(l.split(",")).skip(1))
                .mapToLong(Long::parseLong).sum();
        assertThat(total).isEqualTo(40); // shapes:samples=200 keeps 20% for validation
        List<String> wrong = Files.readAllLines(out.resolve("misclassified.csv"));
        assertThat(wrong.get(0)).isEqualTo("index,true,predicted,confidence");
        List<Double> confidences = wrong.stream().skip(1).map(l -> Double.parseDouble(l.substring(l.lastIndexOf(',') + 1))).toList();
        assertThat(confidences).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(run.lines().get(0)).contains(": " + confidences.size() + " of 40");
        if (!confidences.isEmpty()) {
            BufferedImage grid = ImageIO.read(out.resolve("misclassified.png").toFile());
            BufferedImage cam = ImageIO.read(out.resolve("gradcam.png").toFile());
            assertThat(cam.getWidth()).isEqualTo(grid.getWidth());
            assertThat(cam.getHeight()).isEqualTo(grid.getHeight());
        }
        assertThat(out.resolve("boundary.png")).doesNotExist();
    }

    @Test
    void aMoonsRunGivesItsDecisionBoundary() throws IOException {
        Path out = tmp.resolve("inspect");
        CliRun run = CliRun.of("inspect", moonsRun.toString(), "--out", out.toString());

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        BufferedImage boundary = ImageIO.read(out.resolve("boundary.png").toFile());
        assertThat(boundary.getWidth()).isEqualTo(600);
        assertThat(out.resolve("misclassified.png")).doesNotExist();
        assertThat(Files.readAllLines(out.resolve("confusion.csv")).get(0)).isEqualTo("true\\predicted,upper,lower");
    }

    @Test
    void aMoonsRunGivesItsBoundaryAfterChosenEpochs() throws IOException {
        Path out = tmp.resolve("inspect");
        CliRun run = CliRun.of("inspect", moonsRun.toString(), "--out", out.toString(), "--boundary-epochs", "all");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        assertThat(run.lines()).contains("wrote " + out.resolve("boundary-epoch-0001.png"), "wrote " + out.resolve("boundary-epoch-0002.png"));
        BufferedImage first = ImageIO.read(out.resolve("boundary-epoch-0001.png").toFile());
        BufferedImage last = ImageIO.read(out.resolve("boundary-epoch-0002.png").toFile());
        BufferedImage saved = ImageIO.read(out.resolve("boundary.png").toFile());
        assertThat(pixels(last)).as("the last epoch is the saved network").containsExactly(pixels(saved));
        assertThat(pixels(first)).isNotEqualTo(pixels(saved));

        assertRefused(List.of("inspect", moonsRun.toString(), "--out", tmp.resolve("o").toString(), "--boundary-epochs", "1,3"),
                "lrwb inspect: --boundary-epochs 3: not recorded; the run recorded epochs 1 to 2");
        assertRefused(List.of("inspect", moonsRun.toString(), "--out", tmp.resolve("o").toString(), "--boundary-epochs", "last"),
                "lrwb inspect: --boundary-epochs must be 'all' or epochs from 1 separated by commas (got 'last')");
        assertRefused(List.of("inspect", cnnRun.toString(), "--out", tmp.resolve("o").toString(), "--boundary-epochs", "all"),
                "lrwb inspect: --boundary-epochs needs a run on 2-D data; shapes is not");
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void aLayerThatIsNotConvolutionalIsRefusedByName() {
        Path out = tmp.resolve("inspect");
        CliRun run = CliRun.of("inspect", cnnRun.toString(), "--out", out.toString(), "--layer", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("lrwb inspect: --layer 1 (subsampling) is not convolutional;"
                + " convolutional layers: 0: conv 5x5, 8 filters, 2: conv 5x5, 16 filters");
        assertThat(out).doesNotExist();
    }

    @Test
    void aDenseNetworkHasNoGradCamLayer() {
        CliRun run = CliRun.of("inspect", moonsRun.toString(), "--out", tmp.resolve("x").toString(), "--layer", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("lrwb inspect: Grad-CAM needs image data; moons is tabular");
    }

    @Test
    void foldersThatAreNoTrainingRunsAreRefused() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertRefused(List.of("inspect", empty.toString(), "--out", tmp.resolve("o").toString()),
                "lrwb inspect: " + empty + ": not a run folder (no run.json)");
        assertRefused(List.of("inspect", tmp.resolve("nowhere").toString(), "--out", tmp.resolve("o").toString()),
                "lrwb inspect: RUNDIR " + tmp.resolve("nowhere") + ": no such folder");

        Path range = tmp.resolve("range");
        CliRun find = CliRun.of("find", "--dataset", "iris", "--model", "mlp:4", "--iterations", "20", "--out", range.toString());
        assertThat(find.exitCode()).as(find.stderr()).isZero();
        assertRefused(List.of("inspect", range.toString(), "--out", tmp.resolve("o").toString()),
                "lrwb inspect: " + range + ": a range test folder; inspect reads training runs (they save model.zip)");

        Path noModel = Files.createDirectories(tmp.resolve("no-model"));
        Files.copy(moonsRun.resolve("run.json"), noModel.resolve("run.json"));
        assertRefused(List.of("inspect", noModel.toString(), "--out", tmp.resolve("o").toString()),
                "lrwb inspect: " + noModel + ": no model.zip (a training run saves its network at the end of each epoch;"
                        + " this one ended before its first)");
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingIsRead() throws IOException {
        Path file = Files.writeString(tmp.resolve("file.txt"), "x");
        assertRefused(List.of("inspect", moonsRun.toString(), "--out", file.toString()),
                "lrwb inspect: --out " + file + ": is a file, not a folder");
        assertRefused(List.of("inspect", moonsRun.toString(), "--out", tmp.resolve("o").toString(), "--limit", "0"),
                "lrwb inspect: --limit must be an integer >= 1 (got 0)");
        assertRefused(List.of("inspect", moonsRun.toString(), "--out", ""), "lrwb inspect: --out must be a folder, not ''");
    }

    private void assertRefused(List<String> args, String message) {
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly(message);
        assertThat(run.stdout()).isEmpty();
        assertThat(tmp.resolve("o")).doesNotExist();
    }
}
