package lrwb.engine.model;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Random;

/** Small reproducible batches for the network tests, independent of ND4J's global RNG. */
public final class TinyData {
    private TinyData() {
    }

    public static DataSet batch(NetworkShape shape, int examples, long seed) {
        Random random = new Random(seed);
        float[][] features = new float[examples][shape.numFeatures()];
        float[][] labels = new float[examples][shape.numClasses()];
        for (int i = 0; i < examples; i++) {
            for (int j = 0; j < shape.numFeatures(); j++) {
                features[i][j] = (float) random.nextGaussian();
            }
            labels[i][i % shape.numClasses()] = 1f;
        }
        return new DataSet(Nd4j.create(features), Nd4j.create(labels));
    }
}
