package lrwb.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;

/** A run folder as bytes, to ship from an executor to the driver, and the removal of the executor's copy. */
final class RunFolderFiles {
    private RunFolderFiles() {
    }

    /** Every regular file under {@code folder}, by path relative to it with {@code /} separators, in name order. */
    static LinkedHashMap<String, byte[]> read(Path folder) throws IOException {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(folder)) {
            paths = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path p : paths) {
            files.put(folder.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        }
        return files;
    }

    /** Removes {@code dir} and everything in it; what cannot be removed stays (the executor's temp folder). */
    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // a leftover file in the temp folder harms nothing
                }
            });
        } catch (IOException e) {
            // same
        }
    }
}
