package lrwb.engine.finder;

/** How the range test spaces its learning rates between startLr and endLr. */
public enum SweepMode {
    EXP("exp"), LINEAR("linear");

    private final String json;

    SweepMode(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static SweepMode parse(String text) {
        for (SweepMode m : values()) {
            if (m.json.equals(text)) {
                return m;
            }
        }
        throw new IllegalArgumentException("must be exp or linear (got '" + text + "')");
    }
}
