package lrwb.engine.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageSamplesTest {

    @Test
    void aFewImagesOfEveryClassWithTheirAugmentedDraws() {
        LoadedData data = Datasets.load(DataOptions.of("shapes:samples=60,size=12"));
        ImageSamples samples = ImageSamples.of(data, 2, Augmentation.parse("flip,cutout:4"), 7);

        assertThat(samples.shape()).isEqualTo(data.imageShape());
        assertThat(samples.classes()).extracting(ImageSamples.ClassSamples::className).containsExactlyElementsOf(data.classNames());
        for (ImageSamples.ClassSamples c : samples.classes()) {
            assertThat(c.images()).hasSize(2);
            assertThat(c.augmented()).hasSize(2).allSatisfy(draws -> assertThat(draws).hasSize(ImageSamples.DRAWS));
            assertThat(c.images().get(0).argb()).hasSize(12 * 12);
        }
        // the same seed draws the same augmentation
        ImageSamples again = ImageSamples.of(data, 2, Augmentation.parse("flip,cutout:4"), 7);
        assertThat(again.classes().get(1).augmented().get(0).get(2).argb())
                .isEqualTo(samples.classes().get(1).augmented().get(0).get(2).argb());
    }

    @Test
    void pixelsGoBackToTheirLevelsWhateverTheNormalisation() {
        ImageShape rgb = new ImageShape(3, 1, 2);
        float[] values = {1f, 0f, 0f, 1f, 0.2f, 0f};  // pixel 0: red + blue 0.2; pixel 1: green
        assertThat(ImageSamples.picture(values, rgb, null).argb()).containsExactly(0xFFFF0033, 0xFF00FF00);

        ChannelStats stats = new ChannelStats(new double[]{0.5, 0.5, 0.5}, new double[]{0.25, 0.25, 0.25});
        float[] standardised = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            standardised[i] = stats.normalised(i / 2, values[i]);
        }
        assertThat(ImageSamples.picture(standardised, rgb, stats).argb()).containsExactly(0xFFFF0033, 0xFF00FF00);

        ImageShape grey = new ImageShape(1, 1, 2);
        assertThat(ImageSamples.picture(new float[]{0.5f, 2f}, grey, null).argb()).containsExactly(0xFF808080, 0xFFFFFFFF);
    }

    @Test
    void aTableHasNothingToPreview() {
        LoadedData iris = Datasets.load(DataOptions.of("iris"));
        assertThatThrownBy(() -> ImageSamples.of(iris, 3, null, 1)).isInstanceOf(DataException.class)
                .hasMessage("iris is a table, not images: there is nothing to preview");
    }
}
