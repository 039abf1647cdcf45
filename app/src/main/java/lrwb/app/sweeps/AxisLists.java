package lrwb.app.sweeps;

import lrwb.app.form.FormErrors;
import lrwb.app.form.InputField;
import lrwb.engine.model.OptimizerSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * The list fields of the sweep form read as typed values: numbers separated by commas or blanks, optimizers
 * separated by commas or semicolons (an optimizer's own settings, {@code adam:beta1=0.9,eps=1e-7}, keep their
 * commas). A wrong item sets one message on its field naming the item and the rule.
 */
final class AxisLists {
    private AxisLists() {
    }

    /** The numbers of {@code field}; empty for an empty field. */
    static List<Double> numbers(InputField field, FormErrors errors) {
        List<Double> out = new ArrayList<>();
        for (String item : items(field.text())) {
            try {
                double v = Double.parseDouble(item);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                out.add(v);
            } catch (NumberFormatException e) {
                errors.add(field, field.name() + ": '" + item + "' is no number; write numbers separated by commas, e.g. 0.001, 0.01, 0.1");
                return List.of();
            }
        }
        return out;
    }

    /** The whole numbers of {@code field}; empty for an empty field. */
    static List<Long> wholeNumbers(InputField field, FormErrors errors) {
        List<Long> out = new ArrayList<>();
        for (String item : items(field.text())) {
            try {
                out.add(Long.parseLong(item));
            } catch (NumberFormatException e) {
                errors.add(field, field.name() + ": '" + item + "' is no whole number; write whole numbers separated by commas, e.g. 1, 2, 3");
                return List.of();
            }
        }
        return out;
    }

    /** The optimizers of {@code field}, each with the engine's rules; empty for an empty field. */
    static List<OptimizerSpec> optimizers(InputField field, FormErrors errors) {
        List<OptimizerSpec> out = new ArrayList<>();
        for (String text : optimizerTexts(field.text())) {
            try {
                out.add(OptimizerSpec.parse(text));
            } catch (IllegalArgumentException e) {
                errors.add(field, field.name() + ": " + e.getMessage().replace("--optimizer: ", "").replace("--optimizer ", ""));
                return List.of();
            }
        }
        return out;
    }

    /** How many items the field lists, without judging them (the live cell count while typing). */
    static int count(String text) {
        return items(text).size();
    }

    static int optimizerCount(String text) {
        return optimizerTexts(text).size();
    }

    private static List<String> items(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split("[,;\\s]+")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** Splits at commas and semicolons, but a piece that is a setting ({@code eps=1e-7}) belongs to the optimizer before it. */
    static List<String> optimizerTexts(String text) {
        List<String> out = new ArrayList<>();
        for (String piece : text.split("[,;]")) {
            String s = piece.strip();
            if (s.isEmpty()) {
                continue;
            }
            if (s.contains("=") && !s.contains(":") && !out.isEmpty()) {
                out.set(out.size() - 1, out.get(out.size() - 1) + "," + s);
            } else {
                out.add(s);
            }
        }
        return out;
    }
}
