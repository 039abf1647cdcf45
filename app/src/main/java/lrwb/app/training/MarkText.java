package lrwb.app.training;

import lrwb.app.chart.NumberLabels;
import lrwb.engine.train.TrainingEvent;

/** The short label a chart marker shows for an LR change; the full sentence is in the event's message. */
final class MarkText {
    private MarkText() {
    }

    static String of(TrainingRun run, TrainingEvent e) {
        String who = "#" + run.number() + " ";
        return switch (e.kind()) {
            case LR_OVERRIDDEN -> who + "set " + NumberLabels.significant(e.lr(), 3);
            case LR_OVERRIDE_CLEARED -> who + "schedule";
            case PLATEAU_REDUCTION -> who + "plateau → " + NumberLabels.significant(e.lr(), 3);
            default -> who + e.kind().name().toLowerCase();
        };
    }
}
