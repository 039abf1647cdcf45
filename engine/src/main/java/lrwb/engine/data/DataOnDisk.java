package lrwb.engine.data;

import org.deeplearning4j.common.resources.DL4JResources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * MNIST-format data a user already has, found where programs put it, so the app can offer it without a file
 * chooser: Debian's {@code dataset-*} packages ({@code /usr/share/datasets/<name>}, e.g. dataset-fashion-mnist),
 * DL4J's own data folder ({@code DL4JResources}' base directory, {@code ~/.deeplearning4j/data/MNIST} where DL4J's
 * MNIST iterator downloads) and Keras' download folder ({@code ~/.keras/datasets/fashion-mnist}). A folder counts
 * when it holds the four files an {@code idx:} source reads. Nothing is read beyond a directory listing.
 */
public final class DataOnDisk {
    private DataOnDisk() {
    }

    /** {@code idx:} sources for every such folder found under the usual places, in a stable order. */
    public static List<String> idxSources() {
        List<Path> roots = new ArrayList<>();
        roots.add(Path.of("/usr/share/datasets"));
        try {
            roots.add(DL4JResources.getBaseDirectory().toPath().resolve("data"));
        } catch (RuntimeException e) {
            // no home folder to resolve: nothing of DL4J's to find
        }
        String home = System.getProperty("user.home");
        if (home != null) {
            roots.add(Path.of(home, ".keras", "datasets"));
        }
        return idxSourcesUnder(roots);
    }

    /** {@code idx:} sources for the folders directly inside {@code roots} (and the roots themselves) that hold IDX data. */
    static List<String> idxSourcesUnder(List<Path> roots) {
        List<String> found = new ArrayList<>();
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            List<Path> candidates = new ArrayList<>();
            candidates.add(root);
            try (Stream<Path> children = Files.list(root)) {
                children.filter(Files::isDirectory).sorted().forEach(candidates::add);
            } catch (IOException | SecurityException e) {
                // an unreadable folder holds nothing we can offer
            }
            for (Path candidate : candidates) {
                if (IdxSource.isIdxFolder(candidate)) {
                    found.add("idx:" + candidate.toAbsolutePath());
                }
            }
        }
        return List.copyOf(found);
    }
}
