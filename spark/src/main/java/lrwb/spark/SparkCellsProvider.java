package lrwb.spark;

import lrwb.engine.sweep.CellBackend;
import lrwb.engine.sweep.CellBackendProvider;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Apache Spark as a sweep's cell runner, for {@code lrwb sweep --master M} (found through ServiceLoader when this
 * module's jar is on the class path). It takes every master: when Spark is here, a value it cannot read is a typo
 * to name ({@link SparkMaster#parse}), not a missing runner.
 */
public final class SparkCellsProvider implements CellBackendProvider {
    @Override
    public boolean accepts(String master) {
        return master != null && !master.isBlank();
    }

    /**
     * Starts the SparkContext now, so that a master that cannot be used is refused before the sweep writes anything.
     *
     * @param parallel unused: Spark runs as many cells at once as the master gives cores ({@code local[N]}: N)
     * @throws IllegalArgumentException a master that is no Spark master, cannot be reached, or that Spark refuses: the
     *                                  rule alone, which the command line puts after {@code --master VALUE: }
     */
    @Override
    public CellBackend create(String master, int parallel) {
        SparkMaster parsed = SparkMaster.parse(master);
        parsed.checkReachable();
        try {
            return new SparkCells(new JavaSparkContext(SparkCells.conf(parsed)));
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException("Spark cannot start: " + why, e);
        }
    }
}
