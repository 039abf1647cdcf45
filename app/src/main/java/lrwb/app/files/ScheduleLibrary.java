package lrwb.app.files;

import lrwb.engine.run.AtomicFile;
import lrwb.engine.run.WorkbenchHome;
import lrwb.engine.schedule.ScheduleJson;
import lrwb.engine.schedule.ScheduleSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Saved schedules: {@code schedules/NAME.json} under the workbench home, in the format of specs/schedules.md. */
public final class ScheduleLibrary {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._+()-]{0,63}");
    private final WorkbenchHome home;

    public ScheduleLibrary(WorkbenchHome home) {
        this.home = home;
    }

    public WorkbenchHome home() {
        return home;
    }

    /** Why {@code name} cannot name a file, or null when it can. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.endsWith(".") || name.endsWith(" ")) {
            return "name must be 1–64 letters, digits, spaces or . _ + ( ) -, starting with a letter or digit (got \""
                    + (name == null ? "" : name) + "\")";
        }
        return null;
    }

    /** A file name close to a curve's name: "Cosine + warmup" stays, "lr/(1+kt)" becomes "lr-(1+kt)". */
    public static String suggestName(String curveName) {
        String s = curveName == null ? "" : curveName.strip().replaceAll("[^A-Za-z0-9 ._+()-]", "-")
                .replaceAll("^[^A-Za-z0-9]+", "").replaceAll("[. ]+$", "");
        s = s.length() > 64 ? s.substring(0, 64) : s;
        return s.isEmpty() ? "schedule" : s;
    }

    public Path fileOf(String name) {
        return home.schedules().resolve(name + ".json");
    }

    /** Writes the spec (every parameter spelled out), replacing a file of the same name. */
    public Path save(String name, ScheduleSpec spec) throws IOException {
        String problem = checkName(name);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        Path file = fileOf(name);
        AtomicFile.write(file, ScheduleJson.write(spec) + "\n");
        return file;
    }

    /**
     * @throws lrwb.engine.schedule.InvalidSpecException when the file is not a valid spec (message names the field)
     */
    public ScheduleSpec load(String name) throws IOException {
        return ScheduleJson.read(fileOf(name));
    }

    /** Names of the saved schedules, sorted. */
    public List<String> names() throws IOException {
        Path dir = home.schedules();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json") && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - ".json".length()))
                    .sorted(String.CASE_INSENSITIVE_ORDER)
                    .toList();
        }
    }
}
