package lrwb.app.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's messages are written for the command line ("--model cnn: needs image data …"); in the window the
 * same sentence names the field instead ("model cnn: needs image data …"): nobody typed an option there.
 */
public final class AppWording {
    private static final Pattern OPTION = Pattern.compile("(?<![\\w-])--([a-z]+(?:-[a-z]+)*)\\b");

    private AppWording() {
    }

    /** {@code message} with every {@code --option} said as the field's name: {@code --batch-size} becomes "batch size". */
    public static String of(String message) {
        if (message == null) {
            return "";
        }
        Matcher m = OPTION.matcher(message);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1).replace('-', ' ')));
        }
        m.appendTail(out);
        return out.toString();
    }
}
