package lrwb.app.chart;

import javafx.scene.paint.Color;

import java.util.Collection;
import java.util.List;

/** Line colours that stay apart from each other on white and for the common colour-vision deficiencies (Tableau 10). */
public final class CurveColors {
    public static final List<Color> PALETTE = List.of(
            Color.web("#1f77b4"), Color.web("#ff7f0e"), Color.web("#2ca02c"), Color.web("#d62728"),
            Color.web("#9467bd"), Color.web("#8c564b"), Color.web("#e377c2"), Color.web("#17becf"),
            Color.web("#bcbd22"), Color.web("#7f7f7f"));

    private CurveColors() {
    }

    /** The first palette colour not in use, or (with more curves than colours) the least used one. */
    public static Color next(Collection<Color> used) {
        Color best = PALETTE.get(0);
        long bestCount = Long.MAX_VALUE;
        for (Color c : PALETTE) {
            long count = used.stream().filter(c::equals).count();
            if (count < bestCount) {
                best = c;
                bestCount = count;
            }
        }
        return best;
    }

    /** {@code #rrggbb}, for inline CSS. */
    public static String web(Color c) {
        return String.format("#%02x%02x%02x",
                Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255), Math.round(c.getBlue() * 255));
    }
}
