package lrwb.engine.data;

/**
 * Refuses data that cannot fit before allocating for it: a set larger than the Java heap used to end in an
 * OutOfMemoryError trace after minutes of reading. The estimate is what the loading will hold at its peak
 * (raw values, the split copies, the standardised copies), compared with the heap Java may grow to.
 */
final class MemoryCheck {
    private MemoryCheck() {
    }

    /** @param what names the data and its size, e.g. {@code data.csv line 70000 (70000 rows so far)} */
    static void require(String what, long bytes, String advice) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > max) {
            throw new DataException(what + " needs about " + megabytes(bytes) + " of memory, more than the "
                    + megabytes(max) + " Java may use (-Xmx); " + advice);
        }
    }

    static String megabytes(long bytes) {
        return (bytes + (1 << 20) - 1) / (1 << 20) + " MB";
    }
}
