package lrwb.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every way a CSV file or its options can be wrong, with the exact sentence the user reads. */
class CsvErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aRaggedRowIsComparedWithTheHeader() throws IOException {
        String file = write("data.csv", "a,b,c,d,label\n1,2,3,4,x\n\n1,2,3,4,y\n1,2,3,4,x\n1,2,3,4,y\n1,2,3,x\n");
        assertLoadFails(file, file + " line 7: expected 5 columns like the header, got 4");
    }

    @Test
    void aRaggedRowIsComparedWithTheFirstRowWhenThereIsNoHeader() throws IOException {
        String file = write("data.csv", "\n1,2,0\n3,4,1\n5,6,7,1\n");
        assertLoadFails(file, file + " line 4: expected 3 columns like line 2, got 4");
    }

    @Test
    void aNonNumericFeatureNamesItsColumn() throws IOException {
        String withHeader = write("h.csv", "width,height,label\n1,2,a\n3,tall,b\n");
        assertLoadFails(withHeader, withHeader + " line 3: column 1 (height) is not a number: 'tall'");
        String noHeader = write("n.csv", "1,2,a\n3,NaN,b\n");
        assertLoadFails(noHeader, noHeader + " line 2: column 1 is not a number: 'NaN'");
    }

    @Test
    void anEmptyCellOrLabelIsNamed() throws IOException {
        String feature = write("f.csv", "w,h,label\n1,2,a\n,3,b\n");
        assertLoadFails(feature, feature + " line 3: column 0 (w) is empty");
        String label = write("l.csv", "w,h,label\n1,2,a\n1,3,\n");
        assertLoadFails(label, label + " line 3: the label in column 2 (label) is empty");
    }

    @Test
    void oneClassOnlyCannotBeLearned() throws IOException {
        String same = write("same.csv", "a,label\n1,x\n2,x\n3,x\n");
        assertLoadFails(same, same + ": every row has the label 'x'; classification needs at least 2 classes");
        String file = write("later.csv", "a,label\n1,x\n2,x\n3,x\n4,y\n");
        assertLoadFails(file, file + ": every row has the label 'x' (read with limit 3); classification needs at least 2 classes",
                DataOptions.of("csv:" + file).withLimit(3));
    }

    @Test
    void anEmptyFileOrAHeaderWithoutRows() throws IOException {
        String empty = write("empty.csv", "");
        assertLoadFails(empty, empty + " is empty");
        String blank = write("blank.csv", "\n  \n");
        assertLoadFails(blank, blank + " is empty");
        String headerOnly = write("header.csv", "a,b,label\n");
        assertLoadFails(headerOnly, headerOnly + " has a header but no data rows");
    }

    @Test
    void aLabelColumnNameMustBeInTheHeader() throws IOException {
        String file = write("named.csv", "a,b,kind\n1,2,x\n3,4,y\n");
        assertLoadFails(file, file + ": no column named 'species' in the header (columns: a, b, kind)",
                DataOptions.of("csv:" + file).withLabelColumn("species"));
        assertLoadFails(file, file + ": label column 'kind' is a name, but the file is read without a header",
                DataOptions.of("csv:" + file).withLabelColumn("kind").withHeader(HeaderMode.NO));
        assertLoadFails(file, file + ": label column 3 is out of range: the file has 3 columns (0 to 2)",
                DataOptions.of("csv:" + file).withLabelColumn("3"));
    }

    @Test
    void aFileNeedsAFeatureBesidesTheLabel() throws IOException {
        String file = write("one.csv", "label\nx\ny\n");
        assertLoadFails(file, file + " line 1: needs at least 2 columns (features and a label), got 1");
    }

    @Test
    void anUnclosedQuote() throws IOException {
        String file = write("quote.csv", "a,label\n1,x\n2,\"y\n");
        assertLoadFails(file, file + " line 3: a quoted cell has no closing quote");
    }

    @Test
    void missingFilesAndFolders() {
        String missing = dir.resolve("nope.csv").toString();
        assertLoadFails(missing, missing + ": no such file");
        assertLoadFails(dir.toString(), dir + " is a folder, not a file");
        assertThatThrownBy(() -> Datasets.load(DataOptions.of("csv: "))).isInstanceOf(DataException.class)
                .hasMessage("csv:PATH needs a file, e.g. csv:data.csv");
    }

    @Test
    void damagedGzip() throws IOException {
        Path file = dir.resolve("broken.csv.gz");
        Files.write(file, new byte[]{0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3});
        assertThatThrownBy(() -> Datasets.load(DataOptions.of("csv:" + file))).isInstanceOf(DataException.class)
                .hasMessageStartingWith(file + ": ");
    }

    @Test
    void tooFewRowsToSplit() throws IOException {
        String file = write("tiny.csv", "1,a\n2,b\n");
        assertLoadFails(file, file + ": 2 rows are too few to split with valSplit 0.2 (the validation part would be empty)");
        assertLoadFails(file, file + ": 2 rows are too few to split with valSplit 0.9 (the training part would be empty)",
                DataOptions.of("csv:" + file).withValSplit(0.9));
    }

    @Test
    void anUnknownDataset() {
        assertThatThrownBy(() -> Datasets.load(DataOptions.of("mnist"))).isInstanceOf(DataException.class)
                .hasMessage("unknown dataset 'mnist': use iris, spirals, moons, circles, blobs, shapes, csv:PATH, idx:DIR, cifar:DIR or images:DIR");
    }

    private String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    private static void assertLoadFails(String file, String message) {
        assertLoadFails(file, message, DataOptions.of("csv:" + file));
    }

    private static void assertLoadFails(String file, String message, DataOptions options) {
        assertThatThrownBy(() -> Datasets.load(options)).as(file).isInstanceOf(DataException.class).hasMessage(message);
    }
}
