package lrwb.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A folder of the CIFAR binary distribution as it is downloaded and unpacked. CIFAR-10
 * ({@code cifar-10-batches-bin}): {@code data_batch_1.bin} to {@code data_batch_5.bin} to train on,
 * {@code test_batch.bin} to validate on, class names in {@code batches.meta.txt}; each record is 1 label byte
 * and 3,072 pixel bytes. CIFAR-100 ({@code cifar-100-binary}): {@code train.bin} and {@code test.bin}, records
 * of a coarse and a fine label byte and the pixels; the fine label (100 classes) is the class, named by
 * {@code fine_label_names.txt}. The pixels are the red, green and blue planes of a 32×32 image, which is
 * already the (channel, row, column) order {@link ImageShape} flattens, so they are copied as they are and
 * scaled to [0, 1]. Without a names file the classes are CIFAR-10's published names, or numbers for CIFAR-100.
 */
final class CifarSource {
    static final ImageShape SHAPE = new ImageShape(3, 32, 32);
    private static final List<String> CIFAR10_NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
            "frog", "horse", "ship", "truck");
    /** Images per file in the published CIFAR-10 batches, for the size a full file has. */
    private static final int FULL_BATCH = 10_000;

    private CifarSource() {
    }

    /** CIFAR-10 or CIFAR-100: which files, how many label bytes lead each record, how many classes. */
    private record Variant(String name, List<String> trainFiles, String testFile, String namesFile, int labelBytes,
                           int numClasses) {
        int recordBytes() {
            return labelBytes + SHAPE.pixels();
        }
    }

    private static final Variant CIFAR10 = new Variant("CIFAR-10", List.of("data_batch_1.bin", "data_batch_2.bin",
            "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin"), "test_batch.bin", "batches.meta.txt", 1, 10);
    private static final Variant CIFAR100 = new Variant("CIFAR-100", List.of("train.bin"), "test.bin",
            "fine_label_names.txt", 2, 100);

    /** Pixels and labels of one part (train or test), as many images as were kept. */
    private record Part(byte[] pixels, int[] labels) {
    }

    /** @param limit at most this many images from each of the training and test parts; null for all */
    static LoadedData load(String dirText, Integer limit) {
        Path dir = Path.of(dirText);
        if (!Files.exists(dir)) {
            throw new DataException(dirText + ": no such folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new DataException(dirText + " is a file; cifar: needs the folder that holds the CIFAR binary files");
        }
        Variant variant = Files.isRegularFile(dir.resolve(CIFAR100.trainFiles().get(0))) ? CIFAR100 : CIFAR10;
        if (variant == CIFAR10 && !Files.exists(dir.resolve(CIFAR10.trainFiles().get(0)))) {
            throw new DataException(dirText + ": no CIFAR binary files (expected data_batch_1.bin .. data_batch_5.bin and "
                    + "test_batch.bin of CIFAR-10, or train.bin and test.bin of CIFAR-100)");
        }
        List<String> classNames = classNames(dir, variant);
        Part train = read(dir, variant, variant.trainFiles(), limit, classNames.size());
        Part test = read(dir, variant, List.of(variant.testFile()), limit, classNames.size());
        if (java.util.Arrays.stream(train.labels()).distinct().count() < 2) {
            throw new DataException(dir.resolve(variant.trainFiles().get(0)) + ": every training image has the label "
                    + train.labels()[0] + (limit != null && train.labels().length == limit ? " (read with limit " + limit + ")" : "")
                    + "; classification needs at least 2 classes");
        }
        return new LoadedData(folderName(dir),
                ImagePixels.toDataSet(train.pixels(), SHAPE, train.labels(), classNames.size()),
                ImagePixels.toDataSet(test.pixels(), SHAPE, test.labels(), classNames.size()),
                SHAPE.pixels(), classNames.size(), classNames, SHAPE);
    }

    /** Reads the files in turn until {@code limit} images are kept; each file's size is checked first. */
    private static Part read(Path dir, Variant variant, List<String> files, Integer limit, int numClasses) {
        int record = variant.recordBytes();
        long[] counts = new long[files.size()];
        long total = 0;
        for (int f = 0; f < files.size(); f++) {
            counts[f] = recordCount(dir.resolve(files.get(f)), variant);
            total += counts[f];
        }
        int kept = (int) Math.min(total, limit == null ? Integer.MAX_VALUE : limit);
        long pixelBytes = (long) kept * SHAPE.pixels();
        if (pixelBytes > Integer.MAX_VALUE - 8) {
            throw new DataException(dir + ": " + kept + " images are more than one part can hold here; read fewer (--limit)");
        }
        // the bytes, and the floats the network reads (off the heap, but counted: the machine has to hold them)
        MemoryCheck.require(variant.name() + " in " + dir + " (" + kept + " images)", 5 * pixelBytes,
                "read fewer images (--limit) or give Java more memory");
        byte[] pixels = new byte[(int) pixelBytes];
        int[] labels = new int[kept];
        int done = 0;
        byte[] buffer = new byte[record * 1024];
        for (int f = 0; f < files.size() && done < kept; f++) {
            Path path = dir.resolve(files.get(f));
            int fromFile = (int) Math.min(counts[f], kept - done);
            try (InputStream in = Files.newInputStream(path)) {
                int left = fromFile;
                while (left > 0) {
                    int chunk = Math.min(left, buffer.length / record);
                    int got = in.readNBytes(buffer, 0, chunk * record);
                    if (got != chunk * record) {
                        throw new DataException(path + ": the file ended early while it was read (was it replaced?)");
                    }
                    for (int r = 0; r < chunk; r++) {
                        int at = r * record;
                        int label = Byte.toUnsignedInt(buffer[at + variant.labelBytes() - 1]);
                        if (label >= numClasses) {
                            throw new DataException(path + ": image " + (fromFile - left + r) + " has the label " + label
                                    + "; " + variant.name() + " labels are 0 to " + (numClasses - 1));
                        }
                        labels[done] = label;
                        System.arraycopy(buffer, at + variant.labelBytes(), pixels, done * SHAPE.pixels(), SHAPE.pixels());
                        done++;
                    }
                    left -= chunk;
                }
            } catch (IOException e) {
                throw new DataException(path + ": " + FileProblem.of(e), e);
            }
        }
        return new Part(pixels, labels);
    }

    /** The number of records the file holds, after checking it is a whole number of them. */
    private static long recordCount(Path path, Variant variant) {
        FileProblem.ofFile(path).ifPresent(why -> {
            throw new DataException(path + ": " + why + " (a " + variant.name() + " binary folder has "
                    + String.join(", ", variant.trainFiles()) + " and " + variant.testFile() + ")");
        });
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            throw new DataException(path + ": " + FileProblem.of(e), e);
        }
        int record = variant.recordBytes();
        if (size == 0 || size % record != 0) {
            String full = variant == CIFAR10 ? " (" + (long) FULL_BATCH * record + " for a full batch of " + FULL_BATCH + ")" : "";
            throw new DataException(path + ": " + size + " bytes is not a whole number of " + variant.name() + " records of "
                    + record + " bytes" + full + "; the file is cut short or not " + variant.name() + " binary");
        }
        return size / record;
    }

    /** The names file's non-blank lines, or the defaults when there is no names file. */
    private static List<String> classNames(Path dir, Variant variant) {
        Path file = dir.resolve(variant.namesFile());
        if (!Files.exists(file)) {
            if (variant == CIFAR10) {
                return CIFAR10_NAMES;
            }
            List<String> numbers = new ArrayList<>();
            for (int c = 0; c < variant.numClasses(); c++) {
                numbers.add(Integer.toString(c));
            }
            return numbers;
        }
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new DataException(file + ": " + FileProblem.of(e), e);
        }
        if (names.size() != variant.numClasses()) {
            throw new DataException(file + ": " + names.size() + " class names, but " + variant.name() + " has "
                    + variant.numClasses() + " classes (one name a line)");
        }
        return names;
    }

    private static String folderName(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }
}
