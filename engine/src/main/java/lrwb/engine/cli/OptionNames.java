package lrwb.engine.cli;

import java.util.Map;

/** The engine names a parameter as the specs do (startLr); the CLI user typed an option (--start). */
final class OptionNames {
    private static final Map<String, String> OPTIONS = Map.of(
            "startLr", "--start", "endLr", "--end", "iterations", "--iterations", "beta", "--beta",
            "divergeFactor", "--diverge", "valSplit", "--val-split", "limit", "--limit", "epochs", "--epochs",
            "batchSize", "--batch", "out", "--out");

    private OptionNames() {
    }

    /** "startLr must be > 0" becomes "--start must be > 0"; other messages pass unchanged. */
    static String rename(String message) {
        int space = message.indexOf(' ');
        if (space > 0) {
            String option = OPTIONS.get(message.substring(0, space));
            if (option != null) {
                return option + message.substring(space);
            }
        }
        return message;
    }
}
