package lrwb.app.runs;

import lrwb.engine.finder.RangeTestConfig;
import lrwb.engine.finder.RangeTestRequest;
import lrwb.engine.run.RunFiles;
import lrwb.engine.run.RunFolder;
import lrwb.engine.run.RunInfo;
import lrwb.engine.run.RunKind;
import lrwb.engine.run.RunStatus;
import lrwb.engine.train.TrainingRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Run folders written as the engine's recorders write them, with synthetic metrics (no network is trained), for
 * tests of what the app reads. The layout comes from {@link RunFiles}; run.json from {@link RunInfo#toJson()}.
 */
public final class RecordFixtures {
    private RecordFixtures() {
    }

    /** A training run of {@code epochs} epochs of 8 updates; the last epoch's val accuracy is {@code bestAcc}. */
    public static Path training(Path runs, LocalDateTime when, TrainingRequest request, int epochs, double bestAcc, String divergence)
            throws IOException {
        Path dir = RunFolder.create(runs, RunKind.TRAINING.json(), request.name(), when);
        StringBuilder iterations = new StringBuilder(RunFiles.ITERATIONS_HEADER).append('\n');
        StringBuilder epochRows = new StringBuilder(RunFiles.EPOCHS_HEADER).append('\n');
        long it = 0;
        for (int e = 0; e < epochs; e++) {
            for (int b = 0; b < 8; b++, it++) {
                iterations.append(it).append(',').append(e).append(',').append(request.schedule().initialLr() / (1 + it))
                        .append(',').append(1.0 / (1 + it)).append('\n');
            }
            epochRows.append(e).append(",0.1,").append(1.0 / (e + 1)).append(',').append(bestAcc).append(',')
                    .append(1.2 / (e + 1)).append(',').append(e == epochs - 1 ? bestAcc : bestAcc / 2).append(",0.1\n");
        }
        Files.writeString(dir.resolve(RunFiles.ITERATIONS), iterations);
        Files.writeString(dir.resolve(RunFiles.EPOCHS), epochRows);
        Files.writeString(dir.resolve(RunFiles.EVENTS), RunFiles.EVENTS_HEADER + "\n");
        var config = request.toJson().put("stepsPerEpoch", 8).put("trainSize", 120).put("validationSize", 30);
        Instant start = when.toInstant(ZoneOffset.UTC);
        writeInfo(dir, new RunInfo(RunKind.TRAINING, request.name(), divergence == null ? RunStatus.FINISHED : RunStatus.DIVERGED,
                config, start, start.plusSeconds(3), divergence == null ? "finished " + epochs + " epochs" : divergence, 1, null));
        return dir;
    }

    /** A range test of 50 points that ended diverged. */
    static Path rangeTest(Path runs, LocalDateTime when, RangeTestRequest request) throws IOException {
        Path dir = RunFolder.create(runs, RunKind.RANGE_TEST.json(), request.shortName(), when);
        StringBuilder rows = new StringBuilder(RunFiles.RANGE_HEADER).append('\n');
        RangeTestConfig c = request.config();
        for (int i = 0; i < 50; i++) {
            rows.append(i).append(',').append(c.lr(i)).append(",1.0,1.0\n");
        }
        Files.writeString(dir.resolve(RunFiles.RANGE), rows);
        Instant start = when.toInstant(ZoneOffset.UTC);
        writeInfo(dir, new RunInfo(RunKind.RANGE_TEST, request.shortName(), RunStatus.DIVERGED,
                request.toJson().put("stepsPerEpoch", 8), start, start.plusSeconds(1), "diverged", 1, null));
        return dir;
    }

    /** A training run still being written by this very process. */
    static Path live(Path runs, LocalDateTime when, TrainingRequest request) throws IOException {
        Path dir = RunFolder.create(runs, RunKind.TRAINING.json(), "live", when);
        Files.writeString(dir.resolve(RunFiles.ITERATIONS), RunFiles.ITERATIONS_HEADER + "\n");
        Files.writeString(dir.resolve(RunFiles.EPOCHS), RunFiles.EPOCHS_HEADER + "\n");
        writeInfo(dir, new RunInfo(RunKind.TRAINING, "live", RunStatus.RUNNING, request.toJson(), Instant.now(), null, null,
                ProcessHandle.current().pid(), ProcessHandle.current().info().startInstant().orElse(null)));
        return dir;
    }

    static void writeInfo(Path dir, RunInfo info) throws IOException {
        Files.writeString(dir.resolve(RunFiles.RUN_JSON), info.toJson().toPrettyString() + "\n");
    }
}
