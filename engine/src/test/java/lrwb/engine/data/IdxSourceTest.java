package lrwb.engine.data;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static lrwb.engine.data.DataAssertions.assertShape;
import static lrwb.engine.data.DataAssertions.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class IdxSourceTest {
    private static final int[][] TRAIN_PIXELS = {
            {0, 51, 102, 153, 204, 255},
            {255, 255, 255, 0, 0, 0},
            {1, 2, 3, 4, 5, 6}};
    private static final int[] TRAIN_LABELS = {0, 2, 1};
    private static final int[][] TEST_PIXELS = {
            {10, 20, 30, 40, 50, 60},
            {0, 0, 0, 0, 0, 0},
            {255, 0, 255, 0, 255, 0}};
    private static final int[] TEST_LABELS = {1, 3, 0};

    @TempDir
    Path root;
    private Path mnist;

    @BeforeEach
    void createFolder() throws IOException {
        mnist = Files.createDirectory(root.resolve("mnist"));
    }

    @Test
    void roundTripsPlainFiles() throws IOException {
        writeAll("-idx3-ubyte", "-idx1-ubyte", false);
        assertTheTinySet(Datasets.load(DataOptions.of("idx:" + mnist)));
    }

    @Test
    void roundTripsGzipFiles() throws IOException {
        writeAll("-idx3-ubyte.gz", "-idx1-ubyte.gz", true);
        assertTheTinySet(Datasets.load(DataOptions.of("idx:" + mnist)));
    }

    @Test
    void acceptsTheDottedSpelling() throws IOException {
        writeAll(".idx3-ubyte", ".idx1-ubyte", false);
        assertTheTinySet(Datasets.load(DataOptions.of("idx:" + mnist)));
    }

    @Test
    void aLimitAppliesToBothPartsAndValSplitToNeither() throws IOException {
        writeAll("-idx3-ubyte", "-idx1-ubyte", false);
        LoadedData data = Datasets.load(DataOptions.of("idx:" + mnist).withLimit(2).withValSplit(0.5));
        assertShape(data.train(), 2, 6, 4);
        assertShape(data.validation(), 2, 6, 4);
        assertThat(classes(data.train())).containsExactly(0, 2);
    }

    @Test
    void aMissingPartIsNamed() throws IOException {
        writeAll("-idx3-ubyte", "-idx1-ubyte", false);
        Files.delete(mnist.resolve("t10k-labels-idx1-ubyte"));
        assertLoadFails(mnist + ": no t10k labels file (expected t10k-labels-idx1-ubyte or t10k-labels.idx1-ubyte, plain or .gz)");
    }

    @Test
    void anImageHeaderThatDisagreesWithTheFileSize() throws IOException {
        writeAll("-idx3-ubyte", "-idx1-ubyte", false);
        Path images = IdxFiles.write(mnist.resolve("train-images-idx3-ubyte"), IdxFiles.images(4, 2, 3, TRAIN_PIXELS));
        assertLoadFails(images + ": the header says 4 images of 2x3 pixels (24 bytes), but the file holds 18 bytes of pixels");
    }

    @Test
    void aLabelHeaderThatDisagreesWithTheFileSize() throws IOException {
        writeAll("-idx3-ubyte", "-idx1-ubyte", false);
        Path labels = IdxFiles.write(mnist.resolve("t10k-labels-idx1-ubyte"), IdxFiles.labelsDeclaring(2, TEST_LABELS));
        assertLoadFails(labels + ": the header says 2 labels, but the file holds 3");
    }

    @Test
    void imagesAndLabelsMustPair() throws IOException {
        writeAll("-idx3-ubyte", "-idx1-ubyte", false);
        Path labels = IdxFiles.write(mnist.resolve("train-labels-idx1-ubyte"), IdxFiles.labels(0, 1));
        assertLoadFails(mnist.resolve("train-images-idx3-ubyte") + " has 3 images, but " + labels + " has 2 labels");
    }

    @Test
    void aLabelFileWhereImagesBelong() throws IOException {
        writeAll("-idx3-ubyte", "-idx1-ubyte", false);
        Path images = IdxFiles.write(mnist.resolve("train-images-idx3-ubyte"), IdxFiles.labels(TRAIN_LABELS));
        assertLoadFails(images + ": not an IDX image file (magic number 2049, expected 2051 or 2052)");
    }

    @Test
    void aHeaderCutShort() throws IOException {
        writeAll("-idx3-ubyte", "-idx1-ubyte", false);
        Path images = IdxFiles.write(mnist.resolve("train-images-idx3-ubyte"), new byte[]{0, 0, 8, 3, 0, 0, 0, 1});
        assertLoadFails(images + ": the IDX header is cut short (8 bytes, expected 16)");
    }

    @Test
    void trainAndTestImagesMustHaveOneSize() throws IOException {
        writeAll("-idx3-ubyte", "-idx1-ubyte", false);
        Path images = IdxFiles.write(mnist.resolve("t10k-images-idx3-ubyte"), IdxFiles.images(3, 2, TEST_PIXELS));
        assertLoadFails(images + ": images are 3x2 pixels, but the training images are 2x3");
    }

    @Test
    void oneTrainingClassOnly() throws IOException {
        writeAll("-idx3-ubyte", "-idx1-ubyte", false);
        Path labels = IdxFiles.write(mnist.resolve("train-labels-idx1-ubyte"), IdxFiles.labels(7, 7, 7));
        assertLoadFails(labels + ": every training label is 7; classification needs at least 2 classes");
    }

    @Test
    void theFolderMustExistAndBeAFolder() throws IOException {
        Path missing = root.resolve("nowhere");
        assertThatThrownBy(() -> Datasets.load(DataOptions.of("idx:" + missing))).isInstanceOf(DataException.class)
                .hasMessage(missing + ": no such folder");
        Path file = Files.writeString(root.resolve("file"), "x");
        assertThatThrownBy(() -> Datasets.load(DataOptions.of("idx:" + file)))
                .hasMessage(file + " is a file; idx: needs the folder that holds the MNIST-format files");
        assertThatThrownBy(() -> Datasets.load(DataOptions.of("idx:")))
                .hasMessage("idx:DIR needs a folder, e.g. idx:mnist");
    }

    // Two 1x2 RGB images; in (row, column, channel) order the first is red then green, the second grey levels.
    private static final int[][] RGB_CHANNELS_LAST = {{255, 0, 0, 0, 255, 0}, {10, 20, 30, 40, 50, 60}};
    // The same images in (channel, row, column) order: what the engine keeps.
    private static final int[][] RGB_CHANNELS_FIRST = {{255, 0, 0, 255, 0, 0}, {10, 40, 20, 50, 30, 60}};

    @Test
    void colourImagesWithTheChannelsLastAreKeptChannelByChannel() throws IOException {
        writeColour(IdxFiles.colourImages(1, 2, 3, RGB_CHANNELS_LAST), "idx4");
        assertTheColourSet(Datasets.load(DataOptions.of("idx:" + mnist)));
    }

    @Test
    void colourImagesWithTheChannelsFirstAreReadAsTheyAre() throws IOException {
        writeColour(IdxFiles.colourImages(3, 1, 2, RGB_CHANNELS_FIRST), "idx3");
        assertTheColourSet(Datasets.load(DataOptions.of("idx:" + mnist)));
    }

    @Test
    void aColourFileNeedsAChannelDimension() throws IOException {
        writeColour(IdxFiles.colourImages(2, 2, 2, new int[][]{{1, 2, 3, 4, 5, 6, 7, 8}, {1, 2, 3, 4, 5, 6, 7, 8}}), "idx4");
        assertLoadFails(mnist.resolve("train-images-idx4-ubyte") + ": the header says images of 2x2x2; a colour IDX file"
                + " needs 1, 3 or 4 channels as its last (or first) image dimension");
    }

    @Test
    void aColourHeaderCutShort() throws IOException {
        writeAll("-idx3-ubyte", "-idx1-ubyte", false);
        Path images = IdxFiles.write(mnist.resolve("train-images-idx3-ubyte"), new byte[]{0, 0, 8, 4, 0, 0, 0, 1, 0, 0, 0, 1});
        assertLoadFails(images + ": the IDX header is cut short (12 bytes, expected 20)");
    }

    @Test
    void foldersOfIdxDataAreFoundUnderTheUsualPlaces() throws IOException {
        writeAll("-idx3-ubyte.gz", "-idx1-ubyte.gz", true);
        Files.createDirectory(root.resolve("empty"));
        Path half = Files.createDirectory(root.resolve("half"));
        IdxFiles.write(half.resolve("train-images-idx3-ubyte"), IdxFiles.images(2, 3, TRAIN_PIXELS));
        assertThat(DataOnDisk.idxSourcesUnder(java.util.List.of(root, root.resolve("missing"))))
                .containsExactly("idx:" + mnist.toAbsolutePath());
        assertThat(DataOnDisk.idxSourcesUnder(java.util.List.of(mnist))).containsExactly("idx:" + mnist.toAbsolutePath());
    }

    @Test
    void aFashionMnistFolderNamesItsTenClassesLikeZalando() throws IOException {
        for (String name : java.util.List.of("fashion-mnist", "fashion_mnist", "FashionMNIST/raw")) {
            mnist = Files.createDirectories(root.resolve(name));
            writeTenClasses();
            LoadedData data = Datasets.load(DataOptions.of("idx:" + mnist));
            assertThat(data.classNames()).as(name).containsExactly("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
                    "Shirt", "Sneaker", "Bag", "Ankle boot");
        }
    }

    @Test
    void mnistAndOtherFoldersKeepTheLabelNumbers() throws IOException {
        writeTenClasses(); // the folder "mnist"
        assertThat(Datasets.load(DataOptions.of("idx:" + mnist)).classNames())
                .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        // a Fashion-MNIST name on a set that is not ten classes is not Fashion-MNIST
        mnist = Files.createDirectory(root.resolve("fashion-mnist"));
        writeAll("-idx3-ubyte", "-idx1-ubyte", false);
        assertThat(Datasets.load(DataOptions.of("idx:" + mnist)).classNames()).containsExactly("0", "1", "2", "3");
    }

    /** The tiny set with a label 9 in the t10k part: ten classes, as Fashion-MNIST and MNIST have. */
    private void writeTenClasses() throws IOException {
        writeAll("-idx3-ubyte", "-idx1-ubyte", false);
        write("t10k-labels-idx1-ubyte", IdxFiles.labels(1, 9, 0), false);
    }

    private void writeColour(byte[] trainImages, String format) throws IOException {
        write("train-images-" + format + "-ubyte", trainImages, false);
        write("train-labels-idx1-ubyte", IdxFiles.labels(0, 1), false);
        write("t10k-images-" + format + "-ubyte", trainImages, false);
        write("t10k-labels-idx1-ubyte", IdxFiles.labels(1, 0), false);
    }

    private void assertTheColourSet(LoadedData data) {
        assertThat(data.imageShape()).isEqualTo(new ImageShape(3, 1, 2));
        assertThat(data.numFeatures()).isEqualTo(6);
        for (int i = 0; i < 2; i++) {
            for (int p = 0; p < 6; p++) {
                assertThat(data.train().getFeatures().getDouble(i, p)).isCloseTo(RGB_CHANNELS_FIRST[i][p] / 255.0, within(1e-6));
            }
        }
    }

    private void assertTheTinySet(LoadedData data) {
        assertThat(data.name()).isEqualTo("mnist");
        assertThat(data.isImage()).isTrue();
        assertThat(data.imageShape()).isEqualTo(new ImageShape(1, 2, 3));
        assertThat(data.numFeatures()).isEqualTo(6);
        assertThat(data.numClasses()).isEqualTo(4); // the t10k part has label 3
        assertThat(data.classNames()).containsExactly("0", "1", "2", "3");
        assertShape(data.train(), 3, 6, 4);
        assertShape(data.validation(), 3, 6, 4);
        assertThat(classes(data.train())).containsExactly(TRAIN_LABELS);
        assertThat(classes(data.validation())).containsExactly(TEST_LABELS);
        for (int i = 0; i < 3; i++) {
            for (int p = 0; p < 6; p++) {
                assertThat(data.train().getFeatures().getDouble(i, p)).isCloseTo(TRAIN_PIXELS[i][p] / 255.0, within(1e-6));
                assertThat(data.validation().getFeatures().getDouble(i, p)).isCloseTo(TEST_PIXELS[i][p] / 255.0, within(1e-6));
            }
        }
    }

    private void writeAll(String imagesSuffix, String labelsSuffix, boolean gzip) throws IOException {
        write("train-images" + imagesSuffix, IdxFiles.images(2, 3, TRAIN_PIXELS), gzip);
        write("train-labels" + labelsSuffix, IdxFiles.labels(TRAIN_LABELS), gzip);
        write("t10k-images" + imagesSuffix, IdxFiles.images(2, 3, TEST_PIXELS), gzip);
        write("t10k-labels" + labelsSuffix, IdxFiles.labels(TEST_LABELS), gzip);
    }

    private void write(String name, byte[] content, boolean gzip) throws IOException {
        if (gzip) {
            IdxFiles.writeGzip(mnist.resolve(name), content);
        } else {
            IdxFiles.write(mnist.resolve(name), content);
        }
    }

    private void assertLoadFails(String message) {
        assertThatThrownBy(() -> Datasets.load(DataOptions.of("idx:" + mnist))).isInstanceOf(DataException.class)
                .hasMessage(message);
    }
}
