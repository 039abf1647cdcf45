package lrwb.engine.cli;

import lrwb.engine.data.FileProblem;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --spec FILE|JSON}: inline JSON when it starts with '{', otherwise a file to read. */
final class SpecArgument {
    private SpecArgument() {
    }

    static ScheduleSpec read(String option, String value) {
        String text = value.strip();
        String source = "inline JSON";
        if (!text.startsWith("{")) {
            Path file = Path.of(value);
            FileProblem.ofFile(file).ifPresent(why -> {
                throw new BadInputException(option + ": " + (why.startsWith("is ") ? value + " " + why : why + ": " + value)
                        + " (give a schedule JSON file, or inline JSON starting with '{')");
            });
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new BadInputException(option + ": cannot read " + value + ": " + FileProblem.of(e));
            }
            source = value;
        }
        try {
            return ScheduleJson.parse(text);
        } catch (lrwb.engine.schedule.InvalidSpecException e) {
            throw new BadInputException(option + " (" + source + "): " + e.getMessage());
        }
    }
}
