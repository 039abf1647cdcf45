package lrwb.app.training;

import com.fasterxml.jackson.databind.node.ObjectNode;
import javafx.scene.paint.Color;
import lrwb.engine.run.RunInfo;
import lrwb.engine.run.RunStatus;
import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.TrainingEvent;
import lrwb.engine.train.TrainingPlan;
import lrwb.engine.train.TrainingRecord;

import java.nio.file.Path;
import java.util.List;

/** Turns a training run's folder, read back, into a {@link TrainingRun} with the same curves and marks as when it ran. */
final class RecordedRun {
    private RecordedRun() {
    }

    static TrainingRun toRun(TrainingRecord record, Path dir, int number, Color color) {
        RunInfo info = record.info();
        TrainingRun run = new TrainingRun(number, info.name(), null, color);
        List<double[]> rows = record.iterations().rows();
        ObjectNode config = info.config();
        int stepsPerEpoch = config.path("stepsPerEpoch").asInt(0);
        if (stepsPerEpoch <= 0) {
            stepsPerEpoch = (int) rows.stream().filter(r -> r[1] == 0).count();
        }
        run.series().setStepsPerEpoch(stepsPerEpoch);
        for (double[] r : rows) {
            run.series().add((long) r[0], r[2], r[3]);
        }
        for (EpochMetrics m : record.epochs()) {
            run.series().add(m);
        }
        for (TrainingEvent e : record.events()) {
            switch (e.kind()) {
                case LR_OVERRIDDEN, LR_OVERRIDE_CLEARED, PLATEAU_REDUCTION -> run.marks().add(e);
                default -> {
                }
            }
        }
        RunState state = RunState.of(liveness(info));
        String message = state == RunState.RUNNING ? "Still running: these are its curves as recorded so far."
                : state == RunState.INTERRUPTED && info.message() == null
                ? TrainingRun.endMessage(state, "the process that ran it ended without finishing it (killed or crashed)")
                : TrainingRun.endMessage(state, info.message());
        TrainingPlan plan = new TrainingPlan(config.path("dataset").path("source").asText("?"), config.path("trainSize").asInt(0),
                config.path("validationSize").asInt(0), Math.max(1, stepsPerEpoch), Math.max(1, config.path("epochs").asInt(1)));
        run.showRecorded(state, message, dir, plan, info.duration().toMillis() / 1000.0);
        return run;
    }

    /** A run still marked running by a process that is gone was interrupted. */
    private static RunStatus liveness(RunInfo info) {
        if (info.status() != RunStatus.RUNNING) {
            return info.status();
        }
        boolean alive = info.pid() > 0 && ProcessHandle.of(info.pid()).map(ProcessHandle::isAlive).orElse(false);
        return alive ? RunStatus.RUNNING : RunStatus.INTERRUPTED;
    }
}
