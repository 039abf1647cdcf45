package lrwb.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static lrwb.engine.data.DataAssertions.assertShape;
import static lrwb.engine.data.DataAssertions.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code cifar:DIR} on small files in the CIFAR-10 and CIFAR-100 binary formats, written here. */
class CifarSourceTest {
    private static final int PIXELS = 3072;
    private static final List<String> NAMES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog", "frog",
            "horse", "ship", "truck");

    @TempDir
    Path root;

    /** Image {@code i}'s pixel {@code p}: distinct per image and position, every byte value in use. */
    private static int pixel(int image, int p) {
        return (image * 31 + p * 7) & 0xFF;
    }

    /** Records of the given labels (each {@code labelBytes} long, the last one the class), images numbered from {@code first}. */
    private static byte[] records(int first, int labelBytes, int... labels) {
        int record = labelBytes + PIXELS;
        byte[] bytes = new byte[labels.length * record];
        for (int r = 0; r < labels.length; r++) {
            bytes[r * record] = (byte) (labelBytes == 2 ? labels[r] / 5 : labels[r]); // coarse label first in CIFAR-100
            bytes[r * record + labelBytes - 1] = (byte) labels[r];
            for (int p = 0; p < PIXELS; p++) {
                bytes[r * record + labelBytes + p] = (byte) pixel(first + r, p);
            }
        }
        return bytes;
    }

    /** CIFAR-10: batch b holds images 2b, 2b+1 with labels b and 9-b; the test batch images 100, 101, 102. */
    private Path cifar10() throws IOException {
        Path dir = Files.createDirectories(root.resolve("cifar-10-batches-bin"));
        for (int b = 1; b <= 5; b++) {
            Files.write(dir.resolve("data_batch_" + b + ".bin"), records(2 * (b - 1), 1, b, 9 - b));
        }
        Files.write(dir.resolve("test_batch.bin"), records(100, 1, 3, 0, 9));
        Files.writeString(dir.resolve("batches.meta.txt"), String.join("\n", NAMES) + "\n\n");
        return dir;
    }

    private static float feature(LoadedData data, boolean train, int row, int column) {
        return (train ? data.train() : data.validation()).getFeatures().getFloat(row, column);
    }

    @Test
    void readsCifar10WithTheTestBatchAsValidation() throws IOException {
        Path dir = cifar10();
        LoadedData data = Datasets.load(DataOptions.of("cifar:" + dir).withValSplit(0.5));

        assertThat(data.name()).isEqualTo("cifar-10-batches-bin");
        assertThat(data.imageShape()).isEqualTo(new ImageShape(3, 32, 32));
        assertThat(data.classNames()).isEqualTo(NAMES);
        assertShape(data.train(), 10, PIXELS, 10);
        assertShape(data.validation(), 3, PIXELS, 10);
        assertThat(classes(data.train())).containsExactly(1, 8, 2, 7, 3, 6, 4, 5, 5, 4);
        assertThat(classes(data.validation())).containsExactly(3, 0, 9);
        // the R, G, B planes as stored: (channel, row, column) order, scaled to [0, 1]
        for (int p : new int[]{0, 1, 1023, 1024, 2048, 3071}) {
            assertThat(feature(data, true, 7, p)).as("pixel %d", p).isEqualTo(pixel(7, p) / 255f);
            assertThat(feature(data, false, 2, p)).as("pixel %d", p).isEqualTo(pixel(102, p) / 255f);
        }
        assertThat(data.train().getFeatures().maxNumber().floatValue()).isEqualTo(1f);
    }

    @Test
    void aLimitAppliesToBothParts() throws IOException {
        LoadedData data = Datasets.load(DataOptions.of("cifar:" + cifar10()).withLimit(3));
        assertShape(data.train(), 3, PIXELS, 10);
        assertShape(data.validation(), 3, PIXELS, 10);
        assertThat(classes(data.train())).containsExactly(1, 8, 2);
        assertThat(feature(data, true, 2, 5)).isEqualTo(pixel(2, 5) / 255f);
    }

    @Test
    void withoutTheMetaFileTheClassesHaveCifar10sNames() throws IOException {
        Path dir = cifar10();
        Files.delete(dir.resolve("batches.meta.txt"));
        assertThat(Datasets.load(DataOptions.of("cifar:" + dir)).classNames()).isEqualTo(NAMES);
    }

    @Test
    void readsCifar100sFineLabels() throws IOException {
        Path dir = Files.createDirectories(root.resolve("cifar-100-binary"));
        Files.write(dir.resolve("train.bin"), records(0, 2, 99, 42, 7));
        Files.write(dir.resolve("test.bin"), records(50, 2, 13));
        StringBuilder names = new StringBuilder();
        for (int c = 0; c < 100; c++) {
            names.append("class").append(c).append('\n');
        }
        Files.writeString(dir.resolve("fine_label_names.txt"), names);

        LoadedData data = Datasets.load(DataOptions.of("cifar:" + dir));
        assertShape(data.train(), 3, PIXELS, 100);
        assertShape(data.validation(), 1, PIXELS, 100);
        assertThat(classes(data.train())).containsExactly(99, 42, 7);
        assertThat(classes(data.validation())).containsExactly(13);
        assertThat(data.classNames()).hasSize(100).startsWith("class0").endsWith("class99");
        assertThat(feature(data, true, 1, 3000)).isEqualTo(pixel(1, 3000) / 255f);
        assertThat(feature(data, false, 0, 17)).isEqualTo(pixel(50, 17) / 255f);
    }

    @Test
    void aMissingFolderOrFileIsNamed() throws IOException {
        assertLoadFails("cifar:" + root.resolve("nope"), root.resolve("nope") + ": no such folder");
        assertLoadFails("cifar:", "cifar:DIR needs a folder, e.g. cifar:cifar-10-batches-bin");
        Path empty = Files.createDirectories(root.resolve("empty"));
        assertLoadFails("cifar:" + empty, empty + ": no CIFAR binary files (expected data_batch_1.bin .. data_batch_5.bin"
                + " and test_batch.bin of CIFAR-10, or train.bin and test.bin of CIFAR-100)");
        Path dir = cifar10();
        Files.delete(dir.resolve("data_batch_4.bin"));
        assertLoadFails("cifar:" + dir, dir.resolve("data_batch_4.bin") + ": no such file (a CIFAR-10 binary folder has "
                + "data_batch_1.bin, data_batch_2.bin, data_batch_3.bin, data_batch_4.bin, data_batch_5.bin and test_batch.bin)");
    }

    @Test
    void aTruncatedFileIsNamedWithTheSizeExpected() throws IOException {
        Path dir = cifar10();
        byte[] whole = Files.readAllBytes(dir.resolve("test_batch.bin"));
        Files.write(dir.resolve("test_batch.bin"), java.util.Arrays.copyOf(whole, whole.length - 100));
        assertLoadFails("cifar:" + dir, dir.resolve("test_batch.bin") + ": 9119 bytes is not a whole number of CIFAR-10"
                + " records of 3073 bytes (30730000 for a full batch of 10000); the file is cut short or not CIFAR-10 binary");
        Files.write(dir.resolve("test_batch.bin"), new byte[0]);
        assertLoadFails("cifar:" + dir, dir.resolve("test_batch.bin") + ": 0 bytes is not a whole number of CIFAR-10"
                + " records of 3073 bytes (30730000 for a full batch of 10000); the file is cut short or not CIFAR-10 binary");
    }

    @Test
    void aLabelOutOfRangeAndAWrongNamesFileAreRefused() throws IOException {
        Path dir = cifar10();
        Files.write(dir.resolve("data_batch_2.bin"), records(0, 1, 4, 10));
        assertLoadFails("cifar:" + dir, dir.resolve("data_batch_2.bin") + ": image 1 has the label 10; CIFAR-10 labels are 0 to 9");
        Files.writeString(dir.resolve("batches.meta.txt"), "cat\ndog\n");
        assertLoadFails("cifar:" + dir, dir.resolve("batches.meta.txt")
                + ": 2 class names, but CIFAR-10 has 10 classes (one name a line)");
    }

    @Test
    void oneClassOnlyIsRefused() throws IOException {
        Path dir = cifar10();
        LoadedData ok = Datasets.load(DataOptions.of("cifar:" + dir).withLimit(2));
        assertThat(ok.trainSize()).isEqualTo(2);
        assertThatThrownBy(() -> Datasets.load(DataOptions.of("cifar:" + dir).withLimit(1)))
                .isInstanceOf(DataException.class)
                .hasMessage(dir.resolve("data_batch_1.bin") + ": every training image has the label 1 (read with limit 1);"
                        + " classification needs at least 2 classes");
    }

    private static void assertLoadFails(String source, String message) {
        assertThatThrownBy(() -> Datasets.load(DataOptions.of(source))).isInstanceOf(DataException.class).hasMessage(message);
    }
}
