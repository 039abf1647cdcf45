package lrwb.engine.data;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of PNG and JPEG files, one subfolder per class ({@code cats/}, {@code dogs/}; the classes are the
 * folder names, sorted). When the folder holds {@code train/} and {@code test/} (or {@code val/}), each of them
 * laid out that way, those are the training and validation parts; otherwise the validation split holds out a
 * stratified part. Images are read with {@code javax.imageio} (no native image library) and resized to
 * {@code size}×{@code size} (bilinear; an image of that size already is copied as it is). If every image is
 * grayscale the set has 1 channel, otherwise 3 (RGB), a grayscale image then giving 3 equal channels; an alpha
 * channel is dropped. Pixels are scaled to [0, 1].
 *
 * <p>As a {@link DataOptions#source()}: {@code images:DIR} or {@code images:DIR,size=64} (default 32).
 */
final class ImageFolderSource {
    static final String PREFIX = "images:";
    static final int DEFAULT_SIZE = 32;
    static final int MAX_SIZE = 512;
    /** Trailing {@code ,name=value} options after the folder (a value holds no comma or slash). */
    private static final Pattern OPTIONS = Pattern.compile("(,\\s*[A-Za-z]+\\s*=[^,/\\\\]*)+$");
    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

    private ImageFolderSource() {
    }

    /** One image as read and resized: {@code size * size} bytes if gray, else three planes of them (R, G, B). */
    private record Picture(byte[] planes, boolean gray, int label) {
    }

    private record ClassFolder(String name, List<Path> files) {
    }

    /** The folder of what follows {@code images:}: {@code photos} of {@code photos,size=64}. */
    static String folderText(String text) {
        java.util.regex.Matcher m = OPTIONS.matcher(text);
        return m.find() ? text.substring(0, m.start()).strip() : text;
    }

    /** @param text what follows {@code images:}, e.g. {@code photos,size=64} */
    static LoadedData load(String text, DataOptions options) {
        java.util.regex.Matcher m = OPTIONS.matcher(text);
        String dirText = text;
        String optionText = "";
        if (m.find()) {
            dirText = text.substring(0, m.start()).strip();
            optionText = text.substring(m.start() + 1);
        }
        SourceParameters parameters = SourceParameters.parse("images", optionText);
        int size = OptionRules.between("images", "size", parameters.integer("size", DEFAULT_SIZE), 1, MAX_SIZE);
        parameters.rejectUnknown();
        if (dirText.isBlank()) {
            throw new DataException("images:DIR needs a folder, e.g. images:photos or images:photos,size=64");
        }
        Path dir = Path.of(dirText);
        if (!Files.exists(dir)) {
            throw new DataException(dirText + ": no such folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new DataException(dirText + " is a file; images: needs a folder with one subfolder per class");
        }
        Path train = dir.resolve("train");
        Path held = Files.isDirectory(dir.resolve("test")) ? dir.resolve("test") : dir.resolve("val");
        boolean split = Files.isDirectory(train) && Files.isDirectory(held);
        List<ClassFolder> trainClasses = classFolders(split ? train : dir);
        if (trainClasses.size() < 2) {
            throw new DataException((split ? train : dir) + ": " + trainClasses.size() + " class folder"
                    + (trainClasses.size() == 1 ? " (" + trainClasses.get(0).name() + ")" : "")
                    + "; classification needs at least 2 (one subfolder per class of PNG/JPEG files)");
        }
        List<String> classNames = trainClasses.stream().map(ClassFolder::name).toList();
        Integer limit = options.limit();
        List<Picture> trainPictures = read(trainClasses, classNames, size, limit, options.seed());
        List<Picture> heldPictures = List.of();
        if (split) {
            List<ClassFolder> heldClasses = classFolders(held);
            for (ClassFolder c : heldClasses) {
                if (!classNames.contains(c.name())) {
                    throw new DataException(held.resolve(c.name()) + ": class " + OptionRules.quoted(c.name())
                            + " is not among the training classes in " + train + " (" + String.join(", ", classNames) + ")");
                }
            }
            heldPictures = read(heldClasses, classNames, size, limit, options.seed());
        }
        boolean gray = Stream.concat(trainPictures.stream(), heldPictures.stream()).allMatch(Picture::gray);
        ImageShape shape = new ImageShape(gray ? 1 : 3, size, size);
        Examples trainExamples = examples(trainPictures, shape, classNames);
        Examples heldExamples;
        if (split) {
            heldExamples = examples(heldPictures, shape, classNames);
        } else {
            TrainValidationSplit.Parts parts = TrainValidationSplit.split(trainExamples, options.valSplit(), options.seed(), dirText);
            trainExamples = parts.train();
            heldExamples = parts.validation();
        }
        if (trainExamples.presentClassCount() < 2) {
            throw new DataException(dirText + ": the training images" + (limit != null ? " (read with limit " + limit + ")" : "")
                    + " are all of one class; classification needs at least 2 classes");
        }
        return new LoadedData(folderName(dir), trainExamples.toDataSet(), heldExamples.toDataSet(), shape.pixels(),
                classNames.size(), classNames, shape);
    }

    /** The subfolders (hidden ones left out), sorted by name, each with its PNG and JPEG files, sorted. */
    private static List<ClassFolder> classFolders(Path root) {
        List<Path> folders;
        try (Stream<Path> entries = Files.list(root)) {
            folders = entries.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new DataException(root + ": " + FileProblem.of(e), e);
        }
        if (folders.isEmpty()) {
            throw new DataException(root + ": no class folders (images: needs one subfolder per class of PNG/JPEG files)");
        }
        List<ClassFolder> classes = new ArrayList<>();
        for (Path folder : folders) {
            List<Path> files;
            try (Stream<Path> entries = Files.list(folder)) {
                files = entries.filter(Files::isRegularFile).filter(ImageFolderSource::isImageFile).sorted().toList();
            } catch (IOException e) {
                throw new DataException(folder + ": " + FileProblem.of(e), e);
            }
            if (files.isEmpty()) {
                throw new DataException(folder + ": no PNG or JPEG images (every class folder needs at least one)");
            }
            classes.add(new ClassFolder(folder.getFileName().toString(), files));
        }
        return classes;
    }

    private static boolean isImageFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /** Every file, or with a limit a seeded random {@code limit} of them (sorted by class, the first would be one class). */
    private static List<Picture> read(List<ClassFolder> classes, List<String> classNames, int size, Integer limit, long seed) {
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (ClassFolder c : classes) {
            for (Path f : c.files()) {
                files.add(f);
                labels.add(classNames.indexOf(c.name()));
            }
        }
        int[] chosen;
        if (limit == null || limit >= files.size()) {
            chosen = java.util.stream.IntStream.range(0, files.size()).toArray();
        } else {
            int[] order = SeededRandom.permutation(files.size(), SeededRandom.stream(seed, SeededRandom.SAMPLE_STREAM));
            chosen = java.util.Arrays.copyOf(order, limit);
            java.util.Arrays.sort(chosen);
        }
        MemoryCheck.require(classes.size() + " class folders (" + chosen.length + " images of " + size + "x" + size + ")",
                3L * size * size * chosen.length * 13, "read fewer images (--limit), use a smaller size or give Java more memory");
        List<Picture> pictures = new ArrayList<>(chosen.length);
        for (int i : chosen) {
            pictures.add(picture(files.get(i), size, labels.get(i)));
        }
        return pictures;
    }

    private static Picture picture(Path file, int size, int label) {
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new DataException(file + ": cannot be read as an image (" + FileProblem.ofFile(file).orElse(
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")", e);
        }
        if (image == null) {
            throw new DataException(file + ": not a PNG or JPEG image javax.imageio can read");
        }
        boolean gray = image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        int plane = size * size;
        if (gray) {
            // Gray stays gray: drawn into an RGB image Java2D would convert linear gray to sRGB (lighter pixels).
            BufferedImage sized = image.getType() == BufferedImage.TYPE_BYTE_GRAY && image.getWidth() == size
                    && image.getHeight() == size ? image : resized(image, size, BufferedImage.TYPE_BYTE_GRAY);
            byte[] planes = new byte[plane];
            int[] samples = sized.getRaster().getSamples(0, 0, size, size, 0, (int[]) null);
            for (int i = 0; i < plane; i++) {
                planes[i] = (byte) samples[i];
            }
            return new Picture(planes, true, label);
        }
        BufferedImage sized = image.getWidth() == size && image.getHeight() == size
                ? image : resized(image, size, BufferedImage.TYPE_INT_RGB);
        int[] rgb = sized.getRGB(0, 0, size, size, null, 0, size);
        byte[] planes = new byte[3 * plane];
        for (int i = 0; i < plane; i++) {
            planes[i] = (byte) (rgb[i] >> 16);
            planes[plane + i] = (byte) (rgb[i] >> 8);
            planes[2 * plane + i] = (byte) rgb[i];
        }
        return new Picture(planes, false, label);
    }

    private static BufferedImage resized(BufferedImage image, int size, int type) {
        BufferedImage sized = new BufferedImage(size, size, type);
        Graphics2D g = sized.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(image, 0, 0, size, size, null);
        } finally {
            g.dispose();
        }
        return sized;
    }

    private static Examples examples(List<Picture> pictures, ImageShape shape, List<String> classNames) {
        int pixels = shape.pixels();
        int plane = shape.height() * shape.width();
        float[] features = new float[pictures.size() * pixels];
        int[] labels = new int[pictures.size()];
        for (int p = 0; p < pictures.size(); p++) {
            Picture picture = pictures.get(p);
            labels[p] = picture.label();
            int offset = p * pixels;
            for (int i = 0; i < pixels; i++) {
                // a gray picture in an RGB set repeats its one plane for each channel
                int value = Byte.toUnsignedInt(picture.planes()[picture.gray() ? i % plane : i]);
                features[offset + i] = value / 255f;
            }
        }
        return new Examples(features, pixels, labels, classNames);
    }

    private static String folderName(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return name == null ? dir.toString() : name.toString();
    }
}
