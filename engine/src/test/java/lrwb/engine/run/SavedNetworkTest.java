package lrwb.engine.run;

import lrwb.engine.data.DataOptions;
import lrwb.engine.data.Datasets;
import lrwb.engine.model.ModelSpec;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.runtime.EngineContext;
import lrwb.engine.schedule.ConstantSchedule;
import lrwb.engine.schedule.FormulaSchedule;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.TrainingRequest;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The model.zip a training run writes is a plain DL4J file holding the network as the run left it, and
 * {@code run:DIR} goes on from it under a schedule of its own.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SavedNetworkTest {
    private static final EngineContext ENGINE = EngineContext.create();
    private static final int EPOCHS = 4;
    private static final int STEPS_PER_EPOCH = 8; // 120 training rows of iris, batches of 16
    private final RunService service = new RunService(ENGINE);

    @AfterEach
    void close() {
        service.close();
    }

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    private static TrainingRequest iris(String model, String optimizer, ScheduleSpec schedule, int epochs) {
        return new TrainingRequest(DataOptions.of("iris"), ModelSpec.parse(model), OptimizerSpec.parse(optimizer), schedule,
                epochs, 16, 7, null);
    }

    private TrainingRecord train(TrainingRequest request, Path dir) throws IOException {
        RunOutcome outcome = service.startTraining(request, RunTarget.folder(dir, false), RunListener.NONE).await();
        assertThat(outcome.status()).as(outcome.message()).isEqualTo(RunStatus.FINISHED);
        return TrainingRecord.read(dir);
    }

    private static String configurationJson(Path zip) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            return new String(file.getInputStream(file.getEntry(ModelSerializer.CONFIGURATION_JSON)).readAllBytes(),
                    StandardCharsets.UTF_8);
        }
    }

    /** Cross-entropy of the network's softmax output, as epochs.csv's val_loss is computed (probabilities clipped at 1e-10). */
    private static double crossEntropy(MultiLayerNetwork net, DataSet split) {
        float[] p = net.output(split.getFeatures(), false).dup('c').data().asFloat();
        float[] y = split.getLabels().dup('c').data().asFloat();
        int classes = (int) split.getLabels().size(1);
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            if (y[i] != 0) {
                sum -= y[i] * Math.log(Math.max(p[i], 1e-10f));
            }
        }
        return sum / (p.length / classes);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sgd", "adam"})
    void theZipIsPlainDl4jWithTheCountersAndTheWeightsOfTheLastEpoch(String optimizer, @TempDir Path dir) throws IOException {
        TrainingRequest request = iris("mlp:16", optimizer, new ConstantSchedule(0.05), EPOCHS);
        TrainingRecord record = train(request, dir);
        Path zip = dir.resolve(RunFiles.MODEL);

        assertThat(configurationJson(zip)).doesNotContain("lrwb.").contains("org.deeplearning4j.nn.conf.layers.DenseLayer");
        MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(zip.toFile(), true);
        assertThat(net.getEpochCount()).isEqualTo(EPOCHS);
        assertThat(net.getIterationCount()).isEqualTo(EPOCHS * STEPS_PER_EPOCH);
        assertThat(record.iterations().size()).isEqualTo(EPOCHS * STEPS_PER_EPOCH);

        EpochMetrics last = record.epochs().get(record.epochs().size() - 1);
        assertThat(last.epoch()).isEqualTo(EPOCHS - 1);
        DataSet validation = Datasets.load(request.data()).validation();
        assertThat(crossEntropy(net, validation)).isCloseTo(last.valLoss(), within(1e-6));
        if (optimizer.equals("adam")) {
            assertThat(net.getUpdater().getStateViewArray().sumNumber().doubleValue()).as("Adam's moments saved").isNotZero();
        }
    }

    @Test
    void savedOnlyAtTheEndTheZipIsWrittenOnceAndHoldsWhatEveryEpochSavingEndsWith(@TempDir Path dir) throws IOException {
        TrainingRequest request = iris("mlp:16", "adam", new ConstantSchedule(0.05), EPOCHS);
        train(request, dir.resolve("every"));
        Path atEnd = dir.resolve("at-end");
        java.util.List<Boolean> zipDuringRun = new java.util.concurrent.CopyOnWriteArrayList<>();
        RunOutcome outcome = service.startTraining(request, RunTarget.folder(atEnd, false), new RunListener() {
            @Override
            public void onEpoch(EpochMetrics metrics) {
                zipDuringRun.add(java.nio.file.Files.exists(atEnd.resolve(RunFiles.MODEL)));
            }
        }, NetworkSaving.AT_END).await();

        assertThat(outcome.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(zipDuringRun).containsExactly(false, false, false, false);
        MultiLayerNetwork every = ModelSerializer.restoreMultiLayerNetwork(dir.resolve("every").resolve(RunFiles.MODEL).toFile(), true);
        MultiLayerNetwork once = ModelSerializer.restoreMultiLayerNetwork(atEnd.resolve(RunFiles.MODEL).toFile(), true);
        assertThat(once.getIterationCount()).isEqualTo(EPOCHS * STEPS_PER_EPOCH);
        assertThat(once.params().toFloatVector()).containsExactly(every.params().toFloatVector());
        assertThat(once.getUpdater().getStateViewArray().toFloatVector())
                .containsExactly(every.getUpdater().getStateViewArray().toFloatVector());
    }

    @Test
    void aSecondRunGoesOnFromTheWeightsUnderItsOwnScheduleFromIterationZero(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first");
        TrainingRecord before = train(iris("mlp:16", "adam", new ConstantSchedule(0.02), EPOCHS), first);
        String cosine = "{\"type\":\"cosine\",\"lr\":0.01,\"decaySteps\":16}";
        FormulaSchedule schedule = (FormulaSchedule) ScheduleJson.parse(cosine);
        TrainingRecord after = train(iris("run:" + first, "adam", schedule, 2), dir.resolve("second"));

        assertThat(after.run().config().training().model().describe()).isEqualTo("run:" + first);
        double[] firstLosses = before.iterations().loss();
        double firstRunStart = firstLosses[0];
        double firstRunEnd = Arrays.stream(firstLosses, firstLosses.length - STEPS_PER_EPOCH, firstLosses.length).max().orElseThrow();
        double secondRunStart = after.iterations().loss()[0];
        // The same first batch (same seed, same data order): trained weights make it far easier than fresh ones.
        assertThat(secondRunStart).as("first loss of the second run").isLessThan(1.25 * firstRunEnd)
                .isLessThan(0.6 * firstRunStart);

        IterationTableAssert.countsFromZeroUnder(after.iterations(), schedule, STEPS_PER_EPOCH);
        assertThat(after.iterations().lr()[0]).isEqualTo(schedule.lrAtIteration(0, STEPS_PER_EPOCH)).isEqualTo(0.01);

        MultiLayerNetwork continued = ModelSerializer.restoreMultiLayerNetwork(dir.resolve("second").resolve(RunFiles.MODEL).toFile(), true);
        assertThat(continued.getEpochCount()).as("epochs of both runs").isEqualTo(EPOCHS + 2);
        assertThat(continued.getIterationCount()).as("iterations of both runs").isEqualTo((EPOCHS + 2) * STEPS_PER_EPOCH);
    }

    @Test
    void aSecondRunWithAnotherOptimizerKeepsTheWeightsButSaysTheUpdaterStartsAfresh(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("first");
        TrainingRecord before = train(iris("mlp:16", "adam", new ConstantSchedule(0.02), EPOCHS), first);
        TrainingRecord after = train(iris("run:" + first, "sgd", new ConstantSchedule(0.05), 1), dir.resolve("second"));

        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("second").resolve(RunFiles.RUN_JSON).toFile())
                .path("config").path("modelNotes").toString())
                .isEqualTo("[\"the updater starts afresh: the file's updater state is for another optimizer or network\"]");
        assertThat(after.iterations().loss()[0]).isLessThan(0.6 * before.iterations().loss()[0]);
        MultiLayerNetwork continued = ModelSerializer.restoreMultiLayerNetwork(dir.resolve("second").resolve(RunFiles.MODEL).toFile(), true);
        assertThat(continued.getIterationCount()).as("a fresh updater counts from 0").isEqualTo(STEPS_PER_EPOCH);
    }

    /** iterations.csv of a run: rows 0, 1, 2, ... and each row's LR the schedule's at that row. */
    private static final class IterationTableAssert {
        static void countsFromZeroUnder(IterationTable table, FormulaSchedule schedule, int stepsPerEpoch) {
            assertThat(table.size()).isEqualTo(2 * stepsPerEpoch);
            for (int i = 0; i < table.size(); i++) {
                assertThat(table.iteration()[i]).isEqualTo(i);
                assertThat(table.epoch()[i]).isEqualTo(i / stepsPerEpoch);
                assertThat(table.lr()[i]).as("lr of row %d", i).isEqualTo(schedule.lrAtIteration(i, stepsPerEpoch));
            }
        }
    }

}
