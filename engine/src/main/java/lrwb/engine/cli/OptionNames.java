package lrwb.engine.cli;

import java.util.Map;

/** The engine names a parameter as the specs do (startLr); the CLI user typed an option (--start). */
final class OptionNames {
    private static final Map<String, String> OPTIONS = Map.ofEntries(
            Map.entry("startLr", "--start"), Map.entry("endLr", "--end"), Map.entry("iterations", "--iterations"),
            Map.entry("beta", "--beta"), Map.entry("divergeFactor", "--diverge"), Map.entry("valSplit", "--val-split"),
            Map.entry("limit", "--limit"), Map.entry("epochs", "--epochs"), Map.entry("batchSize", "--batch"),
            Map.entry("out", "--out"), Map.entry("lossSource", "--loss"), Map.entry("weightDecays", "--wd"));

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
