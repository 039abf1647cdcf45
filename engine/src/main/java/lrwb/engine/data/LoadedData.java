package lrwb.engine.data;

import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

/**
 * A dataset ready to train on. Features are float {@code [n, numFeatures]} (images flattened, see
 * {@link ImageShape}); labels are one-hot float {@code [n, numClasses]}. Tabular features are standardised
 * with statistics of {@code train} only; image pixels are scaled to [0, 1].
 *
 * @param name        a short name for titles and run folders ({@code iris}, {@code moons}, {@code data.csv}, {@code mnist})
 * @param classNames  one per class, in label-index order
 * @param imageShape  the shape of one image, or null for tabular data
 */
public record LoadedData(String name, DataSet train, DataSet validation,
                         int numFeatures, int numClasses, List<String> classNames, ImageShape imageShape) {
    public LoadedData {
        classNames = List.copyOf(classNames);
        if (classNames.size() != numClasses) {
            throw new IllegalArgumentException(numClasses + " classes but " + classNames.size() + " class names");
        }
    }

    public boolean isImage() {
        return imageShape != null;
    }

    public int trainSize() {
        return train.numExamples();
    }

    public int validationSize() {
        return validation.numExamples();
    }
}
