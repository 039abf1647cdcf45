package lrwb.engine.sweep;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;
import lrwb.engine.train.TrainingRequest;

import java.util.List;

/**
 * A grid as a form composes it, typed: a base training request and the values of each axis (an empty list: no
 * such axis). {@link #toJson()} writes the grid JSON of specs/sweeps.md, so a program that builds grids (the
 * desktop app's Sweeps form) needs no JSON keys of its own; {@link #grid()} parses and validates it through
 * {@link SweepGrid#fromJson}, the one reader, whose messages name the cell, the field and the rule.
 *
 * <p>Axes are written schedule, optimizer, lr, seed: the last axis is the fastest, so the seeds of one LR finish
 * together and a chart filling in live gets whole points (mean and spread) early.
 *
 * @param lrs       the LR axis as a list (used when {@code lrRange} is null)
 * @param lrRange   the LR axis as a log-spaced range, or null
 */
public record GridDraft(String name, TrainingRequest base, List<Double> lrs, LogRange lrRange, List<OptimizerSpec> optimizers,
                        List<ScheduleSpec> schedules, List<Long> seeds, boolean stopDiverged) {

    /** {@code points} LRs from {@code from} to {@code to}, evenly spaced in log scale, both ends included. */
    public record LogRange(double from, double to, int points) {
    }

    public GridDraft {
        lrs = List.copyOf(lrs);
        optimizers = List.copyOf(optimizers);
        schedules = List.copyOf(schedules);
        seeds = List.copyOf(seeds);
    }

    /** The grid JSON of specs/sweeps.md (what a grid file holds). */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("name", name);
        o.set("base", base.toJson());
        ObjectNode axes = o.putObject("axes");
        if (!schedules.isEmpty()) {
            ArrayNode a = axes.putArray("schedule");
            schedules.forEach(s -> a.add(ScheduleJson.toTree(s)));
        }
        if (!optimizers.isEmpty()) {
            ArrayNode a = axes.putArray("optimizer");
            optimizers.forEach(s -> a.add(s.shortName())); // as people write it; it reads back to the same spec
        }
        if (lrRange != null) {
            ObjectNode r = axes.putObject("lr");
            r.put("from", lrRange.from());
            r.put("to", lrRange.to());
            r.put("points", lrRange.points());
        } else if (!lrs.isEmpty()) {
            ArrayNode a = axes.putArray("lr");
            lrs.forEach(a::add);
        }
        if (!seeds.isEmpty()) {
            ArrayNode a = axes.putArray("seed");
            seeds.forEach(a::add);
        }
        o.put("stopDiverged", stopDiverged);
        return o;
    }

    /**
     * The grid, expanded and every cell validated.
     *
     * @throws IllegalArgumentException one line naming the cell, the field and the rule (as {@link SweepGrid#fromJson})
     */
    public SweepGrid grid() {
        return SweepGrid.fromJson(toJson());
    }
}
