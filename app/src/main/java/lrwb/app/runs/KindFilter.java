package lrwb.app.runs;

/** Which kinds of run the table lists. */
public enum KindFilter {
    ALL("All runs"), TRAINING("Training runs"), RANGE_TEST("Range tests"), SWEEPS("Sweeps");

    private final String label;

    KindFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    boolean accepts(RunRow row) {
        return switch (this) {
            case ALL -> true;
            case TRAINING -> !row.isRangeTest() && !row.isSweep();
            case RANGE_TEST -> row.isRangeTest();
            case SWEEPS -> row.isSweep();
        };
    }
}
