package lrwb.app.sweeps;

import lrwb.engine.finder.Suggestions;
import lrwb.engine.run.RangeTestRecord;
import lrwb.engine.run.RunCatalog;
import lrwb.engine.run.RunConfig;
import lrwb.engine.run.RunKind;
import lrwb.engine.train.TrainingRequest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recorded range test of the same data, network and optimizer as some of a sweep's cells, with its suggestions:
 * where the finder pointed, to be drawn on the sweep's LR axis.
 *
 * @param optimizer the optimizer both share, as the table shows it
 */
public record RangeTestMatch(Path dir, String name, String optimizer, Suggestions suggestions) {

    /** What makes a range test match a cell: the same dataset, network and optimizer (the LR is what both vary). */
    record Setup(String dataset, String model, String optimizer) {
        static Setup of(TrainingRequest r) {
            return new Setup(r.data().source(), r.model().describe(), r.optimizer().describe());
        }

        static Setup of(RunConfig c) {
            return new Setup(c.data().source(), c.model().describe(), c.optimizer().describe());
        }
    }

    /**
     * The newest range test in {@code runsDir} for each setup of {@code cells} that has one with suggestions; off the
     * FX thread (reads the runs folder).
     */
    static Map<Setup, RangeTestMatch> find(Path runsDir, List<TrainingRequest> cells) {
        Map<Setup, RangeTestMatch> found = new LinkedHashMap<>();
        List<Setup> wanted = new ArrayList<>(cells.stream().map(Setup::of).distinct().toList());
        for (RunCatalog.Entry e : new RunCatalog(runsDir).list().runs()) {
            if (wanted.isEmpty()) {
                break;
            }
            if (e.record().kind() != RunKind.RANGE_TEST || !e.record().config().isKnown()) {
                continue;
            }
            Setup s = Setup.of(e.record().config());
            if (!wanted.contains(s)) {
                continue;
            }
            try {
                Suggestions suggestions = RangeTestRecord.read(e.dir()).suggestions();
                if (suggestions != null && (suggestions.steepest() != null || suggestions.valley() != null)) {
                    found.put(s, new RangeTestMatch(e.dir(), e.record().name(), e.record().config().optimizer().shortName(), suggestions));
                    wanted.remove(s); // newest first: the first with suggestions is the one to show
                }
            } catch (IOException ignored) {
                // an unreadable range test is no match; the Runs workspace lists its problems
            }
        }
        return found;
    }
}
