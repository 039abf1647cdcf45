package lrwb.engine.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns label texts into class indices. Numeric labels are ordered by value and compared as numbers
 * ({@code 1} and {@code 1.0} are one class), so the common 0..k-1 labels keep their index; any other
 * labels are ordered alphabetically. Sorting (rather than first appearance) keeps the class order the
 * same whichever rows a limit or a shuffled file happens to read first.
 */
final class ClassLabels {
    private ClassLabels() {
    }

    record Encoded(int[] indices, List<String> names) {
    }

    static Encoded encode(List<String> texts) {
        boolean allNumeric = texts.stream().allMatch(t -> CsvLine.number(t) != null);
        List<String> keys = new ArrayList<>(texts.size());
        for (String t : texts) {
            keys.add(allNumeric ? OptionRules.text(CsvLine.number(t)) : t);
        }
        Comparator<String> order = allNumeric
                ? Comparator.comparingDouble(Double::parseDouble)
                : Comparator.naturalOrder();
        TreeSet<String> distinct = new TreeSet<>(order);
        distinct.addAll(keys);
        List<String> names = List.copyOf(distinct);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        int[] indices = new int[keys.size()];
        for (int i = 0; i < indices.length; i++) {
            indices[i] = index.get(keys.get(i));
        }
        return new Encoded(indices, names);
    }
}
