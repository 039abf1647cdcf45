package lrwb.app.form;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import lrwb.engine.model.OptimizerSetting;
import lrwb.engine.model.OptimizerSpec;
import lrwb.engine.model.OptimizerSpec.Kind;
import lrwb.engine.schedule.NumberText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The "Optimizer settings" of a form: one field per key the optimizer named in the optimizer field takes, in the
 * engine's order ({@code adam}: beta1, beta2, eps, wd; {@code momentum}: momentum, wd, nesterov), each empty unless the
 * optimizer text gives it, with PyTorch's default as its prompt. Both ways: typing {@code adam:eps=1e-6} in the optimizer
 * field fills eps; editing eps writes the optimizer text ({@code adam:eps=1e-6}, only the keys that are filled in).
 * A value the engine refuses gets its one-line message at its own field as soon as it is typed.
 * The optimizer field stays the one source of truth: the run reads its text.
 */
public final class OptimizerSettings {
    /** One key's field: {@code prompt} is the default the engine uses when the field is empty. */
    public record Setting(String key, String prompt, InputField field) {
    }

    private final InputField optimizer;
    private final ObservableList<Setting> settings = FXCollections.observableArrayList();
    private final ObservableList<Setting> readOnly = FXCollections.unmodifiableObservableList(settings);
    private Kind kind;
    private boolean writing;

    public OptimizerSettings(InputField optimizer) {
        this.optimizer = optimizer;
        optimizer.textProperty().addListener((o, was, now) -> {
            if (!writing) {
                read(now);
            }
        });
        read(optimizer.textProperty().get());
    }

    /** The fields of the optimizer named now; empty while the optimizer field names none. */
    public ObservableList<Setting> settings() {
        return readOnly;
    }

    /** The optimizer named now, if any. */
    public Optional<Kind> kind() {
        return Optional.ofNullable(kind);
    }

    /** The field of {@code key}, if the optimizer named now takes it. */
    public Optional<InputField> field(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).map(Setting::field).findFirst();
    }

    private void read(String text) {
        String t = text == null ? "" : text.strip();
        int colon = t.indexOf(':');
        Kind named = Kind.byName(colon < 0 ? t : t.substring(0, colon)).orElse(null);
        if (named != kind) {
            kind = named;
            settings.setAll(named == null ? List.of() : fieldsOf(named));
        }
        if (kind == null) {
            return;
        }
        Map<String, String> given = given(kind, colon < 0 ? "" : t.substring(colon + 1));
        // Never writes the optimizer text back while the user types it: "adam:beta2=0.98,e" must stay as typed.
        writing = true;
        try {
            for (Setting s : settings) {
                String value = given.getOrDefault(s.key(), "");
                if (!value.equals(s.field().textProperty().get())) {
                    s.field().textProperty().set(value);
                }
            }
        } finally {
            writing = false;
        }
    }

    private List<Setting> fieldsOf(Kind k) {
        List<Setting> fields = new ArrayList<>();
        Map<OptimizerSetting, Double> defaults = k.defaults();
        for (OptimizerSetting setting : k.settingOrder()) {
            fields.add(field(setting.key(), NumberText.of(defaults.get(setting))));
        }
        if (k.takesMomentum()) {
            fields.add(field(OptimizerSpec.NESTEROV_KEY, String.valueOf(k == Kind.NESTEROV)));
        }
        return fields;
    }

    private Setting field(String key, String prompt) {
        InputField field = new InputField(key, "");
        Setting setting = new Setting(key, prompt, field);
        field.textProperty().addListener((o, was, now) -> {
            check(setting);
            if (!writing) {
                write();
            }
        });
        return setting;
    }

    /** The values the optimizer text gives, by canonical key: {@code momentum:0.95} gives momentum. */
    private static Map<String, String> given(Kind kind, String options) {
        Map<String, String> values = new LinkedHashMap<>();
        String o = options.strip();
        if (o.isEmpty()) {
            return values;
        }
        if (!o.contains("=") && kind.takesMomentum()) {
            values.put(OptimizerSetting.MOMENTUM.key(), o);
            return values;
        }
        for (String part : o.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                String key = part.substring(0, eq).strip();
                String canonical = key.equalsIgnoreCase(OptimizerSpec.NESTEROV_KEY) ? OptimizerSpec.NESTEROV_KEY
                        : OptimizerSetting.byKey(key).map(OptimizerSetting::key).orElse(key.toLowerCase(Locale.ROOT));
                values.putIfAbsent(canonical, part.substring(eq + 1).strip());
            }
        }
        return values;
    }

    /** The optimizer text from the fields: the name, then only the keys filled in ({@code momentum:0.95} alone is short). */
    private void write() {
        List<String> parts = new ArrayList<>();
        for (Setting s : settings) {
            String value = s.field().text();
            if (!value.isEmpty()) {
                parts.add(s.key() + "=" + value);
            }
        }
        String text = kind.optionName();
        if (parts.size() == 1 && kind.takesMomentum() && parts.get(0).startsWith(OptimizerSetting.MOMENTUM.key() + "=")) {
            text += ":" + parts.get(0).substring(OptimizerSetting.MOMENTUM.key().length() + 1);
        } else if (!parts.isEmpty()) {
            text += ":" + String.join(",", parts);
        }
        writing = true;
        try {
            optimizer.textProperty().set(text);
        } finally {
            writing = false;
        }
    }

    /** The engine's own rule for this one value, as one line at the setting's field. */
    private void check(Setting setting) {
        String value = setting.field().text();
        if (value.isEmpty() || kind == null) {
            setting.field().setError("");
            return;
        }
        String alone = kind.optionName() + ":" + setting.key() + "=" + value;
        try {
            OptimizerSpec.parse(alone);
            setting.field().setError("");
        } catch (IllegalArgumentException e) {
            String where = "--optimizer " + alone + ": ";
            String message = e.getMessage();
            setting.field().setError(message.startsWith(where) ? message.substring(where.length()) : message);
        }
    }
}
