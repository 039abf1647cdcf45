package lrwb.app.designer;

import com.fasterxml.jackson.databind.JsonNode;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import lrwb.engine.schedule.InvalidSpecException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The form of one curve: its parameters in sections (one per part of a sequential), built from
 * {@link ParamTable}. When the spec rejects an edit, the field it names shows the message; a message that
 * names no field of the form (say, a whole part) shows at the top.
 */
public final class ParamForm {
    /**
     * A titled group of fields: the schedule itself, or one part of a sequential.
     *
     * @param part     the index of the part in the curve's own sequential, or -1 (the schedule itself, the
     *                 milestones, or a part of a nested sequential: those have no part controls)
     * @param partType the part's type, or null when {@code part} is -1
     * @param parts    how many parts the curve's sequential has, or 0
     */
    public record Section(String title, List<ParamField> fields, int part, String partType, int parts) {
        public boolean isPart() {
            return part >= 0;
        }
    }

    private final CurveModel curve;
    private final List<Section> sections = new ArrayList<>();
    private final List<ParamField> fields = new ArrayList<>();
    private final ReadOnlyStringWrapper generalError = new ReadOnlyStringWrapper(this, "generalError", "");
    private final ChangeListener<InvalidSpecException> errorListener = (o, a, b) -> showError(b);

    /**
     * @param horizon the chart's length in a unit ({@code "iteration"} or {@code "epoch"}), for step sliders
     */
    ParamForm(CurveModel curve, ToDoubleFunction<String> horizon) {
        this.curve = curve;
        build(List.of(), "", null, horizon);
        curve.errorProperty().addListener(errorListener);
        showError(curve.errorProperty().get());
    }

    private void build(List<Object> path, String idPrefix, String title, ToDoubleFunction<String> horizon) {
        JsonNode typeNode = curve.get(path, "type");
        String type = typeNode == null ? "" : typeNode.asText();
        if (!ParamTable.has(type)) {
            return;
        }
        JsonNode unitNode = curve.get(path, "unit");
        double h = horizon.applyAsDouble(unitNode == null ? "iteration" : unitNode.asText());
        List<ParamField> own = new ArrayList<>();
        for (ParamInfo info : ParamTable.of(type)) {
            own.add(new ParamField(curve, path, idPrefix + type + "." + info.name(), info, h));
        }
        if (type.equals("sequential")) {
            JsonNode parts = curve.get(path, "schedules");
            // The parts first, in order, then the milestones that join them: the order one reads a warmup chain.
            for (int i = 0; parts != null && i < parts.size(); i++) {
                List<Object> child = new ArrayList<>(path);
                child.add("schedules");
                child.add(i);
                String childType = parts.get(i).path("type").asText();
                int before = sections.size();
                build(child, idPrefix + type + ".schedules[" + i + "].",
                        "Part " + (i + 1) + " · " + ScheduleTypes.title(childType), horizon);
                if (path.isEmpty() && sections.size() > before) {
                    // The part's own section is the last one its build added (a nested sequential adds several).
                    Section s = sections.remove(sections.size() - 1);
                    sections.add(new Section(s.title(), s.fields(), i, childType, parts.size()));
                }
            }
            sections.add(new Section("Joining the parts", own, -1, null, 0));
        } else {
            sections.add(new Section(title == null ? ScheduleTypes.title(type) : title, own, -1, null, 0));
        }
        fields.addAll(own);
    }

    private void showError(InvalidSpecException e) {
        boolean placed = false;
        for (ParamField f : fields) {
            boolean mine = e != null && !placed && f.owns(e.field());
            f.showError(mine ? e.getMessage() : "");
            placed |= mine;
        }
        generalError.set(e != null && !placed ? e.getMessage() : "");
    }

    /** Stops following the curve (the form is being replaced). */
    void dispose() {
        curve.errorProperty().removeListener(errorListener);
    }

    public CurveModel curve() {
        return curve;
    }

    public List<Section> sections() {
        return List.copyOf(sections);
    }

    public List<ParamField> fields() {
        return List.copyOf(fields);
    }

    /** The field the spec calls {@code id} (e.g. {@code cyclic.maxLr}). */
    public ParamField field(String id) {
        return fields.stream().filter(f -> f.fieldId().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + id + " in this form"));
    }

    /** An error that belongs to no single field, or empty. */
    public ReadOnlyStringProperty generalErrorProperty() {
        return generalError.getReadOnlyProperty();
    }
}
