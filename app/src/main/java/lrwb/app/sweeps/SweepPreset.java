package lrwb.app.sweeps;

import java.util.List;

/**
 * Grids people start from. A preset sets the name and the axes and leaves the base run (data, network, batch size,
 * epochs) as the user has it, so the same question can be asked of their own setup.
 */
public enum SweepPreset {
    /** The U of loss against LR for three optimizers, three seeds each: how wide each floor is. */
    LR_SENSITIVITY("LR sensitivity: sgd vs momentum vs adam") {
        @Override
        void fill(SweepForm f) {
            f.name().textProperty().set("LR sensitivity: sgd vs momentum vs adam");
            f.lrModeProperty().set(LrAxisMode.RANGE);
            f.lrFrom().textProperty().set("1e-4");
            f.lrTo().textProperty().set("1");
            f.lrPoints().textProperty().set("9");
            f.optimizers().textProperty().set("sgd, momentum:0.9, adam");
            f.seeds().textProperty().set("1, 2, 3");
            f.schedules().clear();
        }
    },
    /**
     * The article's comparison (Suki Lau, 2017, Figs. 5–7): constant, time-based, step and exponential decay against
     * the adaptive methods, each at LRs around its usual one.
     */
    SCHEDULES_VS_ADAPTIVE("Schedules vs adaptive methods") {
        @Override
        void fill(SweepForm f) {
            f.name().textProperty().set("Schedules vs adaptive methods");
            f.lrModeProperty().set(LrAxisMode.LIST);
            f.lrList().textProperty().set("0.001, 0.01, 0.1");
            f.optimizers().textProperty().set("sgd, adagrad, adadelta, rmsprop, adam");
            f.seeds().textProperty().set("");
            f.schedules().setAll(ArticleSchedules.ALL.stream().map(ArticleSchedules.Named::spec).toList());
        }
    };

    private final String label;

    SweepPreset(String label) {
        this.label = label;
    }

    abstract void fill(SweepForm form);

    public String label() {
        return label;
    }

    static List<SweepPreset> all() {
        return List.of(values());
    }

    @Override
    public String toString() {
        return label;
    }
}
