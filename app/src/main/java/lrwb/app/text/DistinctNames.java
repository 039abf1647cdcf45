package lrwb.app.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Legend names that say how runs differ: run names are "dataset · model · optimizer · schedule", and when five
 * runs share all but the schedule, the legend should read "constant 0.05", "cosine 0.1", … rather than repeat
 * the rest five times.
 */
public final class DistinctNames {
    static final String SEPARATOR = " · ";

    private DistinctNames() {
    }

    /** For each name, the parts that are not the same in every name (the last part when all are the same). */
    public static List<String> of(List<String> names) {
        List<String[]> parts = names.stream().map(n -> n.split(" · ", -1)).toList();
        int width = parts.stream().mapToInt(p -> p.length).max().orElse(0);
        boolean sameShape = parts.stream().allMatch(p -> p.length == width);
        List<String> out = new ArrayList<>();
        for (String[] p : parts) {
            if (!sameShape || names.size() < 2) {
                out.add(names.size() < 2 ? p[p.length - 1] : String.join(SEPARATOR, p));
                continue;
            }
            List<String> kept = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                int column = i;
                boolean same = parts.stream().allMatch(q -> q[column].equals(p[column]));
                if (!same) {
                    kept.add(p[i]);
                }
            }
            out.add(kept.isEmpty() ? p[width - 1] : String.join(SEPARATOR, kept));
        }
        return out;
    }
}
