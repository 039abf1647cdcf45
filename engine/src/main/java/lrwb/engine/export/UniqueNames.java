package lrwb.engine.export;

import java.util.HashSet;
import java.util.Set;

/** Names for generated classes and functions: a sequential with two cosine parts gets {@code CosineDecay} and {@code CosineDecay2}. */
final class UniqueNames {
    private final Set<String> taken = new HashSet<>();

    String claim(String base) {
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + n;
        }
        return name;
    }
}
