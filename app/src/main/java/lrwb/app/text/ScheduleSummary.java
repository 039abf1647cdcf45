package lrwb.app.text;

import com.fasterxml.jackson.databind.JsonNode;
import lrwb.app.chart.NumberLabels;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;

/**
 * A schedule in a few words for names, legends and table cells: its type and the LR that matters most
 * ("constant 0.01", "cosine 0.1", "cyclic 0.001–0.1", "oneCycle max 0.3"). The full spec is in run.json.
 */
public final class ScheduleSummary {
    private ScheduleSummary() {
    }

    public static String of(ScheduleSpec spec) {
        return of(ScheduleJson.toTree(spec));
    }

    /** From the JSON form (as run.json records it); "–" when there is none. */
    public static String of(JsonNode spec) {
        if (spec == null || !spec.isObject() || !spec.path("type").isTextual()) {
            return "–";
        }
        String type = spec.path("type").asText();
        if (spec.path("baseLr").isNumber() && spec.path("maxLr").isNumber()) {
            return type + " " + lr(spec, "baseLr") + "–" + lr(spec, "maxLr");
        }
        if (spec.path("maxLr").isNumber()) {
            return type + " max " + lr(spec, "maxLr");
        }
        if (spec.path("lr").isNumber()) {
            return type + " " + lr(spec, "lr");
        }
        if (spec.path("values").isArray() && !spec.path("values").isEmpty()) {
            return type + " from " + NumberLabels.significant(spec.path("values").get(0).asDouble(), 3);
        }
        if (spec.path("schedules").isArray()) {
            StringBuilder b = new StringBuilder(type).append(':');
            for (JsonNode part : spec.path("schedules")) {
                b.append(' ').append(part.path("type").asText("?"));
            }
            return b.toString();
        }
        return type;
    }

    private static String lr(JsonNode spec, String field) {
        return NumberLabels.significant(spec.path(field).asDouble(), 3);
    }
}
