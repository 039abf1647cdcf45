package lrwb.engine.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A metrics CSV read back as numbers, as far as it is readable. A half-written last line (the process died
 * mid-write) is dropped silently; a malformed line elsewhere, or a row that breaks its file's rules
 * ({@link #keep}), is left out and described in {@link #problems()} with its line number — never fatal.
 *
 * @param lines the 1-based line number of each row in the file
 */
record CsvTable(String file, List<String> header, List<double[]> rows, List<Integer> lines, List<String> problems) {
    /** At most this many problems are described one by one; the rest are counted. */
    private static final int PROBLEMS_SHOWN = 3;

    /** Reads {@code file}; its header must start with {@code expectedHeader}'s columns. */
    static CsvTable read(Path file, String expectedHeader) throws IOException {
        String name = file.getFileName().toString();
        byte[] bytes = Files.readAllBytes(file);
        List<String> text = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        if (text.isEmpty() || !text.get(0).startsWith(expectedHeader)) {
            throw new IOException(name + ": expected the header " + expectedHeader);
        }
        boolean endsWithNewline = bytes.length > 0 && bytes[bytes.length - 1] == '\n';
        List<String> header = List.of(text.get(0).split(","));
        List<double[]> rows = new ArrayList<>(text.size());
        List<Integer> lines = new ArrayList<>(text.size());
        List<String> bad = new ArrayList<>();
        for (int i = 1; i < text.size(); i++) {
            if (i == text.size() - 1 && !endsWithNewline) {
                continue; // may be cut inside its last number
            }
            double[] row = parse(text.get(i), header.size());
            if (row == null) {
                bad.add("line " + (i + 1) + " is not " + header.size() + " numbers");
            } else {
                rows.add(row);
                lines.add(i + 1);
            }
        }
        return new CsvTable(name, header, rows, lines, summarise(name, bad, new ArrayList<>()));
    }

    /** The rule of a row given the first column of the last row kept (-1 before the first): for files counted up. */
    interface OrderedRule {
        String check(double[] row, double previousKey);
    }

    /** {@link #keep} for a file whose first column counts up (iterations, epochs). */
    CsvTable keepInOrder(OrderedRule rule) {
        double[] previous = {-1};
        return keep(r -> {
            String why = rule.check(r, previous[0]);
            if (why == null) {
                previous[0] = r[0];
            }
            return why;
        });
    }

    /** The rows {@code rule} accepts (it returns null for a good row, else what is wrong with it); the others become problems. */
    CsvTable keep(Function<double[], String> rule) {
        List<double[]> kept = new ArrayList<>(rows.size());
        List<Integer> keptLines = new ArrayList<>(rows.size());
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String why = rule.apply(rows.get(i));
            if (why == null) {
                kept.add(rows.get(i));
                keptLines.add(lines.get(i));
            } else {
                bad.add("line " + lines.get(i) + ": " + why);
            }
        }
        return new CsvTable(file, header, kept, keptLines, summarise(file, bad, new ArrayList<>(problems)));
    }

    private static List<String> summarise(String file, List<String> bad, List<String> into) {
        for (int i = 0; i < Math.min(PROBLEMS_SHOWN, bad.size()); i++) {
            into.add(file + " " + bad.get(i) + " (left out)");
        }
        if (bad.size() > PROBLEMS_SHOWN) {
            into.add(file + ": " + (bad.size() - PROBLEMS_SHOWN) + " more lines left out");
        }
        return List.copyOf(into);
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

    double[] column(int c) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = rows.get(i)[c];
        }
        return out;
    }
}
