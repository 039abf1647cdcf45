package lrwb.engine.sweep;

/**
 * A way to run cells elsewhere, found through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/lrwb.engine.sweep.CellBackendProvider}); the Spark module provides one.
 */
public interface CellBackendProvider {
    /** Whether this provider runs on {@code master}: {@code local[4]}, {@code spark://host:7077}, {@code yarn} ... */
    boolean accepts(String master);

    /**
     * @param parallel cells at a time the caller asked for (a provider may take its cluster's size instead)
     * @throws IllegalArgumentException when the master cannot be reached (a one-line message, after a bounded wait)
     */
    CellBackend create(String master, int parallel);
}
