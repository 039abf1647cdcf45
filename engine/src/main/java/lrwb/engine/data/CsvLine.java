package lrwb.engine.data;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of comma-separated text as cells. Cells are trimmed; a cell may be double-quoted to hold commas
 * (a doubled quote inside is a literal quote), as spreadsheet exports write header names. Quoted cells do
 * not span lines.
 */
public final class CsvLine {
    private CsvLine() {
    }

    /** @param where names the line in an error, e.g. {@code data.csv line 3} */
    public static List<String> cells(String line, String where) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                cell.setLength(0);
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new DataException(where + ": a quoted cell has no closing quote");
        }
        cells.add(cell.toString().strip());
        return cells;
    }

    /** The cell as a finite number, or null when it is not one (text, empty, NaN, Infinity). */
    static Double number(String cell) {
        if (cell.isEmpty() || !looksNumeric(cell)) {
            return null;
        }
        try {
            double v = Double.parseDouble(cell);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A number written in full that is too large even for a double, such as {@code 1e400}. */
    static boolean isOverflow(String cell) {
        if (cell.isEmpty() || !looksNumeric(cell)) {
            return false;
        }
        try {
            return Double.isInfinite(Double.parseDouble(cell));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Rejects what parseDouble would accept but no data file means as a number: hex, "1f", "2d", "NaN". */
    private static boolean looksNumeric(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return false;
            }
        }
        return true;
    }
}
