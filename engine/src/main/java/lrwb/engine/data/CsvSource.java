package lrwb.engine.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a comma-separated file (plain or gzip) into {@link Examples}: one row per non-blank line, every
 * column but the label a number, the label a number or a word. Stops after {@code limit} data rows, so a
 * quick run on a big file reads only its head. Every problem is reported with the file, the line and,
 * where there is a header, the column name.
 */
final class CsvSource {
    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final String display;
    private final String labelColumn;
    private final HeaderMode headerMode;
    private final Integer limit;
    private int lineNumber;

    private CsvSource(String display, String labelColumn, HeaderMode headerMode, Integer limit) {
        this.display = display;
        this.labelColumn = labelColumn;
        this.headerMode = headerMode;
        this.limit = limit;
    }

    /** @param display the file as the user named it, for messages */
    static Examples read(Path path, String display, String labelColumn, HeaderMode header, Integer limit) {
        return PlainOrGzip.read(path, display, in -> new CsvSource(display, labelColumn, header, limit).read(in));
    }

    /** The same for a stream the caller opens and closes (a classpath resource). */
    static Examples read(InputStream stream, String display, String labelColumn, HeaderMode header, Integer limit) {
        return PlainOrGzip.read(stream, display, in -> new CsvSource(display, labelColumn, header, limit).read(in));
    }

    private record Row(int line, List<String> cells) {
    }

    private Examples read(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        Row first = nextRow(reader);
        if (first == null) {
            throw new DataException(display + " is empty");
        }
        int width = first.cells().size();
        if (width < 2) {
            throw new DataException(display + " line " + first.line()
                    + ": needs at least 2 columns (features and a label), got 1");
        }
        Row second = nextRow(reader);
        boolean hasHeader = hasHeader(first, second);
        List<String> header = hasHeader ? first.cells() : null;
        int labelIndex = labelIndex(width, header);
        String shapeSource = hasHeader ? "the header" : "line " + first.line();

        FeatureBuffer features = new FeatureBuffer();
        List<String> labelTexts = new ArrayList<>();
        Row row = hasHeader ? second : first;
        Row lookahead = hasHeader ? null : second;
        while (row != null && (limit == null || labelTexts.size() < limit)) {
            String where = display + " line " + row.line();
            List<String> cells = row.cells();
            if (cells.size() != width) {
                throw new DataException(where + ": expected " + width + " columns like " + shapeSource + ", got " + cells.size());
            }
            for (int c = 0; c < width; c++) {
                if (c != labelIndex) {
                    features.add(featureValue(cells.get(c), c, header, where));
                }
            }
            String label = cells.get(labelIndex);
            if (label.isEmpty()) {
                throw new DataException(where + ": the label in column " + labelIndex + columnName(header, labelIndex) + " is empty");
            }
            labelTexts.add(label);
            row = lookahead != null ? lookahead : nextRow(reader);
            lookahead = null;
        }
        if (labelTexts.isEmpty()) {
            throw new DataException(display + " has a header but no data rows");
        }
        ClassLabels.Encoded labels = ClassLabels.encode(labelTexts);
        return new Examples(features.toArray(), width - 1, labels.indices(), labels.names());
    }

    private Row nextRow(BufferedReader reader) throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith(BYTE_ORDER_MARK)) {
                line = line.substring(1);
            }
            if (!line.isBlank()) {
                return new Row(lineNumber, CsvLine.cells(line, display + " line " + lineNumber));
            }
        }
        return null;
    }

    /**
     * AUTO: a label given by name implies a header; otherwise the first row is a header when some column is
     * text there but a number on the next row (the label column counts too: "species" above "0"). A lone row
     * is a header when one of its feature cells is text.
     */
    private boolean hasHeader(Row first, Row second) {
        return switch (headerMode) {
            case YES -> true;
            case NO -> false;
            case AUTO -> {
                if (labelColumn != null && !isIndex(labelColumn)) {
                    yield true;
                }
                List<String> top = first.cells();
                if (second == null) {
                    int label = labelColumn == null ? top.size() - 1 : Integer.parseInt(labelColumn);
                    for (int c = 0; c < top.size(); c++) {
                        if (c != label && CsvLine.number(top.get(c)) == null) {
                            yield true;
                        }
                    }
                    yield false;
                }
                List<String> next = second.cells();
                for (int c = 0; c < Math.min(top.size(), next.size()); c++) {
                    if (CsvLine.number(top.get(c)) == null && CsvLine.number(next.get(c)) != null) {
                        yield true;
                    }
                }
                yield false;
            }
        };
    }

    private int labelIndex(int width, List<String> header) {
        if (labelColumn == null) {
            return width - 1;
        }
        if (isIndex(labelColumn)) {
            int index = Integer.parseInt(labelColumn);
            if (index >= width) {
                throw new DataException(display + ": label column " + index + " is out of range: the file has "
                        + width + " columns (0 to " + (width - 1) + ")");
            }
            return index;
        }
        if (header == null) {
            throw new DataException(display + ": label column '" + labelColumn + "' is a name, but the file is read without a header");
        }
        int exact = header.indexOf(labelColumn);
        if (exact >= 0) {
            return exact;
        }
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).equalsIgnoreCase(labelColumn)) {
                return c;
            }
        }
        throw new DataException(display + ": no column named '" + labelColumn + "' in the header (columns: "
                + String.join(", ", header) + ")");
    }

    private static boolean isIndex(String text) {
        return text.matches("\\d{1,9}");
    }

    private static float featureValue(String cell, int column, List<String> header, String where) {
        Double value = CsvLine.number(cell);
        if (value != null) {
            return value.floatValue();
        }
        String what = "column " + column + columnName(header, column);
        if (cell.isEmpty()) {
            throw new DataException(where + ": " + what + " is empty");
        }
        throw new DataException(where + ": " + what + " is not a number: '" + cell + "'");
    }

    private static String columnName(List<String> header, int column) {
        return header == null ? "" : " (" + header.get(column) + ")";
    }

    /** A growing float array, so rows are stored flat as they are read. */
    private static final class FeatureBuffer {
        private float[] values = new float[1024];
        private int size;

        void add(float v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
