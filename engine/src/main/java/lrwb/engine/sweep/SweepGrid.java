package lrwb.engine.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import lrwb.engine.data.DataOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The grid of specs/sweeps.md, parsed, validated and expanded into its cells. Every cell is checked before anything
 * runs: a bad one is an {@link InvalidGridException} naming the cell, the field and the rule. Parsing loads each
 * distinct dataset of the grid once (to find the schedules' peaks over the run, see {@link GridExpansion}): call it
 * off the FX thread.
 *
 * @param given the grid JSON as the user wrote it (resuming compares it)
 */
public record SweepGrid(String name, JsonNode given, List<SweepCell> cells, boolean stopDiverged) {
    /** The sweep folder's grid file. */
    public static final String FILE = "sweep.json";
    static final String GRID = "grid";
    static final String CELLS = "cells";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public SweepGrid {
        cells = List.copyOf(cells);
    }

    /**
     * Reads grid JSON text (the CLI reads a FILE's text or takes inline JSON).
     *
     * @throws InvalidGridException naming what is wrong
     */
    public static SweepGrid parse(String json) {
        return fromJson(tree(json));
    }

    /** @throws InvalidGridException naming what is wrong */
    public static SweepGrid fromJson(JsonNode given) {
        return GridExpansion.expand(given, DataFacts::load);
    }

    /** As {@link #fromJson(JsonNode)}, learning the data's facts from {@code facts} instead of loading it (tests). */
    static SweepGrid fromJson(JsonNode given, Function<DataOptions, DataFacts> facts) {
        return GridExpansion.expand(given, facts);
    }

    /** The JSON text as a tree. @throws InvalidGridException when it is not JSON */
    static JsonNode tree(String json) {
        try {
            JsonNode n = JSON.readTree(json == null ? "" : json);
            if (n == null || n.isMissingNode()) {
                throw new InvalidGridException("grid", "is empty: give a JSON object with base and axes");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new InvalidGridException("grid", "is not valid JSON: " + e.getOriginalMessage().replace('\n', ' ')
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }

    /** What sweep.json holds: {@code {"grid": <as given>, "cells": [<expanded cells>]}}. */
    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set(GRID, given.deepCopy());
        ArrayNode list = o.putArray(CELLS);
        cells.forEach(c -> list.add(c.toJson()));
        return o;
    }

    /** sweep.json's text. */
    String toText() {
        try {
            return JSON.writeValueAsString(toJson()) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reads {@code DIR/sweep.json} back (resume, the app): the cells as they were expanded, nothing loaded again.
     *
     * @throws UncheckedIOException     when the file cannot be read
     * @throws IllegalArgumentException when it is not a sweep.json
     */
    public static SweepGrid read(Path sweepDir) {
        Path file = sweepDir.resolve(FILE);
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode n;
        try {
            n = tree(text);
        } catch (InvalidGridException e) {
            throw new IllegalArgumentException(FILE + " " + e.getMessage().replaceFirst("^grid ", ""));
        }
        JsonNode given = n.get(GRID);
        JsonNode cells = n.get(CELLS);
        if (given == null || !given.isObject() || cells == null || !cells.isArray()) {
            throw new IllegalArgumentException(FILE + " must hold grid and cells");
        }
        List<SweepCell> list = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            try {
                list.add(SweepCell.fromJson(cells.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(FILE + " cells[" + i + "]: " + e.getMessage());
            }
        }
        return new SweepGrid(GridExpansion.nameOf(given), given, list, GridExpansion.stopDivergedOf(given));
    }

    /** The cell with this index. */
    public SweepCell cell(int index) {
        return cells.get(index);
    }
}
