package lrwb.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static lrwb.engine.data.DataAssertions.assertShape;
import static lrwb.engine.data.DataAssertions.classCounts;
import static lrwb.engine.data.DataAssertions.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code images:DIR[,size=S]} on folders of small PNG files written here. */
class ImageFolderSourceTest {
    @TempDir
    Path root;

    /** A 2x2 RGB PNG whose pixel (x, y) is (r + x, g + y, b + x + y). */
    private static void colourPng(Path file, int r, int g, int b) throws IOException {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                image.setRGB(x, y, (r + x) << 16 | (g + y) << 8 | (b + x + y));
            }
        }
        write(file, image);
    }

    /** A 2x2 gray PNG whose pixel (x, y) is v + 10x + 20y. */
    private static void grayPng(Path file, int v) throws IOException {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 2; y++) {
            for (int x = 0; x < 2; x++) {
                image.getRaster().setSample(x, y, 0, v + 10 * x + 20 * y);
            }
        }
        write(file, image);
    }

    private static void write(Path file, BufferedImage image) throws IOException {
        Files.createDirectories(file.getParent());
        assertThat(ImageIO.write(image, "png", file.toFile())).isTrue();
    }

    private static float[] row(LoadedData data, boolean train, int r) {
        return (train ? data.train() : data.validation()).getFeatures().getRow(r).toFloatVector();
    }

    private static float[] scaled(int... bytes) {
        float[] f = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            f[i] = bytes[i] / 255f;
        }
        return f;
    }

    @Test
    void aTrainAndTestLayoutIsTheSplitAndColourIsKeptAsPlanes() throws IOException {
        Path dir = root.resolve("pets");
        colourPng(dir.resolve("train/dog/a.png"), 100, 50, 10);
        colourPng(dir.resolve("train/cat/b.PNG"), 200, 150, 20);
        colourPng(dir.resolve("train/cat/c.png"), 10, 20, 30);
        Files.writeString(dir.resolve("train/cat/notes.txt"), "not an image");
        colourPng(dir.resolve("test/dog/d.png"), 1, 2, 3);

        LoadedData data = Datasets.load(DataOptions.of("images:" + dir + ",size=2").withValSplit(0.5));

        assertThat(data.name()).isEqualTo("pets");
        assertThat(data.classNames()).containsExactly("cat", "dog");
        assertThat(data.imageShape()).isEqualTo(new ImageShape(3, 2, 2));
        assertShape(data.train(), 3, 12, 2);
        assertShape(data.validation(), 1, 12, 2);
        assertThat(classes(data.train())).containsExactly(0, 0, 1);
        // R plane (x, y) = (0,0), (1,0), (0,1), (1,1), then G, then B
        assertThat(row(data, true, 0)).containsExactly(scaled(200, 201, 200, 201, 150, 150, 151, 151, 20, 21, 21, 22));
        assertThat(row(data, false, 0)).containsExactly(scaled(1, 2, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5));
        assertThat(classes(data.validation())).containsExactly(1);
    }

    @Test
    void allGrayImagesGiveOneChannelAndAValLayoutWorksToo() throws IOException {
        Path dir = root.resolve("digits");
        grayPng(dir.resolve("train/one/a.png"), 5);
        grayPng(dir.resolve("train/two/b.png"), 100);
        grayPng(dir.resolve("val/two/c.png"), 200);

        LoadedData data = Datasets.load(DataOptions.of("images:" + dir + ", size = 2"));

        assertThat(data.imageShape()).isEqualTo(new ImageShape(1, 2, 2));
        assertThat(row(data, true, 1)).containsExactly(scaled(100, 110, 120, 130));
        assertThat(row(data, false, 0)).containsExactly(scaled(200, 210, 220, 230));
    }

    @Test
    void aGrayImageInAColourSetGetsThreeEqualChannels() throws IOException {
        Path dir = root.resolve("mixed");
        grayPng(dir.resolve("a/g.png"), 40);
        colourPng(dir.resolve("b/c.png"), 1, 2, 3);
        colourPng(dir.resolve("b/d.png"), 7, 8, 9);
        grayPng(dir.resolve("a/h.png"), 60);

        LoadedData data = Datasets.load(DataOptions.of("images:" + dir + ",size=2").withValSplit(0.5));

        assertThat(data.imageShape()).isEqualTo(new ImageShape(3, 2, 2));
        assertThat(data.trainSize()).isEqualTo(2);
        assertThat(data.validationSize()).isEqualTo(2);
        assertThat(classCounts(data.train(), 2)).containsExactly(1, 1);
        float[] gray = classes(data.train())[0] == 0 ? row(data, true, 0) : row(data, true, 1);
        float[] plane = java.util.Arrays.copyOf(gray, 4);
        assertThat(plane[0] == 40 / 255f || plane[0] == 60 / 255f).isTrue();
        assertThat(java.util.Arrays.copyOfRange(gray, 4, 8)).containsExactly(plane);
        assertThat(java.util.Arrays.copyOfRange(gray, 8, 12)).containsExactly(plane);
    }

    @Test
    void imagesAreResizedToTheSizeAsked() throws IOException {
        Path dir = root.resolve("big");
        for (String c : new String[]{"x", "y"}) {
            BufferedImage image = new BufferedImage(40, 24, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = image.createGraphics();
            g.setColor(new java.awt.Color(c.equals("x") ? 255 : 0, 128, 0));
            g.fillRect(0, 0, 40, 24);
            g.dispose();
            write(dir.resolve(c + "/1.png"), image);
            write(dir.resolve(c + "/2.png"), image);
        }
        LoadedData data = Datasets.load(DataOptions.of("images:" + dir).withValSplit(0.5));
        assertThat(data.imageShape()).isEqualTo(new ImageShape(3, 32, 32));
        assertShape(data.train(), 2, 3 * 32 * 32, 2);
        float[] first = row(data, true, 0);
        float red = classes(data.train())[0] == 0 ? 1f : 0f;
        assertThat(first[0]).isEqualTo(red);
        assertThat(first[1023]).isEqualTo(red);
        assertThat(first[1024 + 500]).isEqualTo(128 / 255f);
        assertThat(first[2048 + 77]).isZero();
        assertThat(Datasets.load(DataOptions.of("images:" + dir + ",size=8").withValSplit(0.5)).imageShape())
                .isEqualTo(new ImageShape(3, 8, 8));
        // JPEG files are read too
        BufferedImage flat = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = flat.createGraphics();
        g.setColor(new java.awt.Color(200, 100, 50));
        g.fillRect(0, 0, 16, 16);
        g.dispose();
        Files.delete(dir.resolve("y/1.png"));
        assertThat(ImageIO.write(flat, "jpeg", dir.resolve("y/1.jpeg").toFile())).isTrue();
        LoadedData withJpeg = Datasets.load(DataOptions.of("images:" + dir + ",size=16").withLimit(null).withValSplit(0.5));
        assertThat(withJpeg.trainSize() + withJpeg.validationSize()).isEqualTo(4);
    }

    @Test
    void aLimitReadsASeededSampleOfEachPart() throws IOException {
        Path dir = root.resolve("many");
        for (int i = 0; i < 6; i++) {
            colourPng(dir.resolve("train/" + (i % 2 == 0 ? "even" : "odd") + "/" + i + ".png"), i, i, i);
            colourPng(dir.resolve("test/" + (i % 2 == 0 ? "even" : "odd") + "/" + i + ".png"), i, i, i);
        }
        LoadedData data = Datasets.load(DataOptions.of("images:" + dir + ",size=2").withLimit(4));
        assertThat(data.trainSize()).isEqualTo(4);
        assertThat(data.validationSize()).isEqualTo(4);
        assertThat(Datasets.load(DataOptions.of("images:" + dir + ",size=2").withLimit(4)).train().getFeatures())
                .isEqualTo(data.train().getFeatures());
    }

    @Test
    void badFoldersAreNamed() throws IOException {
        assertLoadFails("images:" + root.resolve("none"), root.resolve("none") + ": no such folder");
        assertLoadFails("images:", "images:DIR needs a folder, e.g. images:photos or images:photos,size=64");
        Path empty = Files.createDirectories(root.resolve("empty"));
        assertLoadFails("images:" + empty, empty + ": no class folders (images: needs one subfolder per class of PNG/JPEG files)");
        Path one = root.resolve("one");
        colourPng(one.resolve("cat/a.png"), 1, 1, 1);
        assertLoadFails("images:" + one, one + ": 1 class folder (cat); classification needs at least 2 (one subfolder"
                + " per class of PNG/JPEG files)");
        Files.createDirectories(one.resolve("dog"));
        Files.writeString(one.resolve("dog/readme.txt"), "no pictures here");
        assertLoadFails("images:" + one, one.resolve("dog") + ": no PNG or JPEG images (every class folder needs at least one)");
    }

    @Test
    void anUnreadableImageIsNamed() throws IOException {
        Path dir = root.resolve("broken");
        colourPng(dir.resolve("cat/a.png"), 1, 1, 1);
        Files.createDirectories(dir.resolve("dog"));
        Files.writeString(dir.resolve("dog/b.jpg"), "this is text, not a JPEG");
        assertLoadFails("images:" + dir, dir.resolve("dog/b.jpg") + ": not a PNG or JPEG image javax.imageio can read");
    }

    @Test
    void aTestClassOutsideTheTrainingClassesAndBadOptionsAreRefused() throws IOException {
        Path dir = root.resolve("split");
        colourPng(dir.resolve("train/cat/a.png"), 1, 1, 1);
        colourPng(dir.resolve("train/dog/a.png"), 1, 1, 1);
        colourPng(dir.resolve("test/cow/a.png"), 1, 1, 1);
        assertLoadFails("images:" + dir, dir.resolve("test/cow") + ": class 'cow' is not among the training classes in "
                + dir.resolve("train") + " (cat, dog)");
        assertLoadFails("images:" + dir + ",size=0", "images: size must be an integer in [1, 512] (got 0)");
        assertLoadFails("images:" + dir + ",colour=yes", "images: unknown parameter 'colour' (images takes size)");
        assertLoadFails("images:" + dir + ",size=big", "images: size must be an integer (got 'big')");
    }

    private static void assertLoadFails(String source, String message) {
        assertThatThrownBy(() -> Datasets.load(DataOptions.of(source))).isInstanceOf(DataException.class).hasMessage(message);
    }
}
