package lrwb.app.finder;

import lrwb.engine.run.RunCatalog;
import lrwb.engine.run.RunKind;
import lrwb.engine.run.RunRecord;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A range test saved in the runs folder, as the Finder's "Reopen…" list shows it.
 *
 * @param when    when it started, in local time ("2026-12-06 23:41")
 * @param dataset the data it ran on, or "" when its configuration cannot be read
 * @param model   the model it tested, or ""
 * @param status  how it ended ("finished", "diverged", ...)
 */
public record SavedRangeTest(Path dir, String name, String when, String dataset, String model, String status) {
    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /** The range tests of {@code runsDir}, newest first. Reads the disk: not on the FX thread. */
    static List<SavedRangeTest> list(Path runsDir) {
        return new RunCatalog(runsDir).list().runs().stream()
                .map(RunCatalog.Entry::record)
                .filter(r -> r.kind() == RunKind.RANGE_TEST && r.config().isKnown())
                .map(SavedRangeTest::of)
                .toList();
    }

    private static SavedRangeTest of(RunRecord r) {
        return new SavedRangeTest(r.dir(), r.name(), WHEN.format(r.info().startedAt()), r.config().data().source(),
                r.config().model().describe(), r.status().label());
    }
}
