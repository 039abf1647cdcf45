package lrwb.engine.data;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Fisher's iris flowers, from the engine's own copy of the file DL4J ships in deeplearning4j-core (that jar was on the
 * classpath for this file alone; engine/pom.xml): 150 lines of
 * {@code sepal length, sepal width, petal length, petal width, class 0/1/2}. DL4J's own IrisDataSetIterator downloads
 * the file instead and fails offline. The data is CC BY 4.0 (UCI Machine Learning Repository); {@code iris.NOTICE}
 * beside it gives the attribution.
 */
final class IrisSource {
    static final String NAME = "iris";
    private static final String RESOURCE = "iris.dat";
    private static final List<String> SPECIES = List.of("setosa", "versicolor", "virginica");

    private IrisSource() {
    }

    static Examples read() {
        try (InputStream in = IrisSource.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new DataException("iris: " + RESOURCE + " is not on the classpath (it ships in the engine jar)");
            }
            Examples rows = CsvSource.read(in, "iris.dat", null, HeaderMode.NO, null);
            if (!rows.classNames().equals(List.of("0", "1", "2"))) {
                throw new DataException("iris.dat: expected the classes 0, 1 and 2, got " + rows.classNames());
            }
            return rows.withClassNames(SPECIES);
        } catch (IOException e) {
            throw new DataException("iris.dat: cannot read it from the classpath (" + e.getMessage() + ")", e);
        }
    }
}
