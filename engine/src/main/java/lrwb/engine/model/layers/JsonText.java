package lrwb.engine.model.layers;

import com.fasterxml.jackson.databind.node.TextNode;

/** The user's text as a message shows it: a JSON string literal, so a quote or newline in it keeps the message one line. */
final class JsonText {
    private JsonText() {
    }

    static String quoted(String text) {
        return new TextNode(text).toString();
    }

    /** Between single quotes, escaped as in JSON: {@code 'conv'}. */
    static String singleQuoted(String text) {
        String json = quoted(text);
        return "'" + json.substring(1, json.length() - 1) + "'";
    }
}
