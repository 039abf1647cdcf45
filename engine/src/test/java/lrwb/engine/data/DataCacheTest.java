package lrwb.engine.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One reading per data set and session: what the cache hands out again, what it reads anew, and what it forgets. */
class DataCacheTest {
    private static final long BIG = 1L << 30;
    private static final DataOptions SHAPES = DataOptions.of("shapes:samples=40,size=8");

    @TempDir
    Path dir;

    @Test
    void theSameOptionsGetTheSameDataReadOnce() {
        DataCache cache = new DataCache(BIG);
        LoadedData first = cache.load(SHAPES);
        assertThat(cache.load(DataOptions.of("shapes:samples=40,size=8"))).isSameAs(first);
        assertThat(cache.loads()).isEqualTo(1);
        // 32 training and 8 validation images of 3 x 8 x 8 floats, and 4 label floats each
        assertThat(cache.keptBytes()).isEqualTo(40L * (192 + 4) * 4).isEqualTo(DataCache.bytesOf(first));

        LoadedData otherSeed = cache.load(SHAPES.withSeed(7)); // the seed draws other images and another split
        assertThat(otherSeed).isNotSameAs(first);
        assertThat(otherSeed.train().getFeatures()).isNotEqualTo(first.train().getFeatures());
        assertThat(cache.loads()).isEqualTo(2);
    }

    @Test
    void augmentationIsNoPartOfWhatIsReadButIsStillRefusedOnTabularData() {
        DataCache cache = new DataCache(BIG);
        LoadedData pixels = cache.load(SHAPES);
        assertThat(cache.load(SHAPES.withAugment(Augmentation.parse("crop:4,flip,cutout")))).isSameAs(pixels);
        assertThat(cache.loads()).isEqualTo(1);

        assertThatThrownBy(() -> cache.load(DataOptions.of("moons").withAugment(Augmentation.parse("flip"))))
                .isInstanceOf(DataException.class).hasMessage("moons: augment applies to image data only");
        assertThat(cache.loads()).isEqualTo(1); // refused by its name, before reading
    }

    @Test
    void aStandardisedSetIsComputedFromACopyOfThePixelsReadBefore() {
        DataCache cache = new DataCache(BIG);
        LoadedData pixels = cache.load(SHAPES);
        float before = pixels.train().getFeatures().getFloat(0, 0);
        DataOptions standard = SHAPES.withNormalize(ImageNormalization.STANDARD);

        LoadedData standardised = cache.load(standard);

        assertThat(cache.loads()).isEqualTo(2); // one reading, one standardisation
        assertThat(pixels.train().getFeatures().getFloat(0, 0)).isEqualTo(before); // the pixels are untouched
        assertThat(pixels.train().getFeatures().minNumber().doubleValue()).isGreaterThanOrEqualTo(0);
        LoadedData direct = Datasets.load(standard);
        assertThat(standardised.train().getFeatures()).isEqualTo(direct.train().getFeatures());
        assertThat(standardised.validation().getFeatures()).isEqualTo(direct.validation().getFeatures());
        assertThat(standardised.channelStats().means()).containsExactly(direct.channelStats().means());
        assertThat(standardised.channelStats().stds()).containsExactly(direct.channelStats().stds());
        assertThat(cache.load(standard.withAugment(Augmentation.parse("flip")))).isSameAs(standardised);
        assertThat(cache.loads()).isEqualTo(2);
    }

    @Test
    void aFileThatChangedIsReadAnewAndAFailedReadIsNotKept() throws IOException {
        DataCache cache = new DataCache(BIG);
        Path csv = dir.resolve("points.csv");
        DataOptions options = DataOptions.of("csv:" + csv);
        assertThatThrownBy(() -> cache.load(options)).isInstanceOf(DataException.class);

        Files.writeString(csv, rows(10));
        assertThat(cache.load(options).trainSize()).isEqualTo(8);
        assertThat(cache.load(options).trainSize()).isEqualTo(8);
        assertThat(cache.loads()).isEqualTo(2); // the failed reading and one that worked

        Files.writeString(csv, rows(20));
        Files.setLastModifiedTime(csv, FileTime.fromMillis(Files.getLastModifiedTime(csv).toMillis() + 2000));
        assertThat(cache.load(options).trainSize()).isEqualTo(16);
        assertThat(cache.loads()).isEqualTo(3);
    }

    @Test
    void theLeastRecentlyUsedSetGoesWhenTheBudgetIsFull() {
        long oneSet = DataCache.bytesOf(Datasets.load(SHAPES));
        DataCache cache = new DataCache(oneSet + oneSet / 2);
        LoadedData a = cache.load(SHAPES);
        cache.load(SHAPES.withSeed(1)); // pushes a out
        assertThat(cache.keptBytes()).isEqualTo(oneSet);
        assertThat(cache.load(SHAPES)).isNotSameAs(a);
        assertThat(cache.loads()).isEqualTo(3);

        DataCache none = new DataCache(0); // keeps nothing: every ask reads
        assertThat(none.load(SHAPES)).isNotSameAs(none.load(SHAPES));
        assertThat(none.loads()).isEqualTo(2);
        assertThat(none.keptBytes()).isZero();
    }

    @Test
    void askersAtTheSameTimeShareOneReading() throws Exception {
        DataCache cache = new DataCache(BIG);
        DataOptions options = DataOptions.of("shapes:samples=4000,size=16");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            var asks = java.util.stream.IntStream.range(0, 3)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> cache.load(options), pool)).toList();
            LoadedData first = asks.get(0).get();
            assertThat(asks).allSatisfy(ask -> assertThat(ask.get()).isSameAs(first));
            assertThat(cache.loads()).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
    }

    private static String rows(int n) {
        StringBuilder text = new StringBuilder("x,y,label\n");
        for (int i = 0; i < n; i++) {
            text.append(i).append(',').append(i % 3).append(',').append(i % 2 == 0 ? "even" : "odd").append('\n');
        }
        return text.toString();
    }
}
