package lrwb.app.designer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lrwb.engine.schedule.ScheduleJson;

/**
 * Structural edits of a sequential's JSON tree: add, remove, retype and reorder its parts while the milestones
 * stay one fewer than the parts and ascending. Each edit returns a new tree; whether it is a valid spec is for
 * {@link ScheduleJson#read} to say, as for any other edit of the form.
 */
final class SequentialParts {
    private SequentialParts() {
    }

    /** The parts of the tree (created empty when absent, so a broken tree can still be repaired). */
    static ArrayNode parts(ObjectNode tree) {
        return tree.get("schedules") instanceof ArrayNode a ? a : tree.putArray("schedules");
    }

    static ArrayNode milestones(ObjectNode tree) {
        return tree.get("milestones") instanceof ArrayNode a ? a : tree.putArray("milestones");
    }

    /**
     * Appends a part of {@code type} that takes over {@code length} steps (in the sequential's unit) after the
     * current last milestone, or after {@code length} steps when there is only one part so far. The new part
     * starts from the LR of the part before it, so a chain does not jump unless the user asks it to.
     */
    static ObjectNode add(ObjectNode tree, String type, long length) {
        ObjectNode copy = tree.deepCopy();
        ArrayNode parts = parts(copy);
        ArrayNode milestones = milestones(copy);
        ObjectNode part = starter(type);
        if (!parts.isEmpty()) {
            carryPeak(parts.get(parts.size() - 1), part);
            long last = 0;
            for (JsonNode m : milestones) {
                if (m.isNumber()) {
                    last = Math.max(last, m.longValue());
                }
            }
            milestones.add(last + Math.max(1, length));
        }
        parts.add(part);
        return copy;
    }

    /** Removes part {@code index} and the milestone that starts it (the first milestone for the first part). */
    static ObjectNode remove(ObjectNode tree, int index) {
        ObjectNode copy = tree.deepCopy();
        ArrayNode parts = parts(copy);
        ArrayNode milestones = milestones(copy);
        parts.remove(index);
        int milestone = index == 0 ? 0 : index - 1;
        if (milestone < milestones.size()) {
            milestones.remove(milestone);
        }
        return copy;
    }

    /**
     * Replaces part {@code index} by the starter of {@code type}, keeping its peak LR ({@code lr}, else
     * {@code maxLr}) where the new type has one, and its unit.
     */
    static ObjectNode changeType(ObjectNode tree, int index, String type) {
        ObjectNode copy = tree.deepCopy();
        ArrayNode parts = parts(copy);
        JsonNode old = parts.get(index);
        ObjectNode part = starter(type);
        carryPeak(old, part);
        if (old.has("unit")) {
            part.set("unit", old.get("unit"));
        }
        parts.set(index, part);
        return copy;
    }

    /** Swaps part {@code index} with its neighbour {@code index + delta}; the milestones (the time slots) stay. */
    static ObjectNode move(ObjectNode tree, int index, int delta) {
        ObjectNode copy = tree.deepCopy();
        ArrayNode parts = parts(copy);
        int other = index + delta;
        JsonNode a = parts.get(index);
        parts.set(index, parts.get(other));
        parts.set(other, a);
        return copy;
    }

    static String typeOf(ObjectNode tree, int index) {
        return parts(tree).path(index).path("type").asText();
    }

    private static ObjectNode starter(String type) {
        if (!ScheduleTypes.PART_TYPES.contains(type)) {
            throw new IllegalArgumentException("a part of a sequential cannot be " + type + "; allowed: " + ScheduleTypes.PART_TYPES);
        }
        return (ObjectNode) ScheduleJson.toTree(ScheduleTypes.of(type).starter());
    }

    /** Puts the LR the part {@code from} peaks at into {@code to}'s {@code lr} or {@code maxLr}, where it has one. */
    private static void carryPeak(JsonNode from, ObjectNode to) {
        JsonNode peak = from.has("lr") ? from.get("lr") : from.get("maxLr");
        if (peak == null || !peak.isNumber() || peak.doubleValue() <= 0) {
            return;
        }
        if (to.has("lr")) {
            to.set("lr", peak);
        } else if (to.has("maxLr")) {
            to.set("maxLr", peak);
            // A cyclic part must stay above its base: keep the starter's ratio when the peak is below it.
            JsonNode base = to.get("baseLr");
            if (base != null && base.doubleValue() >= peak.doubleValue()) {
                to.put("baseLr", peak.doubleValue() / 10);
            }
        }
    }
}
