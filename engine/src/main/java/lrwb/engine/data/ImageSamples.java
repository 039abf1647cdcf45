package lrwb.engine.data;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * A few training images of every class, as a person looks at them before training: each as it is stored and, when
 * the run augments, as three random draws of the augmentation would change it (the {@link Augmenter} training uses,
 * with the run's seed). Pixels go back to [0, 255] whatever the normalisation, so a standardised set looks like
 * itself. Grey images are grey, colour images RGB (a fourth channel is left out).
 *
 * @param classes one entry per class that has training images, in class order
 */
public record ImageSamples(ImageShape shape, List<ClassSamples> classes) {
    /** How many augmented draws are shown per image. */
    public static final int DRAWS = 3;

    /** One image as packed 0xAARRGGBB pixels, row by row. */
    public record Picture(int width, int height, int[] argb) {
    }

    /**
     * @param images    up to the asked number of training images of the class, in data order
     * @param augmented for each image its {@link #DRAWS} augmented versions; empty lists without augmentation
     */
    public record ClassSamples(String className, List<Picture> images, List<List<Picture>> augmented) {
    }

    public ImageSamples {
        classes = List.copyOf(classes);
    }

    /**
     * @param augmentation null or none for no augmented rows
     * @throws DataException when the data holds no images (a table has nothing to show)
     */
    public static ImageSamples of(LoadedData data, int perClass, Augmentation augmentation, long seed) {
        ImageShape shape = data.imageShape();
        if (shape == null) {
            throw new DataException(data.name() + " is a table, not images: there is nothing to preview");
        }
        INDArray features = data.train().getFeatures();
        INDArray labels = data.train().getLabels();
        int n = data.trainSize();
        boolean augments = augmentation != null && !augmentation.isNone();
        Augmenter augmenter = augments ? new Augmenter(augmentation, shape, data.channelStats(), seed) : null;
        List<List<Integer>> rowsPerClass = new ArrayList<>();
        for (int c = 0; c < data.numClasses(); c++) {
            rowsPerClass.add(new ArrayList<>());
        }
        int[] classOf = labels.argMax(1).toIntVector();
        for (int i = 0; i < n; i++) {
            int label = classOf[i];
            if (rowsPerClass.get(label).size() < perClass) {
                rowsPerClass.get(label).add(i);
            }
        }
        List<ClassSamples> classes = new ArrayList<>();
        for (int c = 0; c < data.numClasses(); c++) {
            List<Picture> images = new ArrayList<>();
            List<List<Picture>> augmented = new ArrayList<>();
            for (int row : rowsPerClass.get(c)) {
                float[] values = features.getRow(row).dup().toFloatVector();
                images.add(picture(values, shape, data.channelStats()));
                List<Picture> draws = new ArrayList<>();
                for (int draw = 0; augments && draw < DRAWS; draw++) {
                    float[] copy = values.clone();
                    augmenter.apply(copy, 1, draw, row);
                    draws.add(picture(copy, shape, data.channelStats()));
                }
                augmented.add(List.copyOf(draws));
            }
            if (!images.isEmpty()) {
                classes.add(new ClassSamples(data.classNames().get(c), List.copyOf(images), List.copyOf(augmented)));
            }
        }
        return new ImageSamples(shape, classes);
    }

    /** One stored image (channel, row, column), normalised or not, as 0..255 ARGB. */
    static Picture picture(float[] values, ImageShape shape, ChannelStats stats) {
        int h = shape.height();
        int w = shape.width();
        int plane = h * w;
        int[] argb = new int[plane];
        boolean colour = shape.channels() >= 3;
        double[] means = stats == null ? null : stats.means();
        double[] stds = stats == null ? null : stats.stds();
        for (int p = 0; p < plane; p++) {
            int r = level(values, p, 0, plane, means, stds);
            int g = colour ? level(values, p, 1, plane, means, stds) : r;
            int b = colour ? level(values, p, 2, plane, means, stds) : r;
            argb[p] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return new Picture(w, h, argb);
    }

    private static int level(float[] values, int p, int c, int plane, double[] means, double[] stds) {
        double v = values[c * plane + p];
        if (means != null) {
            v = v * (stds[c] + ChannelStats.EPSILON) + means[c];
        }
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }
}
