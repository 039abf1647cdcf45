package lrwb.app.form;

import javafx.util.StringConverter;

import java.util.function.Function;

/**
 * How a choice box shows its items: a name for each, "" for none. Display only — the user picks, never types, so
 * there is no way back from text.
 */
public final class DisplayNames {
    private DisplayNames() {
    }

    public static <T> StringConverter<T> of(Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T item) {
                return item == null ? "" : name.apply(item);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("a chooser's items are picked, not typed");
            }
        };
    }
}
