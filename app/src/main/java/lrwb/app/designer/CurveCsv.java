package lrwb.app.designer;

import lrwb.engine.run.AtomicFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The curves as a table: one row per iteration, one LR column per curve, at full resolution. */
final class CurveCsv {
    private CurveCsv() {
    }

    record Column(String name, double[] lr) {
    }

    static void write(Path file, List<Column> columns, int steps, int stepsPerEpoch) throws IOException {
        StringBuilder b = new StringBuilder(steps * (12 + 22 * columns.size()));
        b.append("iteration,epoch");
        for (Column c : columns) {
            b.append(',').append(quote(c.name()));
        }
        b.append('\n');
        for (int i = 0; i < steps; i++) {
            b.append(i).append(',').append(i / stepsPerEpoch);
            for (Column c : columns) {
                b.append(',').append(c.lr()[i]);
            }
            b.append('\n');
        }
        AtomicFile.write(file, b.toString());
    }

    /** RFC 4180: a name with a comma, quote or line break is quoted, its quotes doubled. */
    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
