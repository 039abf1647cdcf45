package lrwb.engine.export;

import lrwb.engine.schedule.PlateauSchedule;

import static lrwb.engine.export.Literal.decimal;

/**
 * ReduceLROnPlateau for DL4J, which has none: a small class the training loop calls once per epoch with the
 * monitored metric. It follows the spec's rule (PyTorch's ReduceLROnPlateau) with the numbers inlined.
 */
final class JavaPlateauSnippet {
    static final String CLASS = "ReduceLrOnPlateau";

    private JavaPlateauSnippet() {
    }

    static String generate(PlateauSchedule s) {
        boolean min = s.mode() == PlateauSchedule.Mode.MIN;
        boolean rel = s.thresholdMode() == PlateauSchedule.ThresholdMode.REL;
        String th = decimal(s.threshold());
        String better = min
                ? (rel ? "metric < best * (1 - " + th + ")" : "metric < best - " + th)
                : (rel ? "metric > best * (1 + " + th + ")" : "metric > best + " + th);
        String metric = switch (s.monitor()) {
            case VAL_LOSS -> "validation loss";
            case TRAIN_LOSS -> "training loss";
            case VAL_ACCURACY -> "validation accuracy";
        };
        String example = switch (s.monitor()) {
            case VAL_LOSS -> "net.score(validationData)";
            case TRAIN_LOSS -> "net.score()";
            case VAL_ACCURACY -> "net.evaluate(validationIterator).accuracy()";
        };
        return Template.fill("""
                /**
                 * Reduce-on-plateau for DL4J, which has none (same rule as PyTorch's ReduceLROnPlateau): once the {metric}
                 * has not improved ({mode}, {thMode} threshold {th}) for more than {patience} epochs, the LR is multiplied by {factor},
                 * never below {minLr}; then {cooldown} epochs are not counted. Reductions of at most {eps} are skipped.
                 *
                 * <pre>{@code
                 * ReduceLrOnPlateau plateau = new ReduceLrOnPlateau();
                 * // configure the network with new Sgd(plateau.lr()) (or Adam, ...), then once per epoch:
                 * net.fit(trainIterator);
                 * net.setLearningRate(plateau.onEpochEnd({example}));
                 * }</pre>
                 */
                public final class ReduceLrOnPlateau {
                    private double lr = {lr};
                    private double best = {worst};
                    private int badEpochs;
                    private int cooldownLeft;

                    /** The LR in effect now. */
                    public double lr() {
                        return lr;
                    }

                    /** Observes the {metric} at the end of an epoch and returns the LR for the next epoch. */
                    public double onEpochEnd(double metric) {
                        if ({better}) {
                            best = metric;
                            badEpochs = 0;
                        } else {
                            badEpochs++;
                        }
                        if (cooldownLeft > 0) {
                            cooldownLeft--;
                            badEpochs = 0;
                        }
                        if (badEpochs > {patience}) {
                            double reduced = Math.max(lr * {factor}, {minLr});
                            if (lr - reduced > {eps}) {
                                lr = reduced;
                            }
                            cooldownLeft = {cooldown};
                            badEpochs = 0;
                        }
                        return lr;
                    }
                }
                """,
                "factor", decimal(s.factor()), "metric", metric, "mode", s.mode().json(), "th", th,
                "thMode", s.thresholdMode().json(), "patience", Literal.javaInt(s.patience()), "cooldown", Literal.javaInt(s.cooldown()),
                "minLr", decimal(s.minLr()), "eps", decimal(s.eps()), "example", example, "lr", decimal(s.lr()),
                "worst", min ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY", "better", better);
    }
}
