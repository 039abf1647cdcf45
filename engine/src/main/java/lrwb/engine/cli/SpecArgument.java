package lrwb.engine.cli;

import lrwb.engine.data.FileProblem;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --spec FILE|JSON} (and {@code --grid}): inline JSON when it starts with '{', otherwise a file to read. */
final class SpecArgument {
    private SpecArgument() {
    }

    /** The JSON text of an argument and where it came from ({@code inline JSON} or the file's name). */
    record Text(String json, String source) {
    }

    static ScheduleSpec read(String option, String value) {
        Text text = text(option, value, "a schedule JSON file");
        try {
            return ScheduleJson.parse(text.json());
        } catch (lrwb.engine.schedule.InvalidSpecException e) {
            throw new BadInputException(option + " (" + text.source() + "): " + e.getMessage());
        }
    }

    /** @param what what a file should be, for the message when it cannot be read ({@code a schedule JSON file}) */
    static Text text(String option, String value, String what) {
        String text = value.strip();
        if (text.startsWith("{")) {
            return new Text(text, "inline JSON");
        }
        Path file = Path.of(value);
        FileProblem.ofFile(file).ifPresent(why -> {
            throw new BadInputException(option + ": " + (why.startsWith("is ") ? value + " " + why : why + ": " + value)
                    + " (give " + what + ", or inline JSON starting with '{')");
        });
        try {
            return new Text(Files.readString(file), value);
        } catch (IOException e) {
            throw new BadInputException(option + ": cannot read " + value + ": " + FileProblem.of(e));
        }
    }
}
