package lrwb.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lrwb.engine.train.TrainingRequest;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One cell of a sweep: an ordinary training request (its schedule already scaled to the cell's LR) plus the axis
 * values that made it.
 *
 * @param index      0-based place in the grid's cartesian product (the last axis varies fastest)
 * @param axisValues axis name -> the value as text, in the order the axes were written ({@code lr -> 0.01})
 * @param peakLr     the largest LR of the cell's schedule over its run: the {@code lr} axis value when there is one
 */
public record SweepCell(int index, TrainingRequest request, Map<String, String> axisValues, double peakLr) {
    static final String INDEX = "index";
    static final String REQUEST = "request";
    static final String AXIS_VALUES = "axisValues";
    static final String PEAK_LR = "peakLr";

    public SweepCell {
        if (index < 0) {
            throw new IllegalArgumentException("a cell index must be >= 0 (got " + index + ")");
        }
        Objects.requireNonNull(request, "request");
        axisValues = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(axisValues));
    }

    /** {@code 0007}: the cell's run folder is {@code DIR/cells/0007}. */
    public String folderName() {
        return String.format(java.util.Locale.ROOT, "%04d", index);
    }

    /** The axis values as people read them: {@code lr=0.01, optimizer=adam}. */
    public String label() {
        return axisValues.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** For sweep.json, and for shipping the cell to a Spark task as text. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put(INDEX, index);
        o.set(REQUEST, request.toJson());
        ObjectNode values = o.putObject(AXIS_VALUES);
        axisValues.forEach(values::put);
        o.put(PEAK_LR, peakLr);
        return o;
    }

    /**
     * Reads what {@link #toJson} wrote; {@code fromJson(c.toJson())} equals {@code c}.
     *
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    public static SweepCell fromJson(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("a cell must be a JSON object");
        }
        JsonNode index = n.get(INDEX);
        if (index == null || !index.canConvertToInt() || !index.isIntegralNumber()) {
            throw new IllegalArgumentException("cell.index is missing or not an integer");
        }
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode given = n.path(AXIS_VALUES);
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            values.put(e.getKey(), e.getValue().asText());
        }
        JsonNode peak = n.get(PEAK_LR);
        if (peak == null || !peak.isNumber()) {
            throw new IllegalArgumentException("cell.peakLr is missing or not a number");
        }
        return new SweepCell(index.asInt(), TrainingRequest.fromJson(n.get(REQUEST)), values, peak.asDouble());
    }
}
