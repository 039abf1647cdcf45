package lrwb.app.training;

import javafx.scene.paint.Color;
import lrwb.engine.run.IterationTable;
import lrwb.engine.run.RunConfig;
import lrwb.engine.run.RunRecord;
import lrwb.engine.run.TrainingRecord;
import lrwb.engine.train.EpochMetrics;
import lrwb.engine.train.TrainingEvent;
import lrwb.engine.train.TrainingPlan;

import java.nio.file.Path;

/** Turns a training run's folder, read back, into a {@link TrainingRun} with the same curves and marks as when it ran. */
final class RecordedRun {
    private RecordedRun() {
    }

    static TrainingRun toRun(TrainingRecord record, Path dir, int number, Color color) {
        RunRecord run = record.run();
        TrainingRun shown = new TrainingRun(number, run.name(), null, color);
        IterationTable rows = record.iterations();
        RunConfig config = run.config();
        int stepsPerEpoch = config.stepsPerEpoch();
        if (stepsPerEpoch <= 0) {
            int count = 0;
            for (int e : rows.epoch()) {
                count += e == 0 ? 1 : 0;
            }
            stepsPerEpoch = count;
        }
        shown.series().setStepsPerEpoch(stepsPerEpoch);
        for (int i = 0; i < rows.size(); i++) {
            shown.series().add(rows.iteration()[i], rows.lr()[i], rows.loss()[i]);
        }
        for (EpochMetrics m : record.epochs()) {
            shown.series().add(m);
        }
        for (TrainingEvent e : record.events()) {
            switch (e.kind()) {
                case LR_OVERRIDDEN, LR_OVERRIDE_CLEARED, PLATEAU_REDUCTION -> shown.marks().add(e);
                default -> {
                }
            }
        }
        RunState state = RunState.of(run.status());
        String message = state == RunState.RUNNING ? "Still running: these are its curves as recorded so far."
                : TrainingRun.endMessage(state, run.info().message());
        if (run.isDamaged()) {
            message = message + " Damaged record: " + String.join("; ", run.problems());
        }
        int epochs = config.training() == null ? Math.max(1, record.epochs().size()) : config.training().epochs();
        TrainingPlan plan = new TrainingPlan(config.data() == null ? "?" : config.data().source(), config.trainSize(),
                config.validationSize(), Math.max(1, stepsPerEpoch), epochs, java.util.List.of());
        shown.showRecorded(state, message, dir, plan, run.duration().toMillis() / 1000.0);
        return shown;
    }
}
