package lrwb.app.shell;

import lrwb.app.stream.TaskExecutor;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * What the window remembers between sessions, in {@code window.properties} in the workbench home: its size and
 * place, the split positions, the Designer's curves and the last values of the Training and Finder forms. A plain
 * list of keys and texts, read before the window is built and written when it closes, both off the FX thread.
 * A missing or damaged file is a fresh start, never an error: nothing here is worth refusing to open for.
 */
public final class WorkbenchState {
    /** The file's name in the workbench home. */
    public static final String FILE_NAME = "window.properties";

    private final Properties values;

    private WorkbenchState(Properties values) {
        this.values = values;
    }

    /** Nothing remembered: a first start. */
    public static WorkbenchState empty() {
        return new WorkbenchState(new Properties());
    }

    /** Reads the file (any thread but the FX thread); empty when there is none or it cannot be read. */
    public static WorkbenchState read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return empty(); // a first start, or a damaged file: start afresh
        }
        return new WorkbenchState(p);
    }

    /** Writes a copy of these values atomically (temp file, then move) on the executor; completes with null or why not. */
    public CompletableFuture<IOException> write(TaskExecutor executor, Path file) {
        String text = text();
        return executor.supply(() -> {
            try {
                Files.createDirectories(file.getParent());
                Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return (IOException) null;
            } catch (IOException e) {
                return e;
            }
        });
    }

    /** The file's text: sorted keys, so two saves of the same state are the same file. */
    String text() {
        Properties sorted = new Properties() {
            @Override
            public synchronized java.util.Enumeration<Object> keys() {
                return java.util.Collections.enumeration(new java.util.TreeSet<>(super.keySet()));
            }

            @Override
            public java.util.Set<java.util.Map.Entry<Object, Object>> entrySet() {
                java.util.Set<java.util.Map.Entry<Object, Object>> s = new java.util.TreeSet<>(
                        java.util.Comparator.comparing(e -> e.getKey().toString()));
                s.addAll(super.entrySet());
                return s;
            }
        };
        sorted.putAll(values);
        StringWriter out = new StringWriter();
        try (Writer w = out) {
            sorted.store(w, "LR Workbench: the window as it was left");
        } catch (IOException e) {
            throw new IllegalStateException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /** Reads the text of {@link #text()} back (tests). */
    static WorkbenchState parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new WorkbenchState(p);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    /** A finite number, or empty when the key is missing or not a number. */
    public OptionalDouble number(String key) {
        try {
            String v = values.getProperty(key);
            double d = v == null ? Double.NaN : Double.parseDouble(v);
            return Double.isFinite(d) ? OptionalDouble.of(d) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    public void put(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    public void put(String key, double value) {
        put(key, Double.toString(value));
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }
}
