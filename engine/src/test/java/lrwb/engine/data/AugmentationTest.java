package lrwb.engine.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AugmentationTest {
    @Test
    void readsEachPartAndWritesItBack() {
        Augmentation a = Augmentation.parse(" crop:4 , flip,cutout:8");
        assertThat(a).isEqualTo(new Augmentation(4, true, 8, false));
        assertThat(a.text()).isEqualTo("crop:4,flip,cutout:8");
        assertThat(Augmentation.parse("cutout")).isEqualTo(new Augmentation(0, false, 0, true));
        assertThat(Augmentation.parse("FLIP").text()).isEqualTo("flip");
        assertThat(Augmentation.parse("").isNone()).isTrue();
        assertThat(Augmentation.parse(" None ").isNone()).isTrue();
        assertThat(Augmentation.parse("none").text()).isEqualTo("none");
    }

    @Test
    void badPartsAreNamed() {
        assertThatThrownBy(() -> Augmentation.parse("crop")).hasMessage("augment: crop needs a pixel count, e.g. crop:4");
        assertThatThrownBy(() -> Augmentation.parse("crop:0")).hasMessage("augment crop must be an integer in [1, 1024] (got 0)");
        assertThatThrownBy(() -> Augmentation.parse("crop:x")).hasMessage("augment crop must be an integer in [1, 1024] (got 'x')");
        assertThatThrownBy(() -> Augmentation.parse("flip,flip")).hasMessage("augment: flip is given twice");
        assertThatThrownBy(() -> Augmentation.parse("flip:2")).hasMessage("augment: flip takes no value (got 'flip:2')");
        assertThatThrownBy(() -> Augmentation.parse("cutout:4,cutout")).hasMessage("augment: cutout is given twice");
        assertThatThrownBy(() -> Augmentation.parse("rotate:10")).hasMessage(
                "augment: unknown part 'rotate:10': use " + Augmentation.FORMS);
    }

    @Test
    void dataOptionsRecordBothChoicesAndReadThemBack() {
        DataOptions options = DataOptions.of("shapes").withNormalize(ImageNormalization.STANDARD)
                .withAugment(Augmentation.parse("crop:2,flip"));
        assertThat(options.toJson().path("normalize").asText()).isEqualTo("standard");
        assertThat(options.toJson().path("augment").asText()).isEqualTo("crop:2,flip");
        assertThat(DataOptions.fromJson(options.toJson())).isEqualTo(options);
        DataOptions plain = DataOptions.of("shapes");
        assertThat(plain.toJson().get("augment").isNull()).isTrue();
        assertThat(DataOptions.fromJson(plain.toJson())).isEqualTo(plain);
        assertThat(plain.imageNormalization()).isEqualTo(ImageNormalization.UNIT);
        assertThat(plain.withAugment(Augmentation.parse("")).augment()).isNull();
    }
}
