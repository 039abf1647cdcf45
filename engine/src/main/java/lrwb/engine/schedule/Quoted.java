package lrwb.engine.schedule;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A name or value from the user's JSON as a message shows it: as a JSON string literal, so a newline or a
 * quote in it is escaped ({@code "con\nstant"}) and the message stays one line.
 */
final class Quoted {
    private Quoted() {
    }

    static String text(String value) {
        return new TextNode(value).toString();
    }

    /** A field name as typed, quoted only when it holds a space, a control character, a quote or a backslash. */
    static String name(String field) {
        return field.isEmpty() || field.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || c == '"' || c == '\\') ? text(field) : field;
    }
}
