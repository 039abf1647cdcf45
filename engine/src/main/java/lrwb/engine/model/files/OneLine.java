package lrwb.engine.model.files;

/** The first line of an exception's message: DL4J's messages run over several lines and end in advice to file issues. */
final class OneLine {
    private OneLine() {
    }

    static String of(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String line = message.strip().lines().findFirst().orElse("").strip();
        int issues = line.indexOf(" Please file an issue");
        return issues > 0 ? line.substring(0, issues) : line;
    }
}
