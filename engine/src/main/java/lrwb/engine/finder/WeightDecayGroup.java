package lrwb.engine.finder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lrwb.engine.model.OptimizerSetting;
import lrwb.engine.schedule.NumberText;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Range tests of one configuration at several weight decays (Smith's "disciplined approach": the valley moves with
 * wd), to overlay: the same data, model, optimizer, seed and sweep, only the optimizer's {@code wd} differs
 * (specs/lr-finder.md "Weight-decay groups"). Each member is an ordinary range test with a run folder of its own;
 * its run.json names the group ({@link #toJson}).
 *
 * @param id           what the members' run.json share, so a reader can gather them (the CLI: the --out folder's
 *                     name; the app: when the group started)
 * @param weightDecays in the order given, each a finite number >= 0, no two equal
 */
public record WeightDecayGroup(String id, List<Double> weightDecays) {
    /** More would make an overlay nobody can read, and a test many minutes long. */
    public static final int MAX_MEMBERS = 8;
    public static final String RULE = "must be a comma-separated list of 1 to " + MAX_MEMBERS
            + " distinct numbers >= 0, e.g. 0,1e-4,1e-3";
    // A plain decimal only: Java would also accept "NaN", "0x1p-1" or "1d".
    private static final String DECIMAL = "[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?";

    public WeightDecayGroup {
        Objects.requireNonNull(id, "id");
        weightDecays = List.copyOf(weightDecays);
        if (weightDecays.isEmpty() || weightDecays.size() > MAX_MEMBERS
                || new LinkedHashSet<>(weightDecays).size() != weightDecays.size()
                || !weightDecays.stream().allMatch(w -> Double.isFinite(w) && w >= 0)) {
            throw new IllegalArgumentException("weightDecays " + RULE + " (got " + text(weightDecays) + ")");
        }
    }

    /**
     * Reads {@code 0,1e-4,1e-3}.
     *
     * @throws IllegalArgumentException "weightDecays must be ... (got '...')"
     */
    public static WeightDecayGroup parse(String id, String text) {
        List<Double> values = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (!part.strip().matches(DECIMAL)) {
                throw new IllegalArgumentException("weightDecays " + RULE + " (got '" + text + "')");
            }
            values.add(Double.parseDouble(part.strip()));
        }
        try {
            return new WeightDecayGroup(id, values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("weightDecays " + RULE + " (got '" + text + "')");
        }
    }

    /** {@code base} with the optimizer's wd set to {@code wd}: everything else, the seed included, stays. */
    public static RangeTestRequest member(RangeTestRequest base, double wd) {
        return new RangeTestRequest(base.data(), base.model(), base.optimizer().with(OptimizerSetting.WD, wd),
                base.batchSize(), base.config());
    }

    /** The members' requests, in the group's order. */
    public List<RangeTestRequest> members(RangeTestRequest base) {
        return weightDecays.stream().map(wd -> member(base, wd)).toList();
    }

    /** A member's folder inside the group's: {@code wd-0}, {@code wd-1e-4}, {@code wd-0.001}. */
    public static String folderName(double wd) {
        return "wd-" + NumberText.of(wd);
    }

    /** A member's legend and label: {@code wd 1e-4}. */
    public static String label(double wd) {
        return "wd " + NumberText.of(wd);
    }

    /** What a member's run.json records under {@code group}: the group's id and all its weight decays, and its own. */
    public ObjectNode toJson(double wd) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("by", "wd");
        o.put("id", id);
        ArrayNode all = o.putArray("weightDecays");
        weightDecays.forEach(all::add);
        o.put("weightDecay", wd);
        return o;
    }

    /** The wd a member's run.json records under {@code group}, or NaN when it belongs to no group. */
    public static double weightDecayOf(JsonNode config) {
        JsonNode w = config == null ? null : config.path("group").get("weightDecay");
        return w != null && w.isNumber() ? w.asDouble() : Double.NaN;
    }

    private static String text(List<Double> values) {
        return String.join(",", values.stream().map(v -> v == null ? "null" : NumberText.of(v)).toList());
    }
}
