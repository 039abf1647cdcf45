package lrwb.engine.schedule;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The valid name a mistyped one was most likely meant to be ({@code lrr} → {@code lr}, {@code gama} →
 * {@code gamma}, {@code cosin} → {@code cosine}), so a refusal can say "did you mean". Distance is the
 * optimal-string-alignment edit distance (insert, delete, replace, swap two neighbours), ignoring case; a
 * name only counts as close when at most {@code max(1, min(2, length / 3))} edits away, so {@code xy} is
 * not taken for {@code lr} and {@code foo} suggests nothing.
 */
public final class ClosestName {
    private ClosestName() {
    }

    public static Optional<String> to(String typed, List<String> valid) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : valid) {
            int d = distance(typed.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (d < bestDistance && d <= allowed(name)) {
                best = name;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int allowed(String name) {
        return Math.max(1, Math.min(2, name.length() / 3));
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
