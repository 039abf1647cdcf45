package lrwb.engine.export;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {name}} placeholders in a piece of generated code, so the code reads as code in our source
 * rather than as string concatenation. A placeholder left unfilled is a generator bug and fails loudly.
 */
final class Template {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z][A-Za-z0-9]*}");

    private Template() {
    }

    /** @param namesAndValues name, value, name, value, ... */
    static String fill(String template, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs");
        }
        String out = template;
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String placeholder = "{" + namesAndValues[i] + "}";
            if (!out.contains(placeholder)) {
                throw new IllegalStateException("template has no " + placeholder + ": " + template);
            }
            out = out.replace(placeholder, namesAndValues[i + 1]);
        }
        Matcher left = PLACEHOLDER.matcher(out);
        if (left.find()) {
            throw new IllegalStateException("unfilled " + left.group() + " in: " + out);
        }
        return out;
    }

    /** Indents every line but the first, to embed a multi-line piece at the given depth. */
    static String indentFollowing(String code, String indent) {
        return code.replace("\n", "\n" + indent);
    }

    /** Indents every non-empty line. */
    static String indent(String code, String indent) {
        return code.lines().map(l -> l.isEmpty() ? l : indent + l).reduce((a, b) -> a + "\n" + b).orElse("");
    }
}
