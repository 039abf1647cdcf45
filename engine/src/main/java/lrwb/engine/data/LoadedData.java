package lrwb.engine.data;

import lrwb.engine.schedule.InvalidSpecException;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

/**
 * A dataset ready to train on. Features are float {@code [n, numFeatures]} (images flattened, see
 * {@link ImageShape}); labels are one-hot float {@code [n, numClasses]}. Tabular features are standardised
 * with statistics of {@code train} only; image pixels are scaled to [0, 1], then standardised per channel with
 * {@code channelStats} of {@code train} when those are not null.
 *
 * @param name        a short name for titles and run folders ({@code iris}, {@code moons}, {@code data.csv}, {@code mnist})
 * @param classNames  one per class, in label-index order
 * @param imageShape  the shape of one image, or null for tabular data
 * @param channelStats images standardised per channel: the training split's statistics; null for [0, 1] pixels
 */
public record LoadedData(String name, DataSet train, DataSet validation,
                         int numFeatures, int numClasses, List<String> classNames, ImageShape imageShape,
                         ChannelStats channelStats) {
    /**
     * The largest minibatch a range test or a training run takes: far above any useful batch, low enough
     * that batches-per-epoch arithmetic and the batch buffers stay in range.
     */
    public static final int MAX_BATCH_SIZE = 1_000_000;

    public LoadedData {
        classNames = List.copyOf(classNames);
        if (classNames.size() != numClasses) {
            throw new IllegalArgumentException(numClasses + " classes but " + classNames.size() + " class names");
        }
    }

    /** Not (yet) standardised per channel. */
    public LoadedData(String name, DataSet train, DataSet validation,
                      int numFeatures, int numClasses, List<String> classNames, ImageShape imageShape) {
        this(name, train, validation, numFeatures, numClasses, classNames, imageShape, null);
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

    /**
     * The rule every request checks on construction, before any data is loaded.
     *
     * @throws InvalidSpecException naming {@code batchSize} unless it is in [1, {@link #MAX_BATCH_SIZE}]
     */
    public static void checkBatchSizeRange(int batchSize) {
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new InvalidSpecException("batchSize", "must be an integer in [1, " + MAX_BATCH_SIZE + "] (got " + batchSize + ")");
        }
    }

    /**
     * The rule once the data is loaded, the same for a range test and a training run: a batch cannot be
     * larger than the training set (it would silently be the whole set, every step the same batch).
     *
     * @throws DataException naming {@code batchSize}, the set and its size
     */
    public void checkBatchSize(int batchSize) {
        if (batchSize > trainSize()) {
            throw new DataException("batchSize " + batchSize + " is larger than the training set (" + trainSize()
                    + " examples of " + name + "); use " + trainSize() + " or less");
        }
    }
}
