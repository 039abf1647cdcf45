package lrwb.engine.cli;

/**
 * Every message the CLI prints is one line (cli.md), even when it quotes a value the user typed with a
 * newline in it ({@code --dataset $'csv:a\nb'}): line breaks are shown escaped, as {@code \n}, so a script
 * reading stderr line by line still gets the whole message in one line.
 */
final class OneLine {
    private OneLine() {
    }

    static String of(String message) {
        if (message == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(message.length());
        for (int i = 0; i < message.length(); i++) {
            char c = message.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\u0085', '\u2028', '\u2029' -> b.append(String.format("\\u%04x", (int) c));
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
