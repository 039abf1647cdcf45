package lrwb.engine.runtime;

import org.junit.jupiter.api.Test;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;

import static org.assertj.core.api.Assertions.assertThat;

/** One shape buffer per distinct shape, whatever arrays the caller passes; distinct shapes never share one. */
class CachedShapeInfoProviderTest {
    private final CachedShapeInfoProvider provider = new CachedShapeInfoProvider();

    private Pair<DataBuffer, long[]> info(long[] shape, long[] stride, char order, DataType type, boolean empty) {
        return provider.createShapeInformation(shape, stride, 1, order, type, empty);
    }

    @Test
    void theSameShapeAskedAgainIsTheSameBufferEvenFromNewArrays() {
        Pair<DataBuffer, long[]> first = info(new long[] {32, 64}, new long[] {64, 1}, 'c', DataType.FLOAT, false);
        Pair<DataBuffer, long[]> again = info(new long[] {32, 64}, new long[] {64, 1}, 'c', DataType.FLOAT, false);
        assertThat(again).isSameAs(first);
        assertThat(first.getSecond()).startsWith(2, 32, 64, 64, 1);
        assertThat(provider.cachedShapes()).isEqualTo(1);
    }

    @Test
    void aCallersArraysChangedAfterwardsDoNotChangeTheCache() {
        long[] shape = {8, 4};
        long[] stride = {4, 1};
        Pair<DataBuffer, long[]> first = info(shape, stride, 'c', DataType.FLOAT, false);
        shape[0] = 16;
        stride[0] = 8;
        assertThat(info(new long[] {8, 4}, new long[] {4, 1}, 'c', DataType.FLOAT, false)).isSameAs(first);
        assertThat(info(shape, stride, 'c', DataType.FLOAT, false)).isNotSameAs(first);
    }

    @Test
    void everyPartOfTheShapeTellsEntriesApart() {
        Pair<DataBuffer, long[]> base = info(new long[] {4, 6}, new long[] {6, 1}, 'c', DataType.FLOAT, false);
        assertThat(info(new long[] {6, 4}, new long[] {4, 1}, 'c', DataType.FLOAT, false)).isNotSameAs(base);
        assertThat(info(new long[] {4, 6}, new long[] {1, 4}, 'f', DataType.FLOAT, false)).isNotSameAs(base);
        assertThat(info(new long[] {4, 6}, new long[] {6, 1}, 'c', DataType.DOUBLE, false)).isNotSameAs(base);
        assertThat(info(new long[] {4, 6}, new long[] {6, 1}, 'c', DataType.FLOAT, true)).isNotSameAs(base);
        assertThat(provider.createShapeInformation(new long[] {4, 6}, new long[] {6, 1}, 0, 'c', DataType.FLOAT, false))
                .isNotSameAs(base);
        assertThat(provider.cachedShapes()).isEqualTo(6);
    }

    @Test
    void purgingEmptiesTheCache() {
        info(new long[] {2, 2}, new long[] {2, 1}, 'c', DataType.FLOAT, false);
        provider.purgeCache();
        assertThat(provider.cachedShapes()).isZero();
    }
}
