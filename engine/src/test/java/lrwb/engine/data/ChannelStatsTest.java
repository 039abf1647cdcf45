package lrwb.engine.data;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Per-channel standardisation with statistics of the training split, worked out by hand on tiny images. */
class ChannelStatsTest {
    private static final ImageShape SHAPE = new ImageShape(2, 1, 2);

    /** Images of 2 channels x 2 pixels: rows (c0p0, c0p1, c1p0, c1p1). */
    private static DataSet set(float[][] rows) {
        float[] f = new float[rows.length * 4];
        float[] labels = new float[rows.length * 2];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, f, i * 4, 4);
            labels[i * 2 + i % 2] = 1;
        }
        return new DataSet(Nd4j.create(f, new long[] {rows.length, 4}, 'c'), Nd4j.create(labels, new long[] {rows.length, 2}, 'c'));
    }

    @Test
    void meansAndStdsArePerChannelOverEveryPixelOfTheTrainingSet() {
        // channel 0: 0, 0.5, 0.5, 1 -> mean 0.5, std sqrt(0.125); channel 1: 0.2 everywhere -> mean 0.2, std 0
        DataSet train = set(new float[][] {{0f, 0.5f, 0.2f, 0.2f}, {0.5f, 1f, 0.2f, 0.2f}});
        ChannelStats stats = ChannelStats.fitOn(train, SHAPE);
        assertThat(stats.means()[0]).isCloseTo(0.5, within(1e-7));
        assertThat(stats.means()[1]).isCloseTo(0.2, within(1e-7));
        assertThat(stats.stds()[0]).isCloseTo(Math.sqrt(0.125), within(1e-7));
        assertThat(stats.stds()[1]).isCloseTo(0, within(1e-6));
    }

    @Test
    void trainingAndValidationAreMappedWithTheTrainingStatistics() {
        ChannelStats stats = new ChannelStats(new double[] {0.5, 0.25}, new double[] {0.25, 0.5});
        DataSet validation = set(new float[][] {{1f, 0f, 0.25f, 0.75f}});
        stats.apply(validation, SHAPE);
        double e = ChannelStats.EPSILON;
        assertThat(validation.getFeatures().toFloatVector()).containsExactly(
                new float[] {(float) (0.5 / (0.25 + e)), (float) (-0.5 / (0.25 + e)), 0f, (float) (0.5 / (0.5 + e))},
                within(1e-6f));
    }

    @Test
    void standardNormalisationOfAnImageSetUsesTheTrainingSplitOnly() {
        DataOptions options = DataOptions.of("shapes:samples=40,size=8").withNormalize(ImageNormalization.STANDARD);
        LoadedData unit = Datasets.load(DataOptions.of("shapes:samples=40,size=8"));
        LoadedData standard = Datasets.load(options);
        ChannelStats stats = standard.channelStats();
        assertThat(stats.means()).hasSize(3);
        ChannelStats fromUnit = ChannelStats.fitOn(unit.train(), unit.imageShape());
        assertThat(stats.means()).containsExactly(fromUnit.means());
        assertThat(stats.stds()).containsExactly(fromUnit.stds());
        // every value: (unit - mean[c]) / (std[c] + 1e-6), validation with the training split's statistics
        float[] before = unit.validation().getFeatures().dup().data().asFloat();
        float[] after = standard.validation().getFeatures().dup().data().asFloat();
        int plane = 8 * 8;
        for (int i = 0; i < before.length; i++) {
            int c = i % (3 * plane) / plane;
            assertThat(after[i]).isCloseTo((float) ((before[i] - stats.means()[c]) / (stats.stds()[c] + ChannelStats.EPSILON)),
                    within(1e-5f));
        }
        ChannelStats ofNormalisedTrain = ChannelStats.fitOn(standard.train(), standard.imageShape());
        for (int c = 0; c < 3; c++) {
            assertThat(ofNormalisedTrain.means()[c]).isCloseTo(0, within(1e-5));
            assertThat(ofNormalisedTrain.stds()[c]).isCloseTo(1, within(1e-4));
        }
        assertThat(Datasets.load(options.withNormalize(ImageNormalization.UNIT)).channelStats()).isNull();
    }

    @Test
    void imageOptionsOnTabularDataAreRefusedBeforeLoading() {
        assertThatThrownBy(() -> Datasets.load(DataOptions.of("iris").withNormalize(ImageNormalization.STANDARD)))
                .isInstanceOf(DataException.class).hasMessage("iris: " + Datasets.TABULAR_NORMALIZE);
        assertThatThrownBy(() -> Datasets.load(DataOptions.of("csv:nowhere.csv").withAugment(Augmentation.parse("flip"))))
                .isInstanceOf(DataException.class).hasMessage("csv:nowhere.csv: augment applies to image data only");
        assertThatThrownBy(() -> ImageNormalization.parse("minmax")).hasMessage("normalize must be unit or standard (got 'minmax')");
        assertThat(List.of(ImageNormalization.parse(" Standard "))).containsExactly(ImageNormalization.STANDARD);
    }
}
