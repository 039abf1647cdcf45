package lrwb.engine.runtime;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.cpu.nativecpu.DirectShapeInfoProvider;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ND4J's shape information, cached for every way an array is created. ND4J 1.0.0-M2.1's CPU provider
 * ({@link DirectShapeInfoProvider}) caches only one of its overloads, and every array constructor calls another
 * ({@code (shape, stride, ews, order, dataType, empty)}): so each new array, view or reshape of an update asks the
 * native side for its shape again and wraps the answer in four native-backed Java objects (a buffer, two pointers
 * and a deallocator reference). A small network's update makes dozens of arrays, so a training job left some
 * 50,000 phantom and 50,000 weak references per young collection for the garbage collector, ND4J's deallocator
 * threads and JavaCPP's to process: about a third of a core beside the job's own, which is what kept two sweep cells
 * on two cores from running twice as fast as one.
 *
 * <p>The cached buffers are shared between arrays, as ND4J already shares those of the cached overload: ND4J never
 * writes into a shape buffer after creating it (it is marked constant). Distinct shapes are few (a network's
 * layers, a batch and its last, short one); past {@link #MAX_ENTRIES} new ones are created uncached, as before.
 *
 * <p>Installed through ND4J's {@code shapeinfoprovider} setting ({@link NativeSettings#beforeNd4jLoads}), which ND4J
 * reads from the system properties when it starts.
 */
public final class CachedShapeInfoProvider extends DirectShapeInfoProvider {
    static final int MAX_ENTRIES = 20_000;

    private final Map<Key, Pair<DataBuffer, long[]>> cache = new ConcurrentHashMap<>();

    @Override
    public Pair<DataBuffer, long[]> createShapeInformation(long[] shape, long[] stride, long elementWiseStride, char order,
                                                           DataType dataType, boolean empty) {
        Key key = new Key(shape, stride, elementWiseStride, order, dataType, empty);
        Pair<DataBuffer, long[]> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Pair<DataBuffer, long[]> created = super.createShapeInformation(shape, stride, elementWiseStride, order, dataType, empty);
        if (cache.size() < MAX_ENTRIES) {
            // the key keeps its own copies: callers may reuse their shape and stride arrays
            Pair<DataBuffer, long[]> raced = cache.putIfAbsent(key.copy(), created);
            return raced != null ? raced : created;
        }
        return created;
    }

    @Override
    public void purgeCache() {
        cache.clear();
        super.purgeCache();
    }

    /** How many shapes are cached (tests). */
    int cachedShapes() {
        return cache.size();
    }

    private record Key(long[] shape, long[] stride, long elementWiseStride, char order, DataType dataType, boolean empty) {
        Key copy() {
            return new Key(shape.clone(), stride.clone(), elementWiseStride, order, dataType, empty);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && elementWiseStride == k.elementWiseStride && order == k.order && dataType == k.dataType
                    && empty == k.empty && Arrays.equals(shape, k.shape) && Arrays.equals(stride, k.stride);
        }

        @Override
        public int hashCode() {
            return ((Arrays.hashCode(shape) * 31 + Arrays.hashCode(stride)) * 31 + Long.hashCode(elementWiseStride)) * 31
                    + order * 7 + dataType.ordinal() * 2 + (empty ? 1 : 0);
        }
    }
}
