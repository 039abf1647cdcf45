package lrwb.engine.run;

/** What a run folder holds, as run.json's {@code kind} says. */
public enum RunKind {
    RANGE_TEST("rangeTest", "range test"), TRAINING("training", "training");

    private final String json;
    private final String label;

    RunKind(String json, String label) {
        this.json = json;
        this.label = label;
    }

    public String json() {
        return json;
    }

    /** In words, for tables and messages: "range test", "training". */
    public String label() {
        return label;
    }

    public static RunKind parse(String text) {
        for (RunKind k : values()) {
            if (k.json.equals(text)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown run kind '" + text + "' (expected rangeTest or training)");
    }
}
