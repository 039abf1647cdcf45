package lrwb.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static lrwb.engine.data.DataAssertions.assertShape;
import static lrwb.engine.data.DataAssertions.assertStandardised;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CsvSourceTest {
    /** Ten flowers, two species, a header; the label is the last column. */
    private static final String FLOWERS = """
            sepal_length,sepal_width,species
            5.1,3.5,setosa
            4.9,3.0,setosa
            4.7,3.2,setosa
            4.6,3.1,setosa
            5.0,3.6,setosa
            7.0,3.2,versicolor
            6.4,3.2,versicolor
            6.9,3.1,versicolor
            5.5,2.3,versicolor
            6.5,2.8,versicolor
            """;

    @TempDir
    Path dir;

    @Test
    void detectsAHeaderAndReadsStringLabels() throws IOException {
        Examples rows = read(write("flowers.csv", FLOWERS), null, HeaderMode.AUTO);
        assertThat(rows.size()).isEqualTo(10);
        assertThat(rows.numFeatures()).isEqualTo(2);
        assertThat(rows.classNames()).containsExactly("setosa", "versicolor");
        assertThat(rows.feature(0, 0)).isEqualTo(5.1f);
        assertThat(rows.feature(9, 1)).isEqualTo(2.8f);
        assertThat(rows.label(0)).isZero();
        assertThat(rows.label(9)).isOne();
    }

    @Test
    void detectsWhenThereIsNoHeader() throws IOException {
        Examples rows = read(write("plain.csv", "1,2,0\n3,4,1\n5,6,1\n"), null, HeaderMode.AUTO);
        assertThat(rows.size()).isEqualTo(3);
        assertThat(rows.feature(0, 0)).isEqualTo(1f);
        assertThat(rows.classNames()).containsExactly("0", "1");
    }

    @Test
    void detectsAHeaderAboveNumericLabelsAndStringLabelsWithoutOne() throws IOException {
        assertThat(read(write("a.csv", "x,y,label\n1,2,0\n3,4,1\n"), null, HeaderMode.AUTO).size()).isEqualTo(2);
        assertThat(read(write("b.csv", "1,2,cat\n3,4,dog\n"), null, HeaderMode.AUTO).size()).isEqualTo(2);
    }

    @Test
    void aForcedHeaderModeWinsOverDetection() throws IOException {
        Path numericFirstRow = write("forced.csv", "10,20,0\n1,2,0\n3,4,1\n");
        assertThat(read(numericFirstRow, null, HeaderMode.YES).size()).isEqualTo(2);
        assertThat(read(numericFirstRow, null, HeaderMode.NO).size()).isEqualTo(3);
    }

    @Test
    void numericLabelsAreOrderedByValueAndCompareAsNumbers() throws IOException {
        Examples rows = read(write("n.csv", "1,10\n2,2\n3,2.0\n4,-1\n"), null, HeaderMode.NO);
        assertThat(rows.classNames()).containsExactly("-1", "2", "10");
        assertThat(new int[]{rows.label(0), rows.label(1), rows.label(2), rows.label(3)}).containsExactly(2, 1, 1, 0);
    }

    @Test
    void theLabelColumnCanBeNamedOrIndexed() throws IOException {
        Path file = write("first.csv", "kind,a,b\nx,1,2\ny,3,4\nx,5,6\n");
        Examples byName = read(file, "kind", HeaderMode.AUTO);
        Examples byNameAnyCase = read(file, "KIND", HeaderMode.AUTO);
        Examples byIndex = read(file, "0", HeaderMode.AUTO);
        for (Examples rows : new Examples[]{byName, byNameAnyCase, byIndex}) {
            assertThat(rows.classNames()).containsExactly("x", "y");
            assertThat(rows.numFeatures()).isEqualTo(2);
            assertThat(rows.feature(1, 0)).isEqualTo(3f);
            assertThat(rows.feature(1, 1)).isEqualTo(4f);
            assertThat(rows.label(1)).isOne();
        }
        Examples middle = read(write("middle.csv", "a,b,c\n1,10,3\n4,20,6\n"), "b", HeaderMode.AUTO);
        assertThat(middle.classNames()).containsExactly("10", "20");
        assertThat(new float[]{middle.feature(1, 0), middle.feature(1, 1)}).containsExactly(4f, 6f);
    }

    @Test
    void readsGzipByContentWhateverTheName() throws IOException {
        Path gz = dir.resolve("flowers.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(FLOWERS.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(read(gz, null, HeaderMode.AUTO).size()).isEqualTo(10);
        Path misnamed = Files.copy(gz, dir.resolve("misnamed.csv"));
        assertThat(read(misnamed, null, HeaderMode.AUTO).size()).isEqualTo(10);
    }

    @Test
    void toleratesQuotesBlankLinesWindowsLineEndsAndAByteOrderMark() throws IOException {
        String text = "\uFEFF\"width, cm\",\"the \"\"kind\"\"\"\r\n\r\n1.5,a\r\n  2.5 , b \r\n\r\n";
        Examples rows = read(write("messy.csv", text), "the \"kind\"", HeaderMode.AUTO);
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.feature(1, 0)).isEqualTo(2.5f);
        assertThat(rows.classNames()).containsExactly("a", "b");
    }

    @Test
    void aLimitReadsOnlyTheFirstRows() throws IOException {
        // line 5 is broken; with limit 3 it is never read
        Path file = write("head.csv", "a,b,c\n1,2,0\n3,4,1\n5,6,0\nbroken\n");
        LoadedData data = Datasets.load(DataOptions.of("csv:" + file).withLimit(3).withValSplit(0.34));
        assertThat(data.trainSize() + data.validationSize()).isEqualTo(3);
    }

    @Test
    void loadsSplitAndStandardisedWithTrainingStatisticsOnly() throws IOException {
        StringBuilder text = new StringBuilder("x,y,constant,label\n");
        for (int i = 0; i < 100; i++) {
            text.append(i * i).append(',').append(i % 7 - 3).append(",5,").append(i % 3 == 0 ? "yes" : "no").append('\n');
        }
        Path file = write("squares.csv", text.toString());
        LoadedData data = Datasets.load(DataOptions.of("csv:" + file).withValSplit(0.3).withSeed(5));
        assertThat(data.name()).isEqualTo("squares.csv");
        assertThat(data.classNames()).containsExactly("no", "yes");
        assertShape(data.train(), 70, 3, 2);
        assertShape(data.validation(), 30, 3, 2);

        INDArray train = data.train().getFeatures().castTo(DataType.DOUBLE);
        INDArray validation = data.validation().getFeatures().castTo(DataType.DOUBLE);
        for (int c = 0; c < 2; c++) {
            assertThat(train.getColumn(c).meanNumber().doubleValue()).isCloseTo(0, within(1e-5));
            assertThat(train.getColumn(c).stdNumber(false).doubleValue()).isCloseTo(1, within(1e-4));
        }
        // the validation rows were transformed with the training statistics, so their mean is near 0 but not 0
        assertThat(Math.abs(validation.getColumn(0).meanNumber().doubleValue())).isBetween(1e-4, 1.0);
        // a constant column has no spread to divide by: it becomes zeros, not NaN
        assertThat(train.getColumn(2).amaxNumber().doubleValue()).isZero();
        assertThat(validation.getColumn(2).amaxNumber().doubleValue()).isZero();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static Examples read(Path file, String labelColumn, HeaderMode header) {
        return CsvSource.read(file, file.toString(), labelColumn, header, null);
    }
}
