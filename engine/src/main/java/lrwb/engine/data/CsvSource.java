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
    /** The longest line: a hundred thousand features fit easily; a file with no line breaks is not read into one string. */
    static final int MAX_LINE_CHARS = 10_000_000;
    /** How often (in rows) the memory the rows will take is compared with what Java may use. */
    private static final int MEMORY_CHECK_ROWS = 1 << 16;

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
        BufferedReader reader = new BufferedReader(new LineLengthGuard(new InputStreamReader(in, StandardCharsets.UTF_8)), 1 << 16);
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
            if (labelTexts.size() % MEMORY_CHECK_ROWS == 0) {
                // at the peak the values exist four times (buffer, split, standardised, ND4J copy), each label as a string
                MemoryCheck.require(where + " (" + labelTexts.size() + " rows so far)",
                        16L * features.size() + 64L * labelTexts.size(), "read fewer rows (--limit) or give Java more memory");
            }
            row = lookahead != null ? lookahead : nextRow(reader);
            lookahead = null;
        }
        if (labelTexts.isEmpty()) {
            throw new DataException(display + " has a header but no data rows");
        }
        ClassLabels.Encoded labels = ClassLabels.encode(labelTexts);
        return new Examples(features.toArray(), width - 1, labels.indices(), labels.names());
    }

    /** Fails a line longer than {@link #MAX_LINE_CHARS} while it is read, before readLine holds it whole. */
    private final class LineLengthGuard extends java.io.FilterReader {
        private long sinceBreak;
        private long breaks;

        LineLengthGuard(java.io.Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                counted((char) c);
            }
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = 0; i < n; i++) {
                counted(buf[off + i]);
            }
            return n;
        }

        private void counted(char c) {
            if (c == '\n') {
                breaks++;
                sinceBreak = 0;
            } else if (++sinceBreak > MAX_LINE_CHARS) {
                throw new DataException(display + " line " + (breaks + 1) + ": longer than " + MAX_LINE_CHARS
                        + " characters; is it a CSV file?");
            }
        }
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
            throw new DataException(display + ": label column " + OptionRules.quoted(labelColumn) + " is a name, but the file is read without a header");
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
        throw new DataException(display + ": no column named " + OptionRules.quoted(labelColumn) + " in the header (columns: "
                + String.join(", ", header) + ")");
    }

    private static boolean isIndex(String text) {
        return text.matches("\\d{1,9}");
    }

    private static float featureValue(String cell, int column, List<String> header, String where) {
        Double value = CsvLine.number(cell);
        String what = "column " + column + columnName(header, column);
        if (value != null && Math.abs(value) <= Float.MAX_VALUE) {
            return value.floatValue();
        }
        // features are stored as float: 1e39 would silently become Infinity and the run diverge much later
        if (value != null || CsvLine.isOverflow(cell)) {
            throw new DataException(where + ": " + what + " must be a finite number within float range (|x| <= 3.4e38), got '"
                    + cell + "'");
        }
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

        int size() {
            return size;
        }

        float[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
