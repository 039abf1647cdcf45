package lrwb.engine.run;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Names and creates run folders: {@code runs/<yyyyMMdd-HHmmss>-<kind>-<short name>/}. */
public final class RunFolder {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private RunFolder() {
    }

    /** Creates a fresh folder under {@code runsDir}; a clash within the same second gets a -2, -3, ... suffix. */
    public static Path create(Path runsDir, String kind, String shortName, LocalDateTime now) throws IOException {
        Files.createDirectories(runsDir);
        String base = STAMP.format(now) + "-" + slug(kind) + "-" + slug(shortName);
        for (int n = 1; ; n++) {
            Path dir = runsDir.resolve(n == 1 ? base : base + "-" + n);
            try {
                return Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                // taken: try the next suffix
            }
        }
    }

    /** Lower-case letters, digits and dashes only, at most 40 characters: safe on every file system. */
    static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (s.length() > 40) {
            s = s.substring(0, 40).replaceAll("-+$", "");
        }
        return s.isEmpty() ? "run" : s;
    }
}
