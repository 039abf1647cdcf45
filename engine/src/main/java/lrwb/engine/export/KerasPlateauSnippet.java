package lrwb.engine.export;

import lrwb.engine.schedule.PlateauSchedule;

import static lrwb.engine.export.Literal.decimal;
import static lrwb.engine.export.Literal.integer;

/**
 * Plateau for Keras. keras.callbacks.ReduceLROnPlateau counts differently from the spec (and PyTorch): it reduces
 * after {@code patience} bad epochs rather than more than {@code patience}, counts the epoch that ends a cooldown,
 * has no {@code eps} and only an absolute threshold. With an absolute threshold its arguments can be translated so
 * that it gives the same LR every epoch; a relative threshold gets a small callback with the spec's rule.
 */
final class KerasPlateauSnippet {
    private KerasPlateauSnippet() {
    }

    static String generate(PlateauSchedule s) {
        String monitor = switch (s.monitor()) {
            case VAL_LOSS -> "val_loss";
            case TRAIN_LOSS -> "loss";
            case VAL_ACCURACY -> "val_accuracy";
        };
        String callback = s.thresholdMode() == PlateauSchedule.ThresholdMode.ABS ? builtIn(s, monitor) : relative(s, monitor);
        return callback + Template.fill("""
                optimizer = keras.optimizers.SGD(learning_rate={lr})  # or Adam, AdamW, ...
                # model.compile(optimizer=optimizer, ...); model.fit(..., callbacks=[reduce_lr])
                """, "lr", decimal(s.lr()));
    }

    private static String builtIn(PlateauSchedule s, String monitor) {
        double floor = lowestReachable(s);
        PythonCall call = new PythonCall("keras.callbacks.ReduceLROnPlateau")
                .arg("monitor", Literal.pythonString(monitor))
                .arg("mode", Literal.pythonString(s.mode().json()))
                .arg("factor", decimal(s.factor()))
                .arg("patience", integer(s.patience() + 1), "Keras reduces after `patience` bad epochs, LR Workbench after more than "
                        + s.patience())
                .arg("min_delta", decimal(s.threshold()), "absolute threshold");
        if (s.cooldown() == 0) {
            call.arg("cooldown", "0");
        } else {
            call.arg("cooldown", integer(s.cooldown() + 1), "Keras counts the epoch that ends the cooldown; LR Workbench cooldown is "
                    + s.cooldown());
        }
        if (floor == s.minLr()) {
            call.arg("min_lr", decimal(s.minLr()));
        } else {
            call.arg("min_lr", decimal(floor), "minLr " + decimal(s.minLr()) + ", but LR Workbench skips reductions <= eps "
                    + decimal(s.eps()) + ", so its LR stops here");
        }
        return "import keras\n\nreduce_lr = " + call.render() + "\n";
    }

    /**
     * Where the spec's LR stops: reductions go {@code lr → max(lr·factor, minLr)} while they lower the LR by more
     * than eps. Keras reduces whenever the LR is above min_lr, so this value as min_lr gives the same sequence.
     */
    static double lowestReachable(PlateauSchedule s) {
        double lr = s.lr();
        while (true) {
            double reduced = Math.max(lr * s.factor(), s.minLr());
            if (!(lr - reduced > s.eps())) {
                return lr;
            }
            lr = reduced;
        }
    }

    private static String relative(PlateauSchedule s, String monitor) {
        boolean min = s.mode() == PlateauSchedule.Mode.MIN;
        return Template.fill("""
                import math

                import keras


                class ReduceLROnPlateauRelative(keras.callbacks.Callback):
                    \"""Like keras.callbacks.ReduceLROnPlateau, but with the relative threshold of LR Workbench and PyTorch
                    (Keras' min_delta is absolute): a metric is better if it beats the best by the fraction `threshold` of it.
                    Reduces after more than `patience` bad epochs and skips reductions of at most `eps`.\"""

                    def __init__(self, learning_rate, monitor="val_loss", mode="min", factor=0.1, patience=10,
                                 threshold=1e-4, cooldown=0, min_lr=0.0, eps=1e-8):
                        super().__init__()
                        self.learning_rate = learning_rate  # kept here in full precision; the optimizer holds float32
                        self.monitor = monitor
                        self.mode = mode
                        self.factor = factor
                        self.patience = patience
                        self.threshold = threshold
                        self.cooldown = cooldown
                        self.min_lr = min_lr
                        self.eps = eps
                        self.best = math.inf if mode == "min" else -math.inf
                        self.bad_epochs = 0
                        self.cooldown_counter = 0

                    def on_epoch_end(self, epoch, logs=None):
                        current = logs[self.monitor]
                        if self.mode == "min":
                            better = current < self.best * (1 - self.threshold)
                        else:
                            better = current > self.best * (1 + self.threshold)
                        if better:
                            self.best = current
                            self.bad_epochs = 0
                        else:
                            self.bad_epochs += 1
                        if self.cooldown_counter > 0:
                            self.cooldown_counter -= 1
                            self.bad_epochs = 0
                        if self.bad_epochs > self.patience:
                            reduced = max(self.learning_rate * self.factor, self.min_lr)
                            if self.learning_rate - reduced > self.eps:
                                self.learning_rate = reduced
                                self.model.optimizer.learning_rate = reduced
                            self.cooldown_counter = self.cooldown
                            self.bad_epochs = 0


                reduce_lr = ReduceLROnPlateauRelative(
                    learning_rate={lr},  # the optimizer's initial learning rate
                    monitor="{monitor}",
                    mode="{mode}",
                    factor={factor},
                    patience={patience},
                    threshold={threshold},
                    cooldown={cooldown},
                    min_lr={minLr},
                    eps={eps},
                )
                """, "lr", decimal(s.lr()), "monitor", monitor, "mode", min ? "min" : "max", "factor", decimal(s.factor()),
                "patience", integer(s.patience()), "threshold", decimal(s.threshold()), "cooldown", integer(s.cooldown()),
                "minLr", decimal(s.minLr()), "eps", decimal(s.eps()));
    }
}
