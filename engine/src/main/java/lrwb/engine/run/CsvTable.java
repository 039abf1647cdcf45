package lrwb.engine.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A metrics CSV read back as numbers. A half-written last line (the process died mid-write) is dropped;
 * a malformed line elsewhere is counted in {@link #skippedLines()} and skipped, never fatal.
 */
public record CsvTable(List<String> header, List<double[]> rows, int skippedLines) {

    /** Reads {@code file}; its header must start with {@code expectedHeader}'s columns. */
    public static CsvTable read(Path file, String expectedHeader) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith(expectedHeader)) {
            throw new IOException(file.getFileName() + ": expected the header " + expectedHeader);
        }
        List<String> header = List.of(lines.get(0).split(","));
        boolean endsWithNewline = Files.size(file) > 0 && endsWithNewline(file);
        List<double[]> rows = new ArrayList<>(lines.size());
        int skipped = 0;
        for (int i = 1; i < lines.size(); i++) {
            boolean lastAndPartial = i == lines.size() - 1 && !endsWithNewline;
            double[] row = parse(lines.get(i), header.size());
            if (row == null) {
                if (!lastAndPartial) {
                    skipped++;
                }
                continue;
            }
            if (lastAndPartial) {
                continue; // may be cut inside its last number
            }
            rows.add(row);
        }
        return new CsvTable(header, rows, skipped);
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (var channel = Files.newByteChannel(file)) {
            channel.position(channel.size() - 1);
            var one = java.nio.ByteBuffer.allocate(1);
            channel.read(one);
            return one.get(0) == '\n';
        }
    }

    private static double[] parse(String line, int columns) {
        String[] cells = line.split(",", -1);
        if (cells.length != columns) {
            return null;
        }
        double[] row = new double[columns];
        try {
            for (int c = 0; c < columns; c++) {
                row[c] = Double.parseDouble(cells[c]);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return row;
    }

    public double[] column(String name) {
        int c = header.indexOf(name);
        if (c < 0) {
            throw new IllegalArgumentException("no column " + name);
        }
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }
}
