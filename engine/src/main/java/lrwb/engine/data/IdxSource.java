package lrwb.engine.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A folder of MNIST-format files: {@code train-} images and labels to train on and {@code t10k-} images and
 * labels to validate on (so valSplit does not apply). Both spellings in circulation are accepted
 * ({@code train-images-idx3-ubyte} and {@code train-images.idx3-ubyte}), each plain or {@code .gz}, with any
 * record count and image size the headers declare, grey or colour ({@link IdxFile}). Pixels are scaled to [0, 1]; there are
 * {@code max label + 1} classes, named {@code 0, 1, ...} or, for a Fashion-MNIST folder, by {@link IdxClassNames}.
 */
final class IdxSource {
    private IdxSource() {
    }

    private record Part(IdxFile.Images images, IdxFile.Labels labels) {
    }

    /** @param limit at most this many records from each of the train and t10k parts; null for all */
    static LoadedData load(String dirText, Integer limit) {
        Path dir = Path.of(dirText);
        if (!Files.exists(dir)) {
            throw new DataException(dirText + ": no such folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new DataException(dirText + " is a file; idx: needs the folder that holds the MNIST-format files");
        }
        if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
            throw new DataException(dirText + ": permission denied (the folder cannot be listed or entered)");
        }
        Part train = readPart(dir, dirText, "train", limit);
        Part validation = readPart(dir, dirText, "t10k", limit);
        IdxFile.Images trainImages = train.images();
        IdxFile.Images validationImages = validation.images();
        if (!trainImages.size().equals(validationImages.size())) {
            throw new DataException(validationImages.display() + ": images are " + validationImages.size()
                    + " pixels, but the training images are " + trainImages.size());
        }
        requireTwoClasses(train.labels(), limit);
        int numClasses = Math.max(maxLabel(train.labels()), maxLabel(validation.labels())) + 1;
        List<String> classNames = IdxClassNames.of(dir, numClasses);
        ImageShape shape = new ImageShape(trainImages.channels(), trainImages.rows(), trainImages.columns());
        return new LoadedData(folderName(dir), examples(train, classNames).toDataSet(),
                examples(validation, classNames).toDataSet(), shape.pixels(), numClasses, classNames, shape);
    }

    private static Part readPart(Path dir, String dirText, String prefix, Integer limit) {
        Path imagesPath = find(dir, dirText, prefix, "images", "idx3");
        Path labelsPath = find(dir, dirText, prefix, "labels", "idx1");
        IdxFile.Images images = IdxFile.readImages(imagesPath, imagesPath.toString(), limit);
        IdxFile.Labels labels = IdxFile.readLabels(labelsPath, labelsPath.toString(), limit);
        if (images.declared() != labels.declared()) {
            throw new DataException(images.display() + " has " + images.declared() + " images, but "
                    + labels.display() + " has " + labels.declared() + " labels");
        }
        return new Part(images, labels);
    }

    /** Whether {@code dir} holds the four files of an idx: folder (for finding data already on disk). */
    static boolean isIdxFolder(Path dir) {
        for (String prefix : List.of("train", "t10k")) {
            if (existing(dir, prefix, "images", "idx3") == null || existing(dir, prefix, "labels", "idx1") == null) {
                return false;
            }
        }
        return true;
    }

    /** {@code train-images-idx3-ubyte}, {@code train-images.idx3-ubyte}, or either with {@code .gz}. */
    private static Path find(Path dir, String dirText, String prefix, String kind, String format) {
        Path found = existing(dir, prefix, kind, format);
        if (found == null) {
            String dashed = prefix + "-" + kind + "-" + format + "-ubyte";
            String dotted = prefix + "-" + kind + "." + format + "-ubyte";
            throw new DataException(dirText + ": no " + prefix + " " + kind + " file (expected " + dashed + " or "
                    + dotted + ", plain or .gz" + (kind.equals("images") ? "; colour images may say idx4" : "") + ")");
        }
        return found;
    }

    private static Path existing(Path dir, String prefix, String kind, String format) {
        List<String> formats = kind.equals("images") ? List.of(format, "idx4") : List.of(format);
        for (String f : formats) {
            String dashed = prefix + "-" + kind + "-" + f + "-ubyte";
            String dotted = prefix + "-" + kind + "." + f + "-ubyte";
            for (String name : List.of(dashed, dotted, dashed + ".gz", dotted + ".gz")) {
                Path candidate = dir.resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static void requireTwoClasses(IdxFile.Labels labels, Integer limit) {
        byte[] values = labels.values();
        for (byte v : values) {
            if (v != values[0]) {
                return;
            }
        }
        String note = limit != null && values.length == limit ? " (read with limit " + limit + ")" : "";
        throw new DataException(labels.display() + ": every training label is " + Byte.toUnsignedInt(values[0])
                + note + "; classification needs at least 2 classes");
    }

    private static int maxLabel(IdxFile.Labels labels) {
        int max = 0;
        for (byte v : labels.values()) {
            max = Math.max(max, Byte.toUnsignedInt(v));
        }
        return max;
    }

    private static Examples examples(Part part, List<String> classNames) {
        byte[] pixels = part.images().pixels();
        float[] features = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            features[i] = Byte.toUnsignedInt(pixels[i]) / 255f;
        }
        byte[] values = part.labels().values();
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            labels[i] = Byte.toUnsignedInt(values[i]);
        }
        return new Examples(features, part.images().channels() * part.images().rows() * part.images().columns(), labels, classNames);
    }

    private static String folderName(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }
}
