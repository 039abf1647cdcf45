package lrwb.engine.sweep;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * summary.csv: read whole (resume, the app), appended one row at a time by the sweep's one writer, each row flushed
 * as it is written, so a kill loses at most the row being written (a cut last line is dropped when the file is
 * opened again).
 */
final class SummaryFile implements AutoCloseable {
    static final String FILE = "summary.csv";
    private final BufferedWriter out;

    private SummaryFile(BufferedWriter out) {
        this.out = out;
    }

    /** The rows a summary holds and what is wrong with it (never throws on damage). */
    record Contents(List<SweepRow> rows, List<String> problems) {
    }

    static Contents read(Path file) {
        List<SweepRow> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Contents(rows, problems);
        } catch (IOException e) {
            problems.add("cannot read " + FILE + ": " + e.getMessage());
            return new Contents(rows, problems);
        }
        if (lines.isEmpty()) {
            return new Contents(rows, problems);
        }
        if (!lines.get(0).strip().equals(SweepRow.header())) {
            problems.add(FILE + " does not start with its header " + SweepRow.header());
            return new Contents(rows, problems);
        }
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                rows.add(SweepRow.parse(lines.get(i)));
            } catch (IllegalArgumentException e) {
                problems.add(FILE + " line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Contents(rows, problems);
    }

    /** Opens the summary for appending: creates it with its header, or cuts a half-written last line off. */
    static SummaryFile append(Path file) throws IOException {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        if (!fresh) {
            cutHalfLine(file);
        }
        BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        SummaryFile s = new SummaryFile(out);
        if (fresh) {
            s.writeLine(SweepRow.header());
        }
        return s;
    }

    synchronized void append(SweepRow row) throws IOException {
        writeLine(row.toCsvLine());
    }

    private void writeLine(String line) throws IOException {
        out.write(line);
        out.write('\n');
        out.flush();
    }

    private static void cutHalfLine(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long end = f.length();
            long keep = end;
            while (keep > 0) {
                f.seek(keep - 1);
                if (f.read() == '\n') {
                    break;
                }
                keep--;
            }
            if (keep < end) {
                f.setLength(keep);
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
