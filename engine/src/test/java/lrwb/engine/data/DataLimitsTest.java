package lrwb.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Data that cannot fit or cannot be a float is refused with a rule, before anything large is allocated. */
class DataLimitsTest {
    @TempDir
    Path tmp;

    private static void assertLoadFails(String source, String message) {
        assertThatThrownBy(() -> Datasets.load(DataOptions.of(source))).isInstanceOf(DataException.class).hasMessage(message);
    }

    @Test
    void syntheticSamplesHaveASaneMaximum() {
        assertLoadFails("moons:samples=2147483647", "moons: samples must be at most 10000000 (got 2147483647)");
        assertLoadFails("blobs:samples=10000001", "blobs: samples must be at most 10000000 (got 10000001)");
        assertLoadFails("spirals:samples=99999999999",
                "spirals: samples is too large (got 99999999999; the largest integer is 2147483647)");
    }

    @Test
    void noiseHasASaneMaximum() {
        assertLoadFails("moons:noise=1e308", "moons: noise must be at most 1000000 (got 1e308)");
        assertLoadFails("blobs:clusterStd=1e7", "blobs: clusterStd must be at most 1000000 (got 10000000)");
        assertThat(new Moons(10, 1e6).noise()).isEqualTo(1e6);
    }

    @Test
    void csvCellOutsideFloatRange() throws IOException {
        Path file = Files.writeString(tmp.resolve("big.csv"), "x,y,label\n1,2,a\n3,1e39,b\n5,6,a\n");
        assertLoadFails("csv:" + file, file + " line 3: column 1 (y) must be a finite number within float range"
                + " (|x| <= 3.4e38), got '1e39'");
        Path huge = Files.writeString(tmp.resolve("huge.csv"), "1,2,a\n-1e400,1,b\n");
        assertLoadFails("csv:" + huge, huge + " line 2: column 0 must be a finite number within float range"
                + " (|x| <= 3.4e38), got '-1e400'");
        Path edge = Files.writeString(tmp.resolve("edge.csv"), "1,3.4e38,a\n2,-3.4e38,b\n3,0,a\n4,1,b\n5,2,a\n");
        assertThat(Datasets.load(DataOptions.of("csv:" + edge)).trainSize()).isEqualTo(4);
    }

    @Test
    void aGzipBombIsRefusedAtTheLimitWithoutInflatingItAll() throws IOException {
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(bomb)) {
            byte[] rows = "0,0,a\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 100; i++) {
                gz.write(rows); // 6 MB inflated, a few kB compressed
            }
        }
        long[] seen = new long[1];
        assertThatThrownBy(() -> PlainOrGzip.read(new ByteArrayInputStream(bomb.toByteArray()), "bomb.csv.gz", in -> {
            byte[] buf = new byte[8192];
            for (int n; (n = in.read(buf)) > 0; ) {
                seen[0] += n;
            }
            return null;
        }, 1 << 20)).isInstanceOf(DataException.class)
                .hasMessage("bomb.csv.gz: the gzip data inflates to more than 1048576 bytes (1 MB), the limit for compressed"
                        + " data; decompress it yourself or read fewer rows (--limit)");
        assertThat(seen[0]).isLessThanOrEqualTo(1 << 20);
        assertThat(PlainOrGzip.MAX_INFLATED_BYTES).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void aFileWithoutLineBreaksIsNotReadIntoOneString() throws IOException {
        Path file = tmp.resolve("one-line.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] zeros = "0".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            out.write("1,2,a\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 11; i++) {
                out.write(zeros);
            }
        }
        assertLoadFails("csv:" + file, file + " line 2: longer than 10000000 characters; is it a CSV file?");
    }

    @Test
    void idxHeaderDeclaringMoreThanAFileCanHold() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("mnist"));
        // 65536 images of 65536x1 pixels: 4 GiB declared by a 16-byte header
        byte[] header = java.nio.ByteBuffer.allocate(16).putInt(IdxFile.IMAGES_MAGIC).putInt(65536).putInt(65536).putInt(1).array();
        Path images = Files.write(dir.resolve("train-images-idx3-ubyte"), header);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), java.nio.ByteBuffer.allocate(9).putInt(IdxFile.LABELS_MAGIC).putInt(1).array());
        assertLoadFails("idx:" + dir, images + ": the header says 65536 images of 65536x1 pixels (4294967296 bytes), more"
                + " than one IDX file can hold here (2 GiB); read fewer (--limit)");
    }

    @Test
    void memoryCheckNamesTheNeedAndTheLimit() {
        long max = Runtime.getRuntime().maxMemory();
        assertThatThrownBy(() -> MemoryCheck.require("data.csv line 65536 (65536 rows so far)", max + 1,
                "read fewer rows (--limit) or give Java more memory"))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith("data.csv line 65536 (65536 rows so far) needs about ")
                .hasMessageContaining(" Java may use (-Xmx); read fewer rows (--limit) or give Java more memory");
    }

    @Test
    void quotedUserValuesStayOnOneLine() {
        assertLoadFails("moo\nns", "unknown dataset 'moo\\nns': use iris, spirals, moons, circles, blobs, shapes, csv:PATH, idx:DIR, cifar:DIR or images:DIR");
        assertLoadFails("moons:sam\nples=3", "moons: unknown parameter 'sam\\nples' (moons takes samples, noise)");
        assertThatThrownBy(() -> HeaderMode.parse("may\nbe")).hasMessage("header must be auto, yes or no (got 'may\\nbe')");
    }
}
