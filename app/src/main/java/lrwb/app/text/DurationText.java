package lrwb.app.text;

import java.util.Locale;

/** Durations the way a clock shows them: 0:07, 12:30, 1:02:03. */
public final class DurationText {
    private DurationText() {
    }

    public static String of(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "–";
        }
        long s = Math.round(seconds);
        long h = s / 3600;
        long m = (s % 3600) / 60;
        long sec = s % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }
}
