package lrwb.engine.export;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A Python call with keyword arguments, written on one line when short and one argument per line otherwise. */
final class PythonCall {
    private static final int MAX_LINE = 80;

    /** {@code name=value}, or a positional argument when the name is null. */
    private record Arg(String name, String value, String comment) {
        String text() {
            return name == null ? value : name + "=" + value;
        }
    }

    private final String function;
    private final List<Arg> args = new ArrayList<>();

    PythonCall(String function) {
        this.function = function;
    }

    /** A keyword argument; a null name makes it positional (positional ones come first). */
    PythonCall arg(String name, String value) {
        return arg(name, value, null);
    }

    /** An argument with a {@code # comment} saying why it has this value (forces one argument per line). */
    PythonCall arg(String name, String value, String comment) {
        args.add(new Arg(name, value, comment));
        return this;
    }

    String render() {
        String oneLine = function + args.stream().map(Arg::text).collect(Collectors.joining(", ", "(", ")"));
        if (args.stream().allMatch(a -> a.comment == null) && oneLine.length() <= MAX_LINE && !oneLine.contains("\n")) {
            return oneLine;
        }
        StringBuilder b = new StringBuilder(function).append("(\n");
        for (Arg a : args) {
            b.append("    ").append(Template.indentFollowing(a.text(), "    ")).append(',');
            if (a.comment != null) {
                b.append("  # ").append(a.comment);
            }
            b.append('\n');
        }
        return b.append(')').toString();
    }

    /** A Python list, on one line when short. */
    static String list(List<String> items) {
        String oneLine = "[" + String.join(", ", items) + "]";
        if (oneLine.length() <= MAX_LINE && !oneLine.contains("\n")) {
            return oneLine;
        }
        StringBuilder b = new StringBuilder("[\n");
        items.forEach(i -> b.append("    ").append(Template.indentFollowing(i, "    ")).append(",\n"));
        return b.append(']').toString();
    }
}
