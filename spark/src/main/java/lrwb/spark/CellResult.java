package lrwb.spark;

import java.io.Serial;
import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * What a cell task sends back to the driver: its summary row as summary.csv spells it (the engine's {@code SweepRow}
 * is not Java-serialisable, and its CSV line reads back exactly) and its run folder's files.
 *
 * @param row   {@code SweepRow.toCsvLine()}
 * @param files the run folder's files: path relative to the folder ({@code /}-separated) -> content
 */
record CellResult(String row, LinkedHashMap<String, byte[]> files) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
}
