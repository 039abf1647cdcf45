package lrwb.app.chart;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MinMaxDecimatorTest {
    private static double[] range(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    @Test
    void shortCurvesAreDrawnAsTheyAre() {
        double[] x = range(5);
        double[] y = {1, 2, Double.NaN, 4, 5};
        PointBuffer out = new PointBuffer();
        MinMaxDecimator.decimate(x, y, 5, 0, 4, 800, out);
        assertThat(out.size()).isEqualTo(4);
        assertThat(out.y(2)).isEqualTo(4);
    }

    @Test
    void aLongCurveKeepsTheLowestAndHighestPointOfEveryColumnAndAboutTwoPointsPerColumn() {
        int n = 100_000;
        int columns = 700;
        double[] x = range(n);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            // A cyclic schedule with 37-step cycles: far more peaks than pixels.
            y[i] = 1e-3 + Math.abs((i % 37) - 18.5) * 1e-3 + (i == 54_321 ? 1 : 0);
        }
        PointBuffer out = new PointBuffer();
        MinMaxDecimator.decimate(x, y, n, 0, n - 1, columns, out);
        assertThat(out.size()).isBetween(columns, 2 * columns + 4);
        Set<Double> kept = new HashSet<>();
        double lastX = -1;
        for (int i = 0; i < out.size(); i++) {
            kept.add(out.x(i));
            assertThat(out.x(i)).isGreaterThan(lastX);
            lastX = out.x(i);
        }
        assertThat(kept).as("the one spike survives").contains(54_321.0);
        double perColumn = (double) columns / (n - 1);
        for (int c = 0; c < columns; c++) {
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            double dmin = Double.MAX_VALUE;
            double dmax = -Double.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                if ((int) Math.floor(i * perColumn) == c) {
                    min = Math.min(min, y[i]);
                    max = Math.max(max, y[i]);
                }
            }
            for (int i = 0; i < out.size(); i++) {
                if ((int) Math.floor(out.x(i) * perColumn) == c) {
                    dmin = Math.min(dmin, out.y(i));
                    dmax = Math.max(dmax, out.y(i));
                }
            }
            assertThat(dmin).as("column %d min", c).isEqualTo(min);
            assertThat(dmax).as("column %d max", c).isEqualTo(max);
        }
    }

    @Test
    void onlyTheVisibleRangeIsDecimatedPlusOnePointEachSide() {
        double[] x = range(1000);
        double[] y = range(1000);
        PointBuffer out = new PointBuffer();
        MinMaxDecimator.decimate(x, y, 1000, 100, 199, 1000, out);
        assertThat(out.x(0)).isEqualTo(99);
        assertThat(out.x(out.size() - 1)).isEqualTo(200);
        assertThat(MinMaxDecimator.indexAtOrBefore(x, 1000, 10.7)).isEqualTo(10);
        assertThat(MinMaxDecimator.indexAtOrBefore(x, 1000, -1)).isEqualTo(-1);
    }
}
