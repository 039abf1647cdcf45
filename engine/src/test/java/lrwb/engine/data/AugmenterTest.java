package lrwb.engine.data;

import lrwb.engine.runtime.EngineContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each transform pixel by pixel on a tiny image with a fixed draw, then augmentation as batches are built. */
class AugmenterTest {
    private static final EngineContext ENGINE = EngineContext.create();
    /** 2 channels of 3 x 3: channel 0 holds 1..9 row by row, channel 1 holds 11..19. */
    private static final ImageShape SHAPE = new ImageShape(2, 3, 3);

    @AfterAll
    static void closeEngine() {
        ENGINE.close();
    }

    private static float[] image() {
        float[] v = new float[SHAPE.pixels()];
        for (int i = 0; i < 9; i++) {
            v[i] = i + 1;
            v[9 + i] = i + 11;
        }
        return v;
    }

    @Test
    void cropShiftsTheImageInsideItsZeroPadding() {
        float[] v = image();
        // padding 1, window at (0, 2) of the padded 5 x 5: one row down from the top padding, one column to the right
        Augmenter.crop(v, 0, SHAPE, 1, 0, 2, new float[SHAPE.pixels()]);
        assertThat(v).containsExactly(
                0, 0, 0,
                2, 3, 0,
                5, 6, 0,
                0, 0, 0,
                12, 13, 0,
                15, 16, 0);
        float[] same = image();
        Augmenter.crop(same, 0, SHAPE, 1, 1, 1, new float[SHAPE.pixels()]);
        assertThat(same).containsExactly(image());
    }

    @Test
    void flipMirrorsEveryRowOfEveryChannelAndTwiceIsTheImage() {
        float[] v = image();
        Augmenter.flip(v, 0, SHAPE);
        assertThat(v).containsExactly(3, 2, 1, 6, 5, 4, 9, 8, 7, 13, 12, 11, 16, 15, 14, 19, 18, 17);
        Augmenter.flip(v, 0, SHAPE);
        assertThat(v).containsExactly(image());
    }

    @Test
    void cutoutFillsOnlyTheBoxClippedAtTheBorder() {
        float[] v = image();
        // a 2 x 2 box whose top-left is (-1, 1): only row 0, columns 1 and 2 are inside
        Augmenter.fill(v, 0, SHAPE, -1, 1, 2, 2, new float[] {0, -5});
        assertThat(v).containsExactly(1, 0, 0, 4, 5, 6, 7, 8, 9, 11, -5, -5, 14, 15, 16, 17, 18, 19);
    }

    @Test
    void theSecondImageOfABlockIsTransformedAtItsOffset() {
        float[] two = new float[2 * SHAPE.pixels()];
        System.arraycopy(image(), 0, two, SHAPE.pixels(), SHAPE.pixels());
        Augmenter.flip(two, SHAPE.pixels(), SHAPE);
        assertThat(java.util.Arrays.copyOf(two, SHAPE.pixels())).containsOnly(0f);
        assertThat(two[SHAPE.pixels()]).isEqualTo(3);
    }

    @Test
    void randomErasingFillsOneBoxWithOnePixelValueOrLeavesTheImage() {
        Augmenter eraser = new Augmenter(new Augmentation(0, false, 0, true), new ImageShape(1, 16, 16), null, 3);
        int erased = 0;
        for (int position = 0; position < 200; position++) {
            float[] v = new float[256];
            java.util.Arrays.fill(v, -1f);
            eraser.apply(v, 1, 0, position);
            List<Float> changed = new ArrayList<>();
            for (float f : v) {
                if (f != -1f) {
                    changed.add(f);
                }
            }
            if (!changed.isEmpty()) {
                erased++;
                assertThat(changed).containsOnly(changed.get(0)); // one value, a pixel in [0, 1]
                assertThat(changed.get(0)).isBetween(0f, 1f);
                assertThat(changed.size()).isLessThanOrEqualTo((int) (0.4 * 256)); // area at most 0.4 of the image
            }
        }
        assertThat(erased).isBetween(70, 130); // p = 0.5
    }

    /** n images of SHAPE, image i holding i * 100 + its pixel index, labelled i % 2. */
    private static DataSet images(int n) {
        float[] f = new float[n * SHAPE.pixels()];
        float[] labels = new float[n * 2];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < SHAPE.pixels(); p++) {
                f[i * SHAPE.pixels() + p] = i * 100 + p + 1;
            }
            labels[i * 2 + i % 2] = 1;
        }
        return new DataSet(Nd4j.create(f, new long[] {n, SHAPE.pixels()}, 'c'),
                Nd4j.create(labels, new long[] {n, 2}, 'c'));
    }

    private static LoadedData loaded(int n, ImageShape shape) {
        return new LoadedData("tiny", images(n), images(4), SHAPE.pixels(), 2, List.of("a", "b"), shape);
    }

    private static final DataOptions AUGMENTED = DataOptions.of("tiny").withAugment(Augmentation.parse("crop:1,flip,cutout:2"));

    private static List<float[]> featuresOf(Iterable<DataSet> batches) {
        List<float[]> out = new ArrayList<>();
        for (DataSet b : batches) {
            out.add(b.getFeatures().dup().data().asFloat());
        }
        return out;
    }

    private static List<float[]> stream(ShuffledBatches batches, int firstPass, int count) {
        List<float[]> out = new ArrayList<>();
        Iterator<DataSet> it = batches.stream(firstPass, count);
        while (it.hasNext()) {
            out.add(it.next().getFeatures().dup().data().asFloat());
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameAugmentedBatchesAndAnotherSeedOthers() {
        LoadedData data = loaded(20, SHAPE);
        List<float[]> a = featuresOf(ShuffledBatches.forTraining(data, AUGMENTED, 4, 9, ENGINE).pass(2));
        List<float[]> b = featuresOf(ShuffledBatches.forTraining(data, AUGMENTED, 4, 9, ENGINE).pass(2));
        List<float[]> plain = featuresOf(ShuffledBatches.forTraining(data, DataOptions.of("tiny"), 4, 9, ENGINE).pass(2));
        List<float[]> other = featuresOf(ShuffledBatches.forTraining(data, AUGMENTED, 4, 10, ENGINE).pass(2));
        assertThat(same(a, b)).isTrue();
        assertThat(same(a, plain)).isFalse();
        assertThat(same(a, other)).isFalse();
        // a stream cuts passes into chunks differently, and resumes at a later pass: the same augmented batches
        List<float[]> streamed = stream(ShuffledBatches.forTraining(data, AUGMENTED, 4, 9, ENGINE), 2, 5);
        assertThat(same(streamed, a)).isTrue();
    }

    @Test
    void aLongStreamAugmentsInTheBackgroundExactlyAsPassesDo() {
        // 60000 images of 18 values and 2 labels: two chunks a pass, the later ones augmented on the copy thread
        LoadedData data = loaded(60000, SHAPE);
        ShuffledBatches streamed = ShuffledBatches.forTraining(data, AUGMENTED, 7, 1, ENGINE);
        ShuffledBatches passes = ShuffledBatches.forTraining(data, AUGMENTED, 7, 1, ENGINE);
        int perPass = passes.batchesPerPass();
        List<float[]> expected = featuresOf(passes.pass(0));
        expected.addAll(featuresOf(passes.pass(1)));
        List<float[]> actual = stream(streamed, 0, 2 * perPass);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("batch %d", i).containsExactly(expected.get(i));
        }
    }

    @Test
    void theDataItselfAndTheValidationSetAreNeverAugmented() {
        LoadedData data = loaded(20, SHAPE);
        float[] train = data.train().getFeatures().dup().data().asFloat();
        float[] validation = data.validation().getFeatures().dup().data().asFloat();
        ShuffledBatches batches = ShuffledBatches.forTraining(data, AUGMENTED, 4, 9, ENGINE);
        featuresOf(batches.pass(0));
        stream(batches, 1, 10);
        assertThat(data.train().getFeatures().data().asFloat()).containsExactly(train);
        assertThat(data.validation().getFeatures().data().asFloat()).containsExactly(validation);
    }

    @Test
    void augmentationOfTabularDataIsRefused() {
        LoadedData tabular = new LoadedData("iris", images(8), images(2), SHAPE.pixels(), 2, List.of("a", "b"), null);
        assertThatThrownBy(() -> ShuffledBatches.forTraining(tabular, AUGMENTED, 4, 1, ENGINE))
                .isInstanceOf(DataException.class).hasMessage("augment applies to image data only");
    }

    /** Batch by batch, value by value (AssertJ's recursive comparison takes minutes over thousands of arrays). */
    private static boolean same(List<float[]> a, List<float[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
