package lrwb.engine.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NetworkShapeTest {

    @Test
    void imagesKnowTheirLayout() {
        NetworkShape mnist = NetworkShape.image(1, 28, 28, 10);
        assertThat(mnist.numFeatures()).isEqualTo(784);
        assertThat(mnist.isImage()).isTrue();
        assertThat(new int[] {mnist.channels(), mnist.height(), mnist.width()}).containsExactly(1, 28, 28);
        assertThat(mnist).hasToString("1x28x28 images, 10 classes");
    }

    @Test
    void tabularDataHasNoImageLayout() {
        NetworkShape iris = NetworkShape.tabular(4, 3);
        assertThat(iris.isImage()).isFalse();
        assertThat(iris.imageChannelsHeightWidth()).isNull();
        assertThat(iris).hasToString("4 tabular features, 3 classes");
        assertThatThrownBy(iris::height).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void equalShapesAreEqualDespiteTheArray() {
        assertThat(new NetworkShape(12, 2, new int[] {3, 2, 2})).isEqualTo(NetworkShape.image(3, 2, 2, 2))
                .hasSameHashCodeAs(NetworkShape.image(3, 2, 2, 2));
        assertThat(NetworkShape.image(1, 4, 3, 2)).isNotEqualTo(NetworkShape.image(1, 3, 4, 2));
    }

    @Test
    void cannotBeChangedThroughItsArray() {
        int[] chw = {1, 2, 2};
        NetworkShape shape = new NetworkShape(4, 2, chw);
        chw[1] = 99;
        shape.imageChannelsHeightWidth()[2] = 99;
        assertThat(shape.imageChannelsHeightWidth()).containsExactly(1, 2, 2);
    }

    @Test
    void rejectsInconsistentShapes() {
        assertThatThrownBy(() -> new NetworkShape(10, 2, new int[] {1, 2, 2}))
                .hasMessage("image shape [1, 2, 2] holds 4 values but numFeatures is 10");
        assertThatThrownBy(() -> NetworkShape.tabular(0, 2)).hasMessage("numFeatures must be > 0 (got 0)");
        assertThatThrownBy(() -> NetworkShape.tabular(4, 1))
                .hasMessage("numClasses must be >= 2 for a softmax classifier (got 1)");
        assertThatThrownBy(() -> new NetworkShape(4, 2, new int[] {4, 1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
