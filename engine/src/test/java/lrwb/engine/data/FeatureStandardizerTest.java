package lrwb.engine.data;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FeatureStandardizerTest {

    @Test
    void usesTheTrainingMeanAndPopulationStdForBothParts() {
        // column 0: 1, 2, 3, 4 -> mean 2.5, population std sqrt(1.25); column 1 is constant
        Examples train = new Examples(new float[]{1, 7, 2, 7, 3, 7, 4, 7}, 2, new int[]{0, 1, 0, 1}, List.of("a", "b"));
        Examples validation = new Examples(new float[]{10, 8}, 2, new int[]{0}, List.of("a", "b"));
        FeatureStandardizer standardizer = FeatureStandardizer.fitOn(train);

        Examples trainOut = standardizer.apply(train);
        double std = Math.sqrt(1.25);
        assertThat(trainOut.feature(0, 0)).isCloseTo((float) ((1 - 2.5) / std), within(1e-6f));
        assertThat(trainOut.feature(3, 0)).isCloseTo((float) ((4 - 2.5) / std), within(1e-6f));
        assertThat(trainOut.feature(0, 1)).isZero();

        Examples validationOut = standardizer.apply(validation);
        assertThat(validationOut.feature(0, 0)).isCloseTo((float) ((10 - 2.5) / std), within(1e-6f));
        // a constant column keeps scale 1: the validation's 8 is one unit above the training's 7, not NaN
        assertThat(validationOut.feature(0, 1)).isEqualTo(1f);
        // the input is untouched
        assertThat(train.feature(0, 0)).isEqualTo(1f);
    }

    @Test
    void aTinyButRealSpreadIsStillScaled() {
        Examples train = new Examples(new float[]{1e-7f, 3e-7f}, 1, new int[]{0, 1}, List.of("a", "b"));
        Examples out = FeatureStandardizer.fitOn(train).apply(train);
        assertThat(out.feature(0, 0)).isCloseTo(-1f, within(1e-4f));
        assertThat(out.feature(1, 0)).isCloseTo(1f, within(1e-4f));
    }
}
