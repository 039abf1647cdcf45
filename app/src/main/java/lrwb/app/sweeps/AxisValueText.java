package lrwb.app.sweeps;

import lrwb.app.text.ScheduleSummary;
import lrwb.engine.schedule.ScheduleJson;

/** An axis value as people read it: a schedule's summary ("step 0.1 ×0.5 every 10 epochs") rather than its JSON. */
final class AxisValueText {
    private AxisValueText() {
    }

    static String of(String value) {
        if (value != null && value.startsWith("{")) {
            try {
                return ScheduleSummary.of(ScheduleJson.parse(value));
            } catch (IllegalArgumentException e) {
                return value;
            }
        }
        return value;
    }
}
