package lrwb.engine.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A sweep folder as it lies on disk (the app, resume): its grid and its summary rows. Never throws on damage:
 * what can be read is returned, and {@link #problems()} says what is wrong.
 *
 * @param grid null when sweep.json cannot be read
 */
public record SweepRecord(SweepGrid grid, List<SweepRow> rows, List<String> problems) {
    public SweepRecord {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    public static SweepRecord read(Path dir) {
        List<String> problems = new ArrayList<>();
        SweepGrid grid = null;
        try {
            grid = SweepGrid.read(dir);
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
        SummaryFile.Contents summary = SummaryFile.read(dir.resolve(SummaryFile.FILE));
        problems.addAll(summary.problems());
        return new SweepRecord(grid, summary.rows(), problems);
    }

    /** The folder of a row's cell. */
    public static Path runFolder(Path dir, SweepRow row) {
        return dir.resolve(row.run());
    }
}
