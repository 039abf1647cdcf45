package lrwb.engine.finder;

/**
 * Which loss the range test records, smooths and stops on (specs/lr-finder.md "Running"): each update's own
 * minibatch ({@code train}, fastai's and pytorch-lr-finder's default), or a fixed set of validation batches
 * evaluated after each update (pytorch-lr-finder's {@code val_loader} mode: slower, but free of minibatch noise).
 */
public enum LossSource {
    TRAIN("train"), VAL("val");

    private final String json;

    LossSource(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }

    public static LossSource parse(String text) {
        for (LossSource s : values()) {
            if (s.json.equals(text)) {
                return s;
            }
        }
        throw new IllegalArgumentException("must be train or val (got '" + text + "')");
    }
}
