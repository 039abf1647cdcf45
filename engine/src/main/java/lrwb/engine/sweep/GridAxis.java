package lrwb.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * One axis of a grid as written: its name and its values, each with the text a cell's label shows and the path that
 * names it in an error ({@code axes.optimizer[1]}).
 */
record GridAxis(String name, List<Value> values) {
    /** The axes specs/sweeps.md allows, in the order their columns appear in summary.csv. */
    static final List<String> NAMES = List.of("lr", "schedule", "optimizer", "model", "batch", "seed", "epochs", "dataset");

    /** @param parsed the value in the form the cell takes it (a Double, Long, Integer, String or ScheduleSpec) */
    record Value(JsonNode given, Object parsed, String text, String path) {
    }
}
