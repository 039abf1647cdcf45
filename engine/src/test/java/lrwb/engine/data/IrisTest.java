package lrwb.engine.data;

import org.junit.jupiter.api.Test;

import static lrwb.engine.data.DataAssertions.assertShape;
import static lrwb.engine.data.DataAssertions.assertStandardised;
import static lrwb.engine.data.DataAssertions.classCounts;
import static org.assertj.core.api.Assertions.assertThat;

class IrisTest {

    @Test
    void readsTheBundledFileOffline() {
        Examples rows = IrisSource.read();
        assertThat(rows.size()).isEqualTo(150);
        assertThat(rows.numFeatures()).isEqualTo(4);
        assertThat(rows.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(rows.classCounts()).containsExactly(50, 50, 50);
        // the first line of iris.dat: 5.1,3.5,1.4,0.2,0
        assertThat(new float[]{rows.feature(0, 0), rows.feature(0, 1), rows.feature(0, 2), rows.feature(0, 3)})
                .containsExactly(5.1f, 3.5f, 1.4f, 0.2f);
        assertThat(rows.label(0)).isZero();
    }

    @Test
    void loadsAsA120To30StratifiedStandardisedSplit() {
        LoadedData iris = Datasets.load(DataOptions.of("iris"));
        assertThat(iris.name()).isEqualTo("iris");
        assertThat(iris.numFeatures()).isEqualTo(4);
        assertThat(iris.numClasses()).isEqualTo(3);
        assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(iris.isImage()).isFalse();
        assertThat(iris.imageShape()).isNull();
        assertShape(iris.train(), 120, 4, 3);
        assertShape(iris.validation(), 30, 4, 3);
        assertThat(classCounts(iris.validation(), 3)).containsExactly(10, 10, 10);
        assertStandardised(iris.train());
    }

    @Test
    void theSeedDecidesTheSplitAndTheSameSeedRepeatsIt() {
        LoadedData a = Datasets.load(DataOptions.of("iris").withSeed(1));
        LoadedData again = Datasets.load(DataOptions.of("iris").withSeed(1));
        LoadedData b = Datasets.load(DataOptions.of("iris").withSeed(2));
        assertThat(again.train()).isEqualTo(a.train());
        assertThat(again.validation()).isEqualTo(a.validation());
        assertThat(b.validation().getFeatures()).isNotEqualTo(a.validation().getFeatures());
    }

    @Test
    void aLimitTakesARandomSubsetSoEveryClassCanStillAppear() {
        LoadedData iris = Datasets.load(DataOptions.of("iris").withLimit(30));
        assertThat(iris.trainSize()).isEqualTo(24);
        assertThat(iris.validationSize()).isEqualTo(6);
        assertThat(iris.numClasses()).isEqualTo(3);
        assertThat(classCounts(iris.train(), 3)).doesNotContain(0);
    }
}
