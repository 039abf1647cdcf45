package lrwb.engine.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the files a dataset source reads look like now, as one number: the relative path, size and modification time
 * of every file under the source's file or folder (three levels deep: {@code images:DIR/train/cat/x.png}). Equal
 * stamps mean the source reads what it read before. Built-in sets read no file and always have the same stamp; a
 * missing or unreadable path has a stamp of its own, so its message is produced again by loading.
 */
final class SourceStamp {
    /** Deep enough for {@code images:DIR} with {@code train/} and {@code test/} class folders. */
    private static final int DEPTH = 3;
    private static final long BUILT_IN = 0;
    private static final long UNREADABLE = -1;

    private SourceStamp() {
    }

    static long of(String source) {
        Optional<Path> path = Datasets.sourcePath(source);
        if (path.isEmpty()) {
            return BUILT_IN;
        }
        Path root = path.get();
        try (Stream<Path> files = Files.walk(root, DEPTH)) {
            long[] stamp = {17};
            files.forEach(file -> {
                try {
                    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        long h = root.relativize(file).toString().hashCode();
                        h = 31 * h + a.size();
                        h = 31 * h + a.lastModifiedTime().toMillis();
                        stamp[0] += mix(h); // a sum: the order the folder lists its files in does not matter
                    }
                } catch (IOException e) {
                    stamp[0] += mix(file.toString().hashCode()) ^ UNREADABLE;
                }
            });
            return stamp[0];
        } catch (IOException | RuntimeException e) {
            return UNREADABLE;
        }
    }

    /** SplitMix64's finaliser: sums of mixed values rarely collide where sums of raw hashes would. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
