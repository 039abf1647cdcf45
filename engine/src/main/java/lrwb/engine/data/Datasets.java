package lrwb.engine.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Loads the dataset {@link DataOptions} name, ready to train on. Tabular sources (iris, the synthetic
 * sets, CSV) are split into train and validation by {@link DataOptions#valSplit()} and standardised with
 * training statistics. Image sources are scaled to [0, 1]: idx and cifar folders bring their own validation
 * part, an image folder does when it has {@code train/} and {@code test/}, and {@code shapes} is split. Every
 * problem with the data or the options is a {@link DataException} with a message for the user.
 */
public final class Datasets {
    static final String SOURCE_FORMS = "iris, spirals, moons, circles, blobs, shapes, csv:PATH, idx:DIR, cifar:DIR or images:DIR";
    private static final String CSV_PREFIX = "csv:";
    private static final String IDX_PREFIX = "idx:";
    private static final String CIFAR_PREFIX = "cifar:";

    private Datasets() {
    }

    /** The datasets that need no file: {@code iris}, the synthetic 2-D sets and the synthetic {@code shapes} images. */
    public static List<String> builtInNames() {
        List<String> names = new ArrayList<>();
        names.add(IrisSource.NAME);
        names.addAll(SyntheticSet.names());
        names.add(Shapes.NAME);
        return List.copyOf(names);
    }

    static final String TABULAR_NORMALIZE = "normalize applies to image data only (tabular features are always "
            + "standardised on the training split)";
    static final String TABULAR_AUGMENT = "augment applies to image data only";

    /**
     * Loads and normalises the data, refusing image options on tabular data (before it is read, when the source
     * says what it is, or after).
     */
    public static LoadedData load(DataOptions options) {
        if (options.normalize() == null && options.augment() == null) {
            return loadSource(options);
        }
        checkImageOptions(options);
        return normalized(requireImages(loadSource(options), options), options);
    }

    /** Refuses {@code normalize} and {@code augment} on data that was read and turned out tabular. */
    static LoadedData requireImages(LoadedData data, DataOptions options) {
        if (!data.isImage()) {
            throw new DataException(data.name() + ": " + (options.augment() != null ? TABULAR_AUGMENT : TABULAR_NORMALIZE));
        }
        return data;
    }

    /** Image data as the options normalise it: standardised per channel IN PLACE, or as it is (pixel / 255). */
    static LoadedData normalized(LoadedData data, DataOptions options) {
        if (options.imageNormalization() == ImageNormalization.STANDARD) {
            ChannelStats stats = ChannelStats.fitOn(data.train(), data.imageShape());
            stats.apply(data.train(), data.imageShape());
            stats.apply(data.validation(), data.imageShape());
            return new LoadedData(data.name(), data.train(), data.validation(), data.numFeatures(), data.numClasses(),
                    data.classNames(), data.imageShape(), stats);
        }
        return data;
    }

    /**
     * Refuses {@code normalize} and {@code augment} on a source that is tabular by its name (iris, the 2-D sets, CSV),
     * without reading anything, so a form can say so at the field; {@link #load} checks again what it loaded.
     *
     * @throws DataException naming the source and the option
     */
    public static void checkImageOptions(DataOptions options) {
        if (options.normalize() == null && options.augment() == null) {
            return;
        }
        String lower = options.source().toLowerCase(Locale.ROOT);
        boolean tabular;
        try {
            tabular = lower.startsWith(CSV_PREFIX) || lower.equals(IrisSource.NAME) || SyntheticSet.parse(options.source()).isPresent();
        } catch (DataException e) {
            return; // a synthetic set with bad parameters: load says what is wrong with them
        }
        if (tabular) {
            String name = lower.startsWith(CSV_PREFIX) ? options.source() : lower;
            throw new DataException(name + ": " + (options.augment() != null ? TABULAR_AUGMENT : TABULAR_NORMALIZE));
        }
    }

    /** The file or folder a source reads ({@code csv:}, {@code idx:}, {@code cifar:}, {@code images:}); empty for a built-in set. */
    static Optional<Path> sourcePath(String source) {
        String lower = source.toLowerCase(Locale.ROOT);
        String text = null;
        for (String prefix : List.of(CSV_PREFIX, IDX_PREFIX, CIFAR_PREFIX)) {
            if (lower.startsWith(prefix)) {
                text = source.substring(prefix.length());
            }
        }
        if (lower.startsWith(ImageFolderSource.PREFIX)) {
            text = ImageFolderSource.folderText(source.substring(ImageFolderSource.PREFIX.length()).strip());
        }
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text.strip()));
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty(); // loading says what is wrong with it
        }
    }

    private static LoadedData loadSource(DataOptions options) {
        String source = options.source();
        String lower = source.toLowerCase(Locale.ROOT);
        if (lower.startsWith(CSV_PREFIX)) {
            String file = requirePath(source.substring(CSV_PREFIX.length()), "csv:PATH needs a file, e.g. csv:data.csv");
            Path path = Path.of(file);
            Examples rows = CsvSource.read(path, file, options.labelColumn(), options.header(), options.limit());
            return tabular(fileName(path), file, rows, options);
        }
        if (lower.startsWith(IDX_PREFIX)) {
            String dir = requirePath(source.substring(IDX_PREFIX.length()), "idx:DIR needs a folder, e.g. idx:mnist");
            return IdxSource.load(dir, options.limit());
        }
        if (lower.startsWith(CIFAR_PREFIX)) {
            String dir = requirePath(source.substring(CIFAR_PREFIX.length()), "cifar:DIR needs a folder, e.g. cifar:cifar-10-batches-bin");
            return CifarSource.load(dir, options.limit());
        }
        if (lower.startsWith(ImageFolderSource.PREFIX)) {
            return ImageFolderSource.load(source.substring(ImageFolderSource.PREFIX.length()).strip(), options);
        }
        Optional<Shapes> shapes = Shapes.parse(source);
        if (shapes.isPresent()) {
            return images(shapes.get(), options);
        }
        if (lower.equals(IrisSource.NAME)) {
            return tabular(IrisSource.NAME, IrisSource.NAME, builtInSubset(IrisSource.read(), options), options);
        }
        Optional<SyntheticSet> synthetic = SyntheticSet.parse(source);
        if (synthetic.isPresent()) {
            SyntheticSet set = synthetic.get();
            return tabular(set.name(), set.name(), builtInSubset(set.generate(options.seed()), options), options);
        }
        throw new DataException("unknown dataset " + OptionRules.quoted(source) + ": use " + SOURCE_FORMS);
    }

    /**
     * Built-in rows are stored sorted by class, so "the first N rows" would be one class; a limit on them
     * takes a seeded random N instead. (A CSV limit reads the file's first N rows, as the user ordered them.)
     */
    private static Examples builtInSubset(Examples all, DataOptions options) {
        return options.limit() == null ? all : all.sample(options.limit(), options.seed());
    }

    /** Generated images, a seeded sample of them with a limit, split by valSplit; pixels stay in [0, 1]. */
    private static LoadedData images(Shapes shapes, DataOptions options) {
        Examples all = builtInSubset(shapes.generate(options.seed()), options);
        TrainValidationSplit.Parts parts = TrainValidationSplit.split(all, options.valSplit(), options.seed(), Shapes.NAME);
        return new LoadedData(Shapes.NAME, parts.train().toDataSet(), parts.validation().toDataSet(),
                all.numFeatures(), all.numClasses(), all.classNames(), shapes.imageShape());
    }

    private static LoadedData tabular(String name, String display, Examples rows, DataOptions options) {
        if (rows.presentClassCount() < 2) {
            boolean limited = options.limit() != null && rows.size() == options.limit();
            throw new DataException(display + ": every row has the label '" + rows.classNames().get(rows.label(0)) + "'"
                    + (limited ? " (read with limit " + options.limit() + ")" : "")
                    + "; classification needs at least 2 classes");
        }
        TrainValidationSplit.Parts parts = TrainValidationSplit.split(rows, options.valSplit(), options.seed(), display);
        FeatureStandardizer standardizer = FeatureStandardizer.fitOn(parts.train());
        return new LoadedData(name,
                standardizer.apply(parts.train()).toDataSet(),
                standardizer.apply(parts.validation()).toDataSet(),
                rows.numFeatures(), rows.numClasses(), rows.classNames(), null);
    }

    private static String requirePath(String text, String problem) {
        if (text.isBlank()) {
            throw new DataException(problem);
        }
        return text.strip();
    }

    private static String fileName(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
